package vn.motcua.appointment.suspension;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of suspensions and urgent exceptions. */
public final class SuspensionDtos {

    private SuspensionDtos() {
    }

    @Schema(name = "CreateSuspension")
    public record CreateSuspension(
            @NotNull @Schema(example = "SERVICE_POINT") IntakeSuspension.ScopeType scopeType,
            @NotEmpty @Size(max = 50) @Schema(example = "[\"HN-BADINH-MC\"]",
                    description = "service point codes, admin unit (province or commune) codes, or procedure codes")
            List<@NotBlank @Pattern(regexp = "[0-9A-Za-z.-]{1,50}") String> scopeCodes,
            @Size(max = 50) @Schema(description = "only these procedures (omit: all); ignored for PROCEDURE scope")
            List<@NotBlank @Pattern(regexp = "[0-9A-Za-z.]{3,30}") String> procedureCodes,
            @NotNull @Schema(example = "2026-11-24T00:00:00+07:00") OffsetDateTime startsAt,
            @NotNull @Schema(example = "2026-12-08T00:00:00+07:00") OffsetDateTime endsAt,
            @NotBlank @Size(max = 1000) @Schema(example = "Phòng, chống dịch theo Quyết định số 123/QĐ-UBND") String reason) {
    }

    @Schema(name = "Suspension")
    public record SuspensionView(String id, IntakeSuspension.ScopeType scopeType, List<String> scopeCodes,
                                 List<String> procedureCodes, List<String> servicePointCodes, OffsetDateTime startsAt,
                                 OffsetDateTime endsAt, String reason, String agencyCode, String decidedBy, String status,
                                 OffsetDateTime endedAt, Integer bookingsCancelled, long version) {
    }

    @Schema(name = "ExceptionCitizen", description = "the citizen an officer files the request for")
    public record CitizenDto(
            @NotBlank @Size(max = 200) @Schema(example = "cd-001") String id,
            @NotBlank @Size(max = 300) @Schema(example = "Nguyễn Văn An") String fullName,
            @Email @Size(max = 300) @Schema(example = "an.nguyen@example.vn") String email,
            @Pattern(regexp = "[0-9+ ]{8,20}") @Schema(example = "0912345678") String phone) {
    }

    @Schema(name = "CreateExceptionRequest")
    public record CreateExceptionRequest(
            @NotBlank @Size(max = 1000) @Schema(example = "Cần giấy khai sinh gấp để làm thủ tục nhập viện cho con") String reason,
            @Pattern(regexp = "[A-Z0-9-]{2,50}") @Schema(example = "HN-BADINH-MC") String servicePointCode,
            @Pattern(regexp = "[0-9A-Za-z.]{3,30}") @Schema(example = "1.001193") String procedureCode,
            @Valid @Schema(description = "required when an officer files it; ignored for a citizen") CitizenDto citizen) {
    }

    @Schema(name = "ExceptionDecision")
    public record Decision(@Size(max = 1000) @Schema(example = "Trường hợp cấp bách, đồng ý") String note) {
    }

    @Schema(name = "ExceptionRequest")
    public record ExceptionView(String id, String suspensionId, String citizenId, String citizenName,
                                String servicePointCode, String procedureCode, String reason, String requestedBy,
                                OffsetDateTime requestedAt, ExceptionStatus status, String decidedBy,
                                OffsetDateTime decidedAt, String decisionNote, String bookingId, long version) {
    }
}
