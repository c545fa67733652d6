package org.visionbook.toolkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheWholeFileCreatingItsFoldersAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a/b/notes.txt");
        AtomicFiles.writeString(target, "héllo\n");
        assertEquals("héllo\n", Files.readString(target));
        assertEquals(List.of("notes.txt"), names(target.getParent()));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAsItWasAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = Files.writeString(dir.resolve("gradebook.csv"), "the old, complete file");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("the old, complete file", Files.readString(target));
        assertEquals(List.of("gradebook.csv"), names(dir));
    }

    @Test
    void aNewFileHonoursTheUmaskAndAReplacedFileKeepsItsPermissions(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class),
                "needs a POSIX file system");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "made the ordinary way");
        Path fresh = dir.resolve("fresh.txt");
        AtomicFiles.writeString(fresh, "new");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(fresh),
                "a new file gets what any new file gets, not owner-only");

        Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.writeString(fresh, "replaced");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
        assertEquals("replaced", Files.readString(fresh));
    }
}
