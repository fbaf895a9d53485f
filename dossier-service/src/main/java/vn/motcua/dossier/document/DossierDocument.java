package vn.motcua.dossier.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Metadata of one uploaded document; the bytes are in {@link DocumentStorage}. */
@Entity
@Table(name = "dossier_document")
public class DossierDocument {
    @Id
    public UUID id;
    @Column(name = "dossier_id")
    public UUID dossierId;
    @Column(name = "required_document_code")
    public String requiredDocumentCode;
    /** APPLICATION (with the first submission) or SUPPLEMENT (after a supplement request). */
    public String kind;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public String sha256;
    @Column(name = "storage_key")
    public String storageKey;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
}
