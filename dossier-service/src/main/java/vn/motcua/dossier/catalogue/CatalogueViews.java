package vn.motcua.dossier.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.dossier.dossier.ReturnMethod;

import java.time.LocalDate;
import java.util.List;

/** Request and response bodies of the catalogue API. */
public final class CatalogueViews {

    private CatalogueViews() {
    }

    public enum OnlineLevel { FULL, PARTIAL }

    public enum AgencyLevel { CENTRAL, PROVINCE, COMMUNE }

    @Schema(name = "Procedure")
    public record ProcedureView(
            @Schema(example = "1.001193") String code,
            @Schema(example = "Đăng ký khai sinh") String name,
            @Schema(example = "Hộ tịch") String sector,
            @Schema(example = "COMMUNE") String agencyLevel,
            @Schema(example = "000.00.12.H29") String agencyCode,
            @Schema(example = "UBND phường Ba Đình") String agencyName,
            @Schema(example = "FULL") String onlineLevel,
            @Schema(example = "1") int processingDays,
            boolean inPersonRequired,
            List<ReturnMethod> returnMethods,
            List<FeeLine> fees,
            @Schema(example = "0") long feeTotalVnd,
            List<RequiredDocument> requiredDocuments,
            boolean active,
            long version) {
    }

    /** Admin write model of a procedure. */
    @Schema(name = "ProcedureRequest")
    public record ProcedureRequest(
            @Schema(example = "1.001193") @NotBlank @Pattern(regexp = "[0-9]\\.[0-9]{6}") String code,
            @Schema(example = "Đăng ký khai sinh") @NotBlank @Size(max = 500) String name,
            @Schema(example = "Hộ tịch") @NotBlank @Size(max = 200) String sector,
            @NotNull AgencyLevel agencyLevel,
            @Schema(example = "000.00.12.H29") @NotBlank String agencyCode,
            @NotNull OnlineLevel onlineLevel,
            @Schema(example = "1") @Min(0) @Max(365) int processingDays,
            boolean inPersonRequired,
            @NotEmpty @Size(max = 3) List<@NotNull ReturnMethod> returnMethods,
            @NotNull @Size(max = 20) List<@Valid @NotNull FeeLineRequest> fees,
            @NotNull @Size(max = 30) List<@Valid @NotNull RequiredDocument> requiredDocuments,
            @Schema(description = "the version read, for updates; ignored on create") Long version) {
    }

    @Schema(name = "FeeLine")
    public record FeeLineRequest(
            @Schema(example = "LP_LLTP") @NotBlank @Size(max = 40) String code,
            @Schema(example = "Phí cấp Phiếu lý lịch tư pháp") @NotBlank @Size(max = 300) String name,
            @Schema(example = "200000") @PositiveOrZero @Max(1_000_000_000) long amountVnd) {
    }

    @Schema(name = "Agency")
    public record AgencyView(
            @Schema(example = "000.00.12.H29") String code,
            @Schema(example = "UBND phường Ba Đình") String name,
            @Schema(example = "COMMUNE") String level,
            @Schema(example = "000.00.01.H29") String parentCode,
            @Schema(example = "00004") String adminUnitCode) {
    }

    @Schema(name = "AdminUnit")
    public record AdminUnitView(
            @Schema(example = "00004") String code,
            @Schema(example = "COMMUNE") String level,
            @Schema(example = "Phường Ba Đình") String name,
            @Schema(example = "01") String parentCode,
            @Schema(example = "2025-07-01") LocalDate validFrom,
            LocalDate validTo,
            boolean validToday) {
    }
}
