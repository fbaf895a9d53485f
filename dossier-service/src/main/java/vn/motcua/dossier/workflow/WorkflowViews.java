package vn.motcua.dossier.workflow;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** Bodies of the officer actions. {@code version}: the dossier version the officer read (optional, 409 when stale). */
public final class WorkflowViews {

    private WorkflowViews() {
    }

    @Schema(name = "ReceiveRequest")
    public record ReceiveRequest(@Size(max = 2000) String note, Long version) {
    }

    @Schema(name = "SupplementRequest")
    public record SupplementRequest(
            @Schema(example = "Thiếu giấy chứng sinh bản chính") @NotBlank @Size(max = 2000) String reason,
            @Schema(example = "[\"GCS\"]") @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 300) String> missingItems,
            Long version) {
    }

    @Schema(name = "ReasonRequest")
    public record ReasonRequest(@Schema(example = "Hồ sơ không thuộc thẩm quyền") @NotBlank @Size(max = 2000) String reason,
                                Long version) {
    }

    @Schema(name = "StepRequest", description = "Start or hand over a processing step; deadline as a date-time or in working days")
    public record StepRequest(
            @Schema(example = "Thẩm định") @NotBlank @Size(max = 200) String stepName,
            @Schema(example = "cb-002") @NotBlank @Size(max = 200) String assigneeId,
            OffsetDateTime stepDueAt,
            @Schema(example = "1") @Min(0) @Max(365) Integer stepWorkingDays,
            Long version) {
    }

    @Schema(name = "ResolveRequest")
    public record ResolveRequest(
            @Schema(example = "Đã cấp Giấy khai sinh số 123/2026") @NotBlank @Size(max = 4000) String resultSummary,
            Long version) {
    }

    @Schema(name = "ReturnRequest")
    public record ReturnRequest(@Size(max = 2000) String note, Long version) {
    }

    @Schema(name = "DueDateExtensionRequest", description = "Phiếu xin lỗi và hẹn lại: a new due date with the reason")
    public record ExtensionRequest(
            @Schema(example = "2026-12-04T17:00:00+07:00") @NotNull OffsetDateTime newDueAt,
            @Schema(example = "Cần xác minh thêm tại địa phương") @NotBlank @Size(max = 2000) String reason,
            Long version) {
    }
}
