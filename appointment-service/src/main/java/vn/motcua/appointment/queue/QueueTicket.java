package vn.motcua.appointment.queue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A queue number (số thứ tự) of one service point on one day. */
@Entity
@Table(name = "queue_ticket")
public class QueueTicket extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "service_point_id")
    public UUID servicePointId;
    @Column(name = "service_day")
    public LocalDate serviceDay;
    public String prefix;
    public int number;
    @Column(name = "display_number")
    public String displayNumber;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "procedure_code")
    public String procedureCode;
    @Column(name = "citizen_name")
    public String citizenName;
    @Column(name = "slot_start")
    public OffsetDateTime slotStart;
    @Enumerated(EnumType.STRING)
    public TicketStatus status;
    public int calls;
    @Column(name = "counter_code")
    public String counterCode;
    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;
    @Column(name = "called_at")
    public OffsetDateTime calledAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    @Column(name = "finished_by")
    public String finishedBy;
    @Version
    public long version;
}
