package vn.motcua.dossier.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.dossier.common.DossierConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Documents as files under {@code motcua.dossier.documents.directory}, one folder per dossier. Keys are generated
 * here (never from a client's file name), and written to a temporary file first and then moved, so a crash never
 * leaves half a document under a valid key. On a shared volume several instances can use it.
 */
@ApplicationScoped
public class FileSystemDocumentStorage implements DocumentStorage {

    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}/[0-9a-f-]{36}");

    private final Path root;

    @Inject
    public FileSystemDocumentStorage(DossierConfig config) {
        this.root = Path.of(config.documents().directory()).toAbsolutePath();
    }

    @Override
    public String put(String dossierId, InputStream content) {
        String key = UUID.fromString(dossierId) + "/" + UUID.randomUUID();
        Path target = root.resolve(key);
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            Files.copy(content, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store document " + key, e);
        } finally {
            deleteQuietly(temporary); // a failed or refused upload leaves no half file behind
        }
        return key;
    }

    @Override
    public void delete(String key) {
        if (KEY.matcher(key).matches()) {
            deleteQuietly(root.resolve(key));
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stray temporary file under a name that is never a key; nothing reads it
            }
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        if (!KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(root.resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + key, e);
        }
    }
}
