package vn.motcua.notification.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.messaging.inbox.EventHandler;
import vn.motcua.notification.message.Notifier;

import java.util.Set;

/** Reads the events of every service and applies the notification rules to each (once per event: the ledger). */
@ApplicationScoped
public class NotificationRulesHandler implements EventHandler {

    @Inject
    Notifier notifier;

    @Override
    public Set<String> topics() {
        return NotificationRules.TOPICS;
    }

    @Override
    public Set<String> eventTypes() {
        return NotificationRules.eventTypes();
    }

    @Override
    public void handle(CloudEvent event) {
        notifier.notify(event);
    }

    @Override
    public String name() {
        return "notification-rules";
    }
}
