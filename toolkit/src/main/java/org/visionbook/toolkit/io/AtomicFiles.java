package org.visionbook.toolkit.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;

/**
 * Writes a file so that nobody ever sees half of it: the bytes go to a temporary file in the same
 * folder, which then replaces the target in one move. If anything fails, the old file is left as
 * it was and the temporary file is removed. A new file gets the permissions any program's new file
 * gets (the umask applies); a replaced file keeps its own.
 */
public final class AtomicFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Writes what {@code content} writes; the folders above {@code target} are created as needed. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        // Not Files.createTempFile: its files are owner-only (0600) whatever the umask says, and
        // would stay so after the move. A fresh name opened with CREATE_NEW is created like any file.
        Path temporary = folder.resolve("." + absolute.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            keepPermissions(absolute, temporary);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void keepPermissions(Path existing, Path replacement) throws IOException {
        if (!Files.exists(existing) || !Files.getFileStore(replacement).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(existing));
        } catch (NoSuchFileException gone) {
            // the old file went away meanwhile: the new one keeps the umask's permissions
        }
    }
}
