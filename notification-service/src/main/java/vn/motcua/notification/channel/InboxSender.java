package vn.motcua.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;
import vn.motcua.notification.message.Channel;
import vn.motcua.notification.message.NotificationMessage;
import vn.motcua.notification.message.SendResult;

/** The inbox is our own table: an in-app message is delivered when it is written (a re-queued one, at once). */
@ApplicationScoped
public class InboxSender implements ChannelSender {

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public SendResult send(NotificationMessage message) {
        return SendResult.delivered("inbox", message.id.toString());
    }
}
