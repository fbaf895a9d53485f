package vn.motcua.messaging.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.messaging.inbox.EventHandler;

import java.util.Set;

/** Records every note event it sees; fails for the text "poison", to exercise retries and the dead-letter topic. */
@ApplicationScoped
public class NoteSeenHandler implements EventHandler {

    @Inject
    EntityManager entityManager;

    @Override
    public Set<String> topics() {
        return Set.of(NoteService.TOPIC);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(NoteService.NOTED);
    }

    @Override
    public void handle(CloudEvent event) {
        String text = event.data().path("text").asText();
        entityManager.createNativeQuery("insert into note_seen (event_id, text) values (?1, ?2)")
                .setParameter(1, event.id()).setParameter(2, text).executeUpdate();
        if (text.equals("poison")) {
            throw new IllegalArgumentException("cannot digest poison");
        }
    }
}
