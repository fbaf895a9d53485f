package vn.motcua.notification.channel;

import vn.motcua.notification.message.Channel;
import vn.motcua.notification.message.NotificationMessage;
import vn.motcua.notification.message.SendResult;

/** A provider adapter for one channel. Called outside any transaction; must not throw for provider answers. */
public interface ChannelSender {

    Channel channel();

    SendResult send(NotificationMessage message);
}
