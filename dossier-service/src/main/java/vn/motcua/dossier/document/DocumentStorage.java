package vn.motcua.dossier.document;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where document bytes live. The database keeps the metadata and the checksum; an object store (S3-compatible) can
 * replace the filesystem implementation without touching the dossier code.
 */
public interface DocumentStorage {

    /**
     * Stores what {@code content} yields, read to its end in a stream (never whole in memory), under a new key and
     * returns the key. The caller closes the stream. If reading fails, nothing stays stored and the error is thrown.
     */
    String put(String dossierId, InputStream content);

    Optional<byte[]> get(String key);

    /** Removes a document stored by mistake (e.g. refused after the copy); unknown keys are ignored. */
    void delete(String key);
}
