package vn.motcua.notification.inbox;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.notification.message.Channel;
import vn.motcua.notification.message.NotificationMessage;
import vn.motcua.web.request.PageRequest;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A person's in-app notifications: only their own, ever. */
@ApplicationScoped
@Transactional
public class InboxService {

    @Transactional(Transactional.TxType.SUPPORTS)
    public vn.motcua.web.request.Page<InboxItem> list(String recipientId, boolean unreadOnly, PageRequest page) {
        String query = "recipientId = ?1 and channel = ?2" + (unreadOnly ? " and readAt is null" : "");
        PanacheQuery<NotificationMessage> q = NotificationMessage.find(query,
                Sort.descending("createdAt").and("id"), recipientId, Channel.IN_APP);
        var items = q.page(Page.of(page.page(), page.size())).list().stream().map(InboxItem::of).toList();
        return new vn.motcua.web.request.Page<>(items, page.page(), page.size(), q.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unread(String recipientId) {
        return NotificationMessage.count("recipientId = ?1 and channel = ?2 and readAt is null", recipientId, Channel.IN_APP);
    }

    /** Marks one notification read (idempotent); empty when it is not the caller's or does not exist. */
    public Optional<InboxItem> markRead(String recipientId, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return NotificationMessage.<NotificationMessage>find("id = ?1 and recipientId = ?2 and channel = ?3", uuid,
                        recipientId, Channel.IN_APP).firstResultOptional()
                .map(m -> {
                    if (m.readAt == null) {
                        m.readAt = OffsetDateTime.now(CloudEventCodec.ZONE);
                        m.updatedAt = m.readAt;
                    }
                    return InboxItem.of(m);
                });
    }

    public int markAllRead(String recipientId) {
        return NotificationMessage.update("readAt = ?1, updatedAt = ?1 where recipientId = ?2 and channel = ?3 and readAt is null",
                OffsetDateTime.now(CloudEventCodec.ZONE), recipientId, Channel.IN_APP);
    }
}
