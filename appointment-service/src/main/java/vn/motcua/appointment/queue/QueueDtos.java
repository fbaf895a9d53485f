package vn.motcua.appointment.queue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of the queue endpoints. */
public final class QueueDtos {

    private QueueDtos() {
    }

    @Schema(name = "WalkIn")
    public record WalkIn(
            @NotBlank @Pattern(regexp = "[0-9A-Za-z.]{3,30}") @Schema(example = "1.001193") String procedureCode,
            @Size(max = 300) @Schema(example = "Trần Thị Bình") String citizenName) {
    }

    @Schema(name = "CallNext")
    public record CallNext(@NotBlank @Pattern(regexp = "[A-Z0-9-]{1,20}") @Schema(example = "Q01") String counterCode) {
    }

    @Schema(name = "QueueTicket")
    public record TicketView(
            String id,
            @Schema(example = "A007") String number,
            @Schema(example = "WAITING") TicketStatus status,
            String servicePointCode,
            LocalDate serviceDay,
            String procedureCode,
            String bookingId,
            String citizenName,
            int calls,
            String counterCode,
            OffsetDateTime issuedAt,
            @Schema(description = "for a waiting ticket: expected minutes until it is called", example = "15") Long estimatedWaitMinutes,
            long version) {
    }

    @Schema(name = "QueueOfDay")
    public record QueueView(String servicePointCode, LocalDate serviceDay, int waiting, List<TicketView> tickets) {
    }
}
