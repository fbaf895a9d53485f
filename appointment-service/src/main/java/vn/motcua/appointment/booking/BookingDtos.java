package vn.motcua.appointment.booking;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.appointment.servicepoint.ServicePoint;

import java.time.OffsetDateTime;

/** Request and response bodies of the booking endpoints. */
public final class BookingDtos {

    private BookingDtos() {
    }

    @Schema(name = "CreateBooking")
    public record CreateBooking(
            @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,50}") @Schema(example = "HN-BADINH-MC") String servicePointCode,
            @NotBlank @Pattern(regexp = "[0-9A-Za-z.]{3,30}") @Schema(example = "1.001193") String procedureCode,
            @NotNull @Schema(example = "2026-11-25T08:30:00+07:00") OffsetDateTime slotStart,
            @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}") @Schema(example = "3f9c1a2e-5b7d-4e8f-9a0b-1c2d3e4f5a6b",
                    description = "the dossier this visit is for, if any: one of the caller's own dossiers that has "
                            + "not ended") String dossierId) {
    }

    @Schema(name = "RescheduleBooking")
    public record Reschedule(
            @NotNull @Schema(example = "2026-11-26T09:00:00+07:00") OffsetDateTime slotStart,
            @Schema(example = "1", description = "the version read; a stale one is refused with 409") Long version) {
    }

    @Schema(name = "CancelBooking")
    public record Cancel(
            @Size(max = 500) @Schema(example = "Tôi bận việc đột xuất") String reason,
            @Schema(example = "1") Long version) {
    }

    @Schema(name = "Booking")
    public record BookingView(
            String id,
            @Schema(example = "LH7K2M9QXP") String code,
            @Schema(example = "CONFIRMED") BookingStatus status,
            String citizenId,
            String citizenName,
            String dossierId,
            String servicePointCode,
            String servicePointName,
            String servicePointAddress,
            String procedureCode,
            String procedureName,
            OffsetDateTime slotStart,
            OffsetDateTime slotEnd,
            @Schema(description = "while HELD: the seat is released after this") OffsetDateTime holdExpiresAt,
            @Schema(description = "for the citizen, in Vietnamese") String cancelReason,
            @Schema(description = "stable code of the cancellation reason", example = "DOSSIER_REFUSED") CancellationReason cancelReasonCode,
            String suspensionId,
            String exceptionId,
            long version) {

        public static BookingView of(Booking booking, ServicePoint point) {
            return new BookingView(booking.id.toString(), booking.code, booking.status, booking.citizenId,
                    booking.citizenName, booking.dossierId, point.code, point.name, point.address, booking.procedureCode,
                    point.procedure(booking.procedureCode).map(p -> p.procedureName).orElse(null),
                    BookingEvents.local(booking.slotStart), BookingEvents.local(booking.slotEnd),
                    booking.status == BookingStatus.HELD ? BookingEvents.local(booking.holdExpiresAt) : null,
                    booking.cancelReason, booking.cancelReasonCode, booking.suspensionId == null ? null : booking.suspensionId.toString(),
                    booking.exceptionId == null ? null : booking.exceptionId.toString(), booking.version);
        }
    }
}
