package vn.motcua.dossier.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A thành phần hồ sơ: one document a procedure asks for, with the formats and size it accepts. */
@Schema(name = "RequiredDocument")
public record RequiredDocument(
        @Schema(example = "GCS") @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,40}") String code,
        @Schema(example = "Giấy chứng sinh") @NotBlank @Size(max = 500) String name,
        @Schema(example = "true") boolean mandatory,
        @Schema(example = "[\"application/pdf\",\"image/jpeg\"]") @NotEmpty @Size(max = 10)
        List<@NotBlank @Size(max = 100) String> acceptedContentTypes,
        @Schema(example = "5242880") @Min(1) @Max(52_428_800) long maxSizeBytes) {
}
