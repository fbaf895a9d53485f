package vn.motcua.appointment.suspension;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An urgent exception to a suspension: one in-person booking allowed inside it once a leader approves. */
@Entity
@Table(name = "suspension_exception")
public class SuspensionException extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "suspension_id")
    public UUID suspensionId;
    @Column(name = "citizen_id")
    public String citizenId;
    @Column(name = "citizen_name")
    public String citizenName;
    @Column(name = "citizen_email")
    public String citizenEmail;
    @Column(name = "citizen_phone")
    public String citizenPhone;
    @Column(name = "service_point_id")
    public UUID servicePointId;
    @Column(name = "procedure_code")
    public String procedureCode;
    public String reason;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Enumerated(EnumType.STRING)
    public ExceptionStatus status;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Version
    public long version;
}
