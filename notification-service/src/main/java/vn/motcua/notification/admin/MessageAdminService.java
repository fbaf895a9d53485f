package vn.motcua.notification.admin;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.notification.message.Channel;
import vn.motcua.notification.message.DeliveryStatus;
import vn.motcua.notification.message.NotificationMessage;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Admins' view of every message: delivery status, dead letters, re-queueing after the cause is fixed. */
@ApplicationScoped
@Transactional
public class MessageAdminService {

    public record Filter(Optional<DeliveryStatus> status, Optional<Channel> channel, boolean deadLettersOnly,
                         Optional<String> recipientId, Optional<String> dossierId, Optional<String> sourceEventId,
                         Optional<String> provider) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MessageView> list(Filter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        filter.status().ifPresent(s -> { where.add("status = :status"); params.and("status", s); });
        filter.channel().ifPresent(c -> { where.add("channel = :channel"); params.and("channel", c); });
        filter.recipientId().ifPresent(r -> { where.add("recipientId = :recipient"); params.and("recipient", r); });
        filter.dossierId().ifPresent(d -> { where.add("dossierId = :dossier"); params.and("dossier", d); });
        filter.sourceEventId().ifPresent(e -> { where.add("sourceEventId = :event"); params.and("event", e); });
        filter.provider().ifPresent(p -> { where.add("provider = :provider"); params.and("provider", p); });
        if (filter.deadLettersOnly()) {
            // dead letters: retries used up, or failed for good (bad address, template without value)
            where.add("(deadLetteredAt is not null or status = :permanent)");
            params.and("permanent", DeliveryStatus.PERMANENT_FAILURE);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        PanacheQuery<NotificationMessage> q = NotificationMessage.find(query, Sort.descending("createdAt").and("id"), params);
        List<MessageView> items = q.page(io.quarkus.panache.common.Page.of(page.page(), page.size())).list()
                .stream().map(MessageView::of).toList();
        return new Page<>(items, page.page(), page.size(), q.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MessageView get(String id) {
        return MessageView.of(find(id));
    }

    /** Puts a dead-lettered or permanently failed message back in the queue with fresh attempts. */
    public MessageView requeue(String id) {
        NotificationMessage m = find(id);
        boolean dead = m.deadLetteredAt != null || m.status == DeliveryStatus.PERMANENT_FAILURE;
        if (!dead || !m.status.canBecome(DeliveryStatus.QUEUED)) {
            throw new CommonProblems.WrongState("MESSAGE_NOT_DEAD_LETTERED",
                    "Message " + id + " is " + m.status + " and not dead-lettered; only dead letters can be re-queued");
        }
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        m.status = DeliveryStatus.QUEUED;
        m.attempts = 0;
        m.deadLetteredAt = null;
        m.nextAttemptAt = now;
        m.updatedAt = now;
        return MessageView.of(m);
    }

    private static NotificationMessage find(String id) {
        try {
            NotificationMessage m = NotificationMessage.findById(UUID.fromString(id));
            if (m != null) {
                return m;
            }
        } catch (IllegalArgumentException e) {
            // not a UUID: not found either
        }
        throw new CommonProblems.NotFound("Message", id);
    }
}
