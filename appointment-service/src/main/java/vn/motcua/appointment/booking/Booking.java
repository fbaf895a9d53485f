package vn.motcua.appointment.booking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.motcua.web.problem.CommonProblems;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A citizen's booking of a slot (đặt lịch hẹn) at a service point for a procedure. */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    @Column(name = "citizen_id")
    public String citizenId;
    @Column(name = "citizen_name")
    public String citizenName;
    @Column(name = "citizen_email")
    public String citizenEmail;
    @Column(name = "citizen_phone")
    public String citizenPhone;
    @Column(name = "dossier_id")
    public String dossierId;
    @Column(name = "service_point_id")
    public UUID servicePointId;
    @Column(name = "procedure_code")
    public String procedureCode;
    @Column(name = "slot_start")
    public OffsetDateTime slotStart;
    @Column(name = "slot_end")
    public OffsetDateTime slotEnd;
    @Enumerated(EnumType.STRING)
    public BookingStatus status;
    @Column(name = "hold_expires_at")
    public OffsetDateTime holdExpiresAt;
    @Column(name = "exception_id")
    public UUID exceptionId;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;
    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;
    @Column(name = "cancelled_by")
    public String cancelledBy;
    @Column(name = "cancel_reason")
    public String cancelReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_reason_code")
    public CancellationReason cancelReasonCode;
    @Column(name = "suspension_id")
    public UUID suspensionId;
    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    @Version
    public long version;

    /** Moves the state machine; a transition it does not allow is a 409 with a stable code. */
    public void moveTo(BookingStatus target) {
        if (!status.canBecome(target)) {
            throw new CommonProblems.WrongState(target == BookingStatus.CHECKED_IN && status == BookingStatus.CHECKED_IN
                    ? "ALREADY_CHECKED_IN" : "BOOKING_WRONG_STATE",
                    "Booking " + code + " is " + status + " and cannot become " + target);
        }
        status = target;
    }

    /** The Kafka key: the dossier id when the booking is linked to one, so it is ordered with the dossier's events. */
    public String eventKey() {
        return dossierId != null ? dossierId : id.toString();
    }
}
