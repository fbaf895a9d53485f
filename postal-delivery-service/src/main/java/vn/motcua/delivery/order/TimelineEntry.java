package vn.motcua.delivery.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One line of an order's timeline: an operator report (applied or arrived too late) or one of our own steps. */
@Entity
@Table(name = "delivery_timeline")
public class TimelineEntry extends PanacheEntityBase {

    public enum Source { OPERATOR_API, OPERATOR_KAFKA, SYSTEM, OFFICER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID orderId;
    /** STATUS_REPORT, CREATED, WAITING_FOR_WAYBILL, DISPATCHED, ADDRESS_CHANGED, CANCELLED, REDELIVERY_REQUESTED, FEE_PREPAID, SLA_BREACHED. */
    public String entry;
    public String status;
    public boolean applied = true;
    public OffsetDateTime occurredAt;
    public OffsetDateTime recordedAt;
    public String carrierCode;
    public String postOfficeCode;
    public String postOfficeName;
    public String note;
    public String reportId;
    public String source;
    public String actor;

    public static TimelineEntry of(UUID orderId, String entry, DeliveryStatus status, OffsetDateTime occurredAt,
                                   Source source, String actor, String note) {
        TimelineEntry line = new TimelineEntry();
        line.orderId = orderId;
        line.entry = entry;
        line.status = status == null ? null : status.name();
        line.occurredAt = occurredAt;
        line.recordedAt = OffsetDateTime.now(occurredAt.getOffset());
        line.source = source.name();
        line.actor = actor;
        line.note = note == null || note.length() <= 1000 ? note : note.substring(0, 1000);
        return line;
    }

    public static List<TimelineEntry> of(UUID orderId) {
        return list("orderId = ?1 order by occurredAt, id", orderId);
    }
}
