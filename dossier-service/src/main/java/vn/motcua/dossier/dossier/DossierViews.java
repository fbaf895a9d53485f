package vn.motcua.dossier.dossier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.contracts.common.PostalAddress;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of the dossier API (never the entity). */
public final class DossierViews {

    private DossierViews() {
    }

    public static final String PHONE = "\\+?[0-9 .-]{9,15}";

    @Schema(name = "DeliveryAddress", description = "Vietnamese postal address; province and commune codes of the "
            + "administrative units valid today (districtCode only for addresses recorded before 1 July 2025)")
    public record AddressRequest(
            @Schema(example = "Nguyễn Văn An") @NotBlank @Size(max = 200) String recipientName,
            @Schema(example = "0912345678") @NotBlank @Pattern(regexp = PHONE) String phone,
            @Schema(example = "Số 1 phố Điện Biên Phủ") @NotBlank @Size(max = 300) String street,
            @Schema(example = "00004") @NotBlank @Size(max = 20) String communeCode,
            @Size(max = 20) String districtCode,
            @Schema(example = "01") @NotBlank @Size(max = 20) String provinceCode) {
    }

    @Schema(name = "CreateDossierRequest")
    public record CreateDossierRequest(
            @Schema(example = "1.001193") @NotBlank @Size(max = 20) String procedureCode,
            @Schema(example = "ONLINE") @NotNull Channel channel,
            @Schema(example = "ELECTRONIC") @NotNull ReturnMethod returnMethod,
            @Schema(description = "required with returnMethod POST or channel POSTAL") @Valid AddressRequest deliveryAddress) {
    }

    @Schema(name = "DocumentUpload", description = "One document, base64 in JSON")
    public record DocumentUpload(
            @Schema(example = "GCS") @NotBlank @Size(max = 40) String requiredDocumentCode,
            @Schema(example = "giay-chung-sinh.pdf") @NotBlank @Size(max = 255) @Pattern(regexp = "[^/\\\\\\x00]+") String fileName,
            @Schema(example = "application/pdf") @NotBlank @Size(max = 100) String contentType,
            @Schema(example = "JVBERi0xLjQK") @NotBlank String contentBase64) {
    }

    @Schema(name = "PortalApplicant")
    public record ApplicantRequest(
            @Schema(example = "cd-001") @NotBlank @Size(max = 200) String id,
            @Schema(example = "Nguyễn Văn An") @NotBlank @Size(max = 300) String fullName,
            @Schema(example = "an.nguyen@example.vn") @Email @Size(max = 300) String email,
            @Schema(example = "0912345678") @NotBlank @Pattern(regexp = PHONE) String phone) {
    }

    @Schema(name = "PortalSubmission", description = "A dossier filed on the national portal and forwarded with its documents")
    public record PortalSubmissionRequest(
            @Schema(example = "G22.99-251123-000123") @NotBlank @Size(max = 100) String portalDossierCode,
            @Schema(example = "1.001193") @NotBlank @Size(max = 20) String procedureCode,
            @NotNull @Valid ApplicantRequest applicant,
            @Schema(example = "ELECTRONIC") @NotNull ReturnMethod returnMethod,
            @Valid AddressRequest deliveryAddress,
            @NotNull @Size(max = 30) List<@NotNull @Valid DocumentUpload> documents) {
    }

    @Schema(name = "CounterSubmission", description = "A dossier filed by an officer at the counter for a walk-in applicant")
    public record CounterSubmissionRequest(
            @Schema(example = "1.001193") @NotBlank @Size(max = 20) String procedureCode,
            @NotNull @Valid ApplicantRequest applicant,
            @Schema(example = "COUNTER") @NotNull ReturnMethod returnMethod,
            @Valid AddressRequest deliveryAddress,
            @NotNull @Size(max = 30) List<@NotNull @Valid DocumentUpload> documents) {
    }

    @Schema(name = "VersionedAction", description = "Body of an action without other fields: the version read (optional)")
    public record VersionOnly(Long version) {
    }

    @Schema(name = "Rating")
    public record RatingRequest(@Schema(example = "5") @Min(1) @Max(5) int score,
                                @Schema(example = "Nhanh, chu đáo") @Size(max = 1000) String comment) {
    }

    @Schema(name = "WithdrawRequest")
    public record WithdrawRequest(@Schema(example = "Không còn nhu cầu") @NotBlank @Size(max = 2000) String reason,
                                  Long version) {
    }

    @Schema(name = "Document")
    public record DocumentView(UUID id, String requiredDocumentCode, String kind, String fileName, String contentType,
                               long sizeBytes, String sha256, OffsetDateTime uploadedAt) {
    }

    @Schema(name = "ProcessingStep")
    public record StepView(String name, String assigneeId, OffsetDateTime dueAt) {
    }

    @Schema(name = "SupplementRequestInfo")
    public record SupplementView(String reason, List<String> missingItems, OffsetDateTime requestedAt) {
    }

    @Schema(name = "Dossier", description = "A dossier as its applicant, the agency's officers or the portal see it")
    public record DossierView(
            @Schema(example = "0b5e8f2e-9b1a-4c1e-8f7a-3d2c1b0a9f8e") UUID id,
            @Schema(example = "000.00.12.H29-261123-0001") String code,
            @Schema(example = "1.001193") String procedureCode,
            @Schema(example = "Đăng ký khai sinh") String procedureName,
            @Schema(example = "000.00.12.H29") String agencyCode,
            @Schema(example = "UBND phường Ba Đình") String agencyName,
            Applicant applicant,
            Channel channel,
            ReturnMethod returnMethod,
            PostalAddress deliveryAddress,
            @Schema(example = "DRAFT") DossierStatus status,
            @Schema(example = "0") int portalStatus,
            String portalDossierCode,
            List<FeeLine> fees,
            long feeTotalVnd,
            OffsetDateTime paidAt,
            OffsetDateTime createdAt,
            OffsetDateTime submittedAt,
            OffsetDateTime receivedAt,
            String receiptNumber,
            OffsetDateTime dueAt,
            boolean overdue,
            OffsetDateTime resolvedAt,
            OffsetDateTime returnedAt,
            String resultSummary,
            String outcomeReason,
            StepView currentStep,
            SupplementView supplement,
            OffsetDateTime checkedInAt,
            String queueNumber,
            boolean postalReturnFailed,
            @Schema(description = "second factor for public tracking; shown to the applicant only") String trackingSecret,
            Integer rating,
            List<DocumentView> documents,
            @Schema(example = "0") long version) {
    }

    @Schema(name = "DossierSummary", description = "A row of a dossier list or the officer work queue")
    public record DossierSummary(UUID id, String code, String procedureCode, String procedureName, String agencyCode,
                                 String applicantName, Channel channel, DossierStatus status, int portalStatus,
                                 OffsetDateTime submittedAt, OffsetDateTime dueAt, boolean overdue, String stepName,
                                 String stepAssigneeId, long version) {
    }
}
