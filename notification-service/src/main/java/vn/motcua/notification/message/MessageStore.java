package vn.motcua.notification.message;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** SQL that JPA does not express well: insert-once and claiming due messages across instances. */
@ApplicationScoped
public class MessageStore {

    @Inject
    EntityManager entityManager;

    /**
     * Inserts the message unless one exists for the same (source event, recipient, channel).
     *
     * @return true when this call created it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insertOnce(NotificationMessage m) {
        return entityManager.createNativeQuery("""
                        insert into notification_message (id, source_event_id, event_type, dossier_id, recipient_id, channel,
                            address, language, category, mandatory, template_code, template_version, title, body, status,
                            failure_reason, provider, attempts, next_attempt_at, delivered_at, created_at, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 0, ?18, ?19, ?20, ?20)
                        on conflict on constraint notification_message_once do nothing""")
                .setParameter(1, m.id).setParameter(2, m.sourceEventId).setParameter(3, m.eventType)
                .setParameter(4, m.dossierId).setParameter(5, m.recipientId).setParameter(6, m.channel.name())
                .setParameter(7, m.address).setParameter(8, m.language).setParameter(9, m.category)
                .setParameter(10, m.mandatory).setParameter(11, m.templateCode).setParameter(12, m.templateVersion)
                .setParameter(13, m.title).setParameter(14, m.body).setParameter(15, m.status.name())
                .setParameter(16, m.failureReason).setParameter(17, m.provider).setParameter(18, m.nextAttemptAt)
                .setParameter(19, m.deliveredAt).setParameter(20, m.createdAt)
                .executeUpdate() == 1;
    }

    /**
     * Claims up to {@code limit} due messages for this sender under {@code token}: marks them SENDING with a lease, so
     * that another instance skips them ({@code skip locked}) and a crashed sender's messages come back after the lease.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> claimDue(UUID token, OffsetDateTime now, OffsetDateTime leaseUntil, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        select id from notification_message
                        where status in ('QUEUED', 'SENDING', 'TEMPORARY_FAILURE', 'TECHNICAL_FAILURE')
                          and dead_lettered_at is null and next_attempt_at <= ?1
                        order by next_attempt_at limit ?2 for update skip locked""", UUID.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
        if (!ids.isEmpty()) {
            entityManager.createNativeQuery("""
                            update notification_message set status = 'SENDING', attempts = attempts + 1, claim_token = :token,
                                next_attempt_at = :lease, updated_at = :now where id in (:ids)""")
                    .setParameter("token", token).setParameter("lease", leaseUntil).setParameter("now", now)
                    .setParameter("ids", ids).executeUpdate();
        }
        return ids;
    }

    /**
     * Confirms, right before sending, that the message is still claimed by {@code token} (not taken over after an
     * expired lease, nor re-queued by an admin), and moves its lease forward.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean stillClaimed(UUID id, UUID token, OffsetDateTime leaseUntil) {
        return entityManager.createNativeQuery("""
                        update notification_message set next_attempt_at = ?3
                        where id = ?1 and claim_token = ?2 and status = 'SENDING'""")
                .setParameter(1, id).setParameter(2, token).setParameter(3, leaseUntil).executeUpdate() == 1;
    }

    /** Moves the lease of the claim's messages not written back yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void renewLease(UUID token, OffsetDateTime leaseUntil) {
        entityManager.createNativeQuery("""
                        update notification_message set next_attempt_at = ?2 where claim_token = ?1 and status = 'SENDING'""")
                .setParameter(1, token).setParameter(2, leaseUntil).executeUpdate();
    }
}
