package vn.motcua.dossier.dossier;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.motcua.web.problem.CommonProblems;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The multipart form of a document upload: what OpenAPI shows, and the checks that turn its parts into an
 * {@link DossierService.IncomingDocument} (a missing part is a 400 naming it).
 */
@Schema(name = "DocumentForm", description = "multipart/form-data parts of a document upload")
public final class DocumentForm {

    @Schema(description = "Code of the required document of the procedure", example = "GCS", required = true, maxLength = 40)
    public String requiredDocumentCode;

    @Schema(type = SchemaType.STRING, format = "binary", required = true,
            description = "The document; the part's filename and Content-Type (e.g. application/pdf) are kept")
    public Object file;

    private DocumentForm() {
    }

    static DossierService.IncomingDocument incoming(String requiredDocumentCode, FileUpload file) {
        if (requiredDocumentCode == null || requiredDocumentCode.isBlank()) {
            throw new CommonProblems.InvalidInput("requiredDocumentCode", "the multipart part 'requiredDocumentCode' is required");
        }
        if (requiredDocumentCode.length() > 40) {
            throw new CommonProblems.InvalidInput("requiredDocumentCode", "must be at most 40 characters");
        }
        if (file == null || file.uploadedFile() == null) {
            throw new CommonProblems.InvalidInput("file", "the multipart part 'file' is required (a file, with a filename)");
        }
        String fileName = fileName(file.fileName());
        String contentType = file.contentType() == null ? "application/octet-stream"
                : file.contentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return new DossierService.IncomingDocument(requiredDocumentCode.trim(), fileName, contentType, file.size(),
                () -> Files.newInputStream(file.uploadedFile()), "requiredDocumentCode", "file", "file");
    }

    /** What an Idempotency-Key is bound to: the form's fields and the document's SHA-256. */
    record Fingerprint(String requiredDocumentCode, String fileName, String contentType, long size, String sha256) {
    }

    static Fingerprint fingerprint(DossierService.IncomingDocument incoming, FileUpload file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file.uploadedFile()), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            String sha = HexFormat.of().formatHex(in.getMessageDigest().digest());
            return new Fingerprint(incoming.requiredDocumentCode(), incoming.fileName(), incoming.contentType(), incoming.size(), sha);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last segment of a client's file name (some browsers send a whole path), checked like the JSON form's. */
    private static String fileName(String raw) {
        String name = raw == null ? "" : raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1).trim();
        if (name.isEmpty()) {
            throw new CommonProblems.InvalidInput("file", "the part needs a filename");
        }
        if (name.length() > 255 || name.indexOf('\u0000') >= 0) {
            throw new CommonProblems.InvalidInput("file", "the filename must be at most 255 characters, without NUL");
        }
        return name;
    }
}
