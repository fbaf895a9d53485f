package vn.motcua.appointment.servicepoint;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.appointment.capacity.CapacityPolicy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** Request and response bodies of the service-point endpoints. Entities never reach JSON. */
public final class ServicePointDtos {

    private ServicePointDtos() {
    }

    @Schema(name = "Counter")
    public record CounterDto(
            @NotBlank @Pattern(regexp = "[A-Z0-9-]{1,20}") @Schema(example = "Q01") String code,
            @NotBlank @Size(max = 200) @Schema(example = "Quầy 1 — Hộ tịch") String name,
            @NotBlank @Pattern(regexp = "[A-Z]{1,3}") @Schema(example = "A", description = "queue number prefix") String counterGroup) {
    }

    @Schema(name = "ServedProcedure")
    public record ProcedureDto(
            @NotBlank @Pattern(regexp = "[0-9A-Za-z.]{3,30}") @Schema(example = "1.001193") String procedureCode,
            @NotBlank @Size(max = 300) @Schema(example = "Đăng ký khai sinh") String procedureName,
            @Min(5) @Max(240) @Schema(example = "30") int slotMinutes,
            @Min(0) @Max(500) @Schema(example = "4", description = "seats per slot bookable online") int publicQuota,
            @Min(0) @Max(500) @Schema(example = "2", description = "seats per slot kept for walk-ins") int internalQuota,
            @NotBlank @Pattern(regexp = "[A-Z]{1,3}") @Schema(example = "A") String counterGroup) {
    }

    @Schema(name = "OpeningHours")
    public record HoursDto(
            @NotNull @Schema(example = "MONDAY") DayOfWeek dayOfWeek,
            @NotNull @Schema(example = "08:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime opens,
            @NotNull @Schema(example = "17:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime closes,
            @Schema(example = "12:00", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime breakStarts,
            @Schema(example = "13:30", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING) LocalTime breakEnds) {
    }

    @Schema(name = "CreateServicePoint")
    public record CreateServicePoint(
            @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,50}") @Schema(example = "HN-BADINH-MC") String code,
            @NotBlank @Size(max = 300) @Schema(example = "Bộ phận một cửa UBND phường Ba Đình") String name,
            @NotBlank @Pattern(regexp = "[0-9A-Z.]{3,50}") @Schema(example = "000.00.12.H29") String agencyCode,
            @NotBlank @Pattern(regexp = "[0-9]{2}") @Schema(example = "01") String provinceCode,
            @Pattern(regexp = "[0-9]{5}") @Schema(example = "00004") String communeCode,
            @NotBlank @Size(max = 500) @Schema(example = "Số 25 phố Liễu Giai, phường Ba Đình, Hà Nội") String address,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull CounterDto> counters,
            @NotEmpty @Size(max = 200) List<@Valid @NotNull ProcedureDto> procedures,
            @NotEmpty @Size(max = 7) List<@Valid @NotNull HoursDto> openingHours) {
    }

    @Schema(name = "ServicePoint")
    public record ServicePointView(
            @Schema(example = "HN-BADINH-MC") String code,
            @Schema(example = "Bộ phận một cửa UBND phường Ba Đình") String name,
            @Schema(example = "000.00.12.H29") String agencyCode,
            @Schema(example = "01") String provinceCode,
            @Schema(example = "00004") String communeCode,
            String address,
            List<CounterDto> counters,
            List<ProcedureDto> procedures,
            List<HoursDto> openingHours,
            long version) {

        static ServicePointView of(ServicePoint point) {
            return new ServicePointView(point.code, point.name, point.agencyCode, point.provinceCode, point.communeCode,
                    point.address,
                    point.counters.stream().map(c -> new CounterDto(c.code, c.name, c.counterGroup)).toList(),
                    point.procedures.stream().map(p -> new ProcedureDto(p.procedureCode, p.procedureName, p.slotMinutes,
                            p.publicQuota, p.internalQuota, p.counterGroup)).toList(),
                    point.openingHours.stream().sorted(java.util.Comparator.comparingInt(h -> h.dayOfWeek))
                            .map(h -> new HoursDto(DayOfWeek.of(h.dayOfWeek), h.opens, h.closes, h.breakStarts, h.breakEnds))
                            .toList(),
                    point.version);
        }
    }

    @Schema(name = "CreateClosure")
    public record CreateClosure(
            @NotNull @Schema(example = "2026-12-24") LocalDate firstDay,
            @NotNull @Schema(example = "2026-12-24") LocalDate lastDay,
            @NotBlank @Size(max = 500) @Schema(example = "Sửa chữa trụ sở") String reason) {
    }

    @Schema(name = "Closure")
    public record ClosureView(String id, LocalDate firstDay, LocalDate lastDay, String reason, String createdBy) {
        static ClosureView of(Closure closure) {
            return new ClosureView(closure.id.toString(), closure.firstDay, closure.lastDay, closure.reason, closure.createdBy);
        }
    }

    @Schema(name = "CreateCapacityPolicy")
    public record CreateCapacityPolicy(
            @Pattern(regexp = "[0-9A-Za-z.]{3,30}") @Schema(example = "1.001193", description = "omit for every procedure") String procedureCode,
            @NotNull @Schema(example = "2026-12-01") LocalDate effectiveFrom,
            @Schema(example = "2026-12-14", description = "inclusive; omit for until further notice") LocalDate effectiveTo,
            @Min(0) @Max(100) @Schema(example = "50") Integer seatPercent,
            @Min(0) @Max(500) @Schema(example = "2") Integer maxPerSlot,
            @NotBlank @Size(max = 500) @Schema(example = "Phòng, chống dịch: 50% chỗ ngồi, tối đa 2 người") String reason) {
    }

    @Schema(name = "CapacityPolicy")
    public record CapacityPolicyView(String id, String procedureCode, LocalDate effectiveFrom, LocalDate effectiveTo,
                                     Integer seatPercent, Integer maxPerSlot, String reason, String createdBy) {
        public static CapacityPolicyView of(CapacityPolicy policy) {
            return new CapacityPolicyView(policy.id.toString(), policy.procedureCode, policy.effectiveFrom, policy.effectiveTo,
                    policy.seatPercent, policy.maxPerSlot, policy.reason, policy.createdBy);
        }
    }
}
