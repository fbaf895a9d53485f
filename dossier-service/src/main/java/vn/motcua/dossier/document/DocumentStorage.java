package vn.motcua.dossier.document;

import java.util.Optional;

/**
 * Where document bytes live. The database keeps the metadata and the checksum; an object store (S3-compatible) can
 * replace the filesystem implementation without touching the dossier code.
 */
public interface DocumentStorage {

    /** Stores the bytes under a new key and returns it. */
    String put(String dossierId, byte[] content);

    Optional<byte[]> get(String key);
}
