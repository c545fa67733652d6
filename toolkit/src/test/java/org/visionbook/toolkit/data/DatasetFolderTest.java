package org.visionbook.toolkit.data;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetFolderTest {

    private static final String MNIST_TRAIN_IMAGES = "mnist/train-images-idx3-ubyte.gz";

    @AfterEach
    void clearProperty() {
        System.clearProperty(DatasetFolder.PROPERTY);
    }

    /** The repository's datasets/ folder: tests run in toolkit/, one level below it. */
    private static Path repoDatasets() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("datasets").resolve(DatasetFolder.MANIFEST))) {
                return p.resolve("datasets");
            }
        }
        throw new AssertionError("no datasets/SHA256SUMS above " + Path.of("").toAbsolutePath());
    }

    /** A writable copy of the shipped MNIST files and the manifest. */
    private static DatasetFolder mnistCopy(Path dir) throws IOException {
        Path source = repoDatasets();
        Files.createDirectories(dir.resolve("mnist"));
        Files.copy(source.resolve(DatasetFolder.MANIFEST), dir.resolve(DatasetFolder.MANIFEST));
        for (Split split : Split.values()) {
            for (String name : List.of(split.imagesFile(), split.labelsFile())) {
                Files.copy(source.resolve("mnist").resolve(name), dir.resolve("mnist").resolve(name));
            }
        }
        return DatasetFolder.at(dir);
    }

    @Test
    void searchingUpwardFindsTheRepositorysDatasets() {
        DatasetFolder folder = DatasetFolder.locate();
        if (System.getenv(DatasetFolder.ENV) == null) {
            assertEquals(repoDatasets().toAbsolutePath().normalize(), folder.directory().orElseThrow());
        }
        assertTrue(folder.manifest().containsKey(MNIST_TRAIN_IMAGES), folder.manifest().keySet().toString());
    }

    @Test
    void everyShippedFileIsListedAndMatchesItsChecksum() throws IOException {
        Path root = repoDatasets();
        DatasetFolder folder = DatasetFolder.at(root);
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(root)) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("tools/") && !p.startsWith(".") && !p.contains("/."))
                    .filter(p -> !Set.of("README.md", DatasetFolder.MANIFEST, DatasetFolder.DEBIAN_MANIFEST).contains(p))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(onDisk, new TreeSet<>(folder.manifest().keySet()));
        assertTrue(onDisk.size() >= 13, onDisk.toString());
        for (String path : onDisk) {
            assertEquals(folder.manifest().get(path), DatasetFolder.sha256(folder.read(path)), path);
        }
    }

    @Test
    void theSystemPropertyChoosesTheFolder(@TempDir Path dir) throws IOException {
        mnistCopy(dir);
        System.setProperty(DatasetFolder.PROPERTY, dir.toString());
        assertEquals(dir.toAbsolutePath().normalize(), DatasetFolder.locate().directory().orElseThrow());
    }

    @Test
    void aPropertyPointingAtTheWrongFolderIsAClearError(@TempDir Path dir) {
        System.setProperty(DatasetFolder.PROPERTY, dir.toString());
        DatasetException e = assertThrows(DatasetException.class, DatasetFolder::locate);
        assertTrue(e.getMessage().contains(DatasetFolder.PROPERTY) && e.getMessage().contains(dir.toString())
                && e.getMessage().contains(DatasetFolder.MANIFEST), e.getMessage());
    }

    @Test
    void aCorruptedFileIsRefusedWithItsNameAndTheFix(@TempDir Path dir) throws IOException {
        DatasetFolder copy = mnistCopy(dir);
        Path damaged = dir.resolve(MNIST_TRAIN_IMAGES);
        byte[] bytes = Files.readAllBytes(damaged);
        bytes[bytes.length / 2] ^= 0x01; // one flipped bit
        Files.write(damaged, bytes);
        DatasetException e = assertThrows(DatasetException.class, () -> Mnist.load(copy, Split.TRAIN));
        String m = e.getMessage();
        assertTrue(m.contains(damaged.toString()) && m.contains("corrupt") && m.contains(DatasetFolder.MANIFEST)
                && m.contains("git checkout -- datasets") && m.contains("make_datasets.py"), m);
    }

    @Test
    void aMissingFileIsRefusedWithItsNameAndTheFix(@TempDir Path dir) throws IOException {
        DatasetFolder copy = mnistCopy(dir);
        Path gone = dir.resolve("mnist").resolve(Split.TEST.labelsFile());
        Files.delete(gone);
        DatasetException e = assertThrows(DatasetException.class, () -> Mnist.load(copy, Split.TEST));
        assertTrue(e.getMessage().contains(gone.toString()) && e.getMessage().contains("missing")
                && e.getMessage().contains("make_datasets.py"), e.getMessage());
    }

    @Test
    void aFileMissingFromTheManifestCannotBeRead(@TempDir Path dir) throws IOException {
        DatasetFolder copy = mnistCopy(dir);
        Files.writeString(dir.resolve("extra.bin"), "x");
        DatasetException e = assertThrows(DatasetException.class, () -> copy.read("extra.bin"));
        assertTrue(e.getMessage().contains("extra.bin") && e.getMessage().contains("not listed"), e.getMessage());
    }

    @Test
    void aDamagedManifestLineIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(DatasetFolder.MANIFEST), "not a checksum line\n");
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetFolder.at(dir));
        assertTrue(e.getMessage().contains(DatasetFolder.MANIFEST) && e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void theCopyPackedInTheJarHoldsTheSameData() {
        DatasetFolder packed = DatasetFolder.packaged();
        assertFalse(packed.directory().isPresent());
        assertEquals(DatasetFolder.at(repoDatasets()).manifest(), packed.manifest());
        LabelledImages fromJar = Mnist.load(packed, Split.TEST);
        assertArrayEquals(Mnist.load(DatasetFolder.at(repoDatasets()), Split.TEST).labels(), fromJar.labels());
        assertEquals(Photo.CHELSEA.fileName(), "chelsea.png");
        assertEquals(225, Photos.image(packed, Photo.CHELSEA).getWidth());
    }
}
