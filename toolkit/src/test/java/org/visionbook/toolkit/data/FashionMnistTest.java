package org.visionbook.toolkit.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FashionMnistTest {

    private static final int[] THOUSAND_EACH = {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000};

    @Test
    void shipsThirtyThousandTrainingImagesThreeThousandPerClass() {
        LabelledImages train = FashionMnist.load(Split.TRAIN);
        assertEquals(30000, train.size());
        assertArrayEquals(new int[]{3000, 3000, 3000, 3000, 3000, 3000, 3000, 3000, 3000, 3000}, train.classCounts());
        assertEquals(28, train.height());
        assertEquals(28, train.width());
    }

    @Test
    void theFirstTenThousandTrainingImagesAreBalancedSoSmallLimitsKeepTheirImages() {
        LabelledImages train = FashionMnist.load(Split.TRAIN);
        int[] first = new int[10000];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
        }
        LabelledImages firstBlock = train.select(first);
        assertArrayEquals(THOUSAND_EACH, firstBlock.classCounts());
        // limit(n <= 10,000) draws only from that block: the same images as the earlier 10,000-image file
        LabelledImages limited = train.limit(4000);
        LabelledImages fromBlock = firstBlock.limit(4000);
        assertArrayEquals(fromBlock.labels(), limited.labels());
        for (int i = 0; i < limited.size(); i += 397) {
            assertArrayEquals(fromBlock.rawImage(i), limited.rawImage(i), "image " + i);
        }
    }

    @Test
    void shipsTheWholeTestSetWhichIsBalanced() {
        LabelledImages test = FashionMnist.load(Split.TEST);
        assertEquals(10000, test.size());
        assertArrayEquals(THOUSAND_EACH, test.classCounts());
    }

    @Test
    void classesHaveTheirClothingNames() {
        assertEquals(10, FashionMnist.CLASS_NAMES.size());
        assertEquals("T-shirt/top", FashionMnist.CLASS_NAMES.get(0));
        assertEquals("Ankle boot", FashionMnist.CLASS_NAMES.get(9));
        LabelledImages test = FashionMnist.load(Split.TEST);
        assertEquals(FashionMnist.CLASS_NAMES.get(test.label(0)), test.className(0));
    }

    @Test
    void theShippedTestSetIsTheOriginalFileSoItVerifiesAsAFullCopy(@TempDir Path original) throws IOException {
        DatasetFolder shipped = DatasetFolder.locate();
        for (String name : new String[]{Split.TEST.imagesFile(), Split.TEST.labelsFile()}) {
            Files.write(original.resolve(name), shipped.read(FashionMnist.FOLDER + "/" + name));
        }
        LabelledImages full = FashionMnist.loadFull(Split.TEST, original);
        assertEquals(10000, full.size());
        assertArrayEquals(FashionMnist.load(Split.TEST).labels(), full.labels());
    }

    @Test
    void askingForTheFullSetWhereItIsNotInstalledSaysWhatToInstall(@TempDir Path empty) {
        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.loadFull(Split.TRAIN, empty));
        assertTrue(e.getMessage().contains(empty.resolve(Split.TRAIN.imagesFile()).toString())
                && e.getMessage().contains("dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void aChangedFullCopyIsRefused(@TempDir Path original) throws IOException {
        DatasetFolder shipped = DatasetFolder.locate();
        // the shipped train file is a subset, so its checksum is not the original's
        for (Split split : Split.values()) {
            Files.write(original.resolve(split.imagesFile()), shipped.read(FashionMnist.FOLDER + "/" + split.imagesFile()));
            Files.write(original.resolve(split.labelsFile()), shipped.read(FashionMnist.FOLDER + "/" + split.labelsFile()));
        }
        DatasetException e = assertThrows(DatasetException.class, () -> FashionMnist.loadFull(Split.TRAIN, original));
        assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains(Split.TRAIN.imagesFile()), e.getMessage());
    }

    @Test
    void theFullDebianSetHasSixtyThousandTrainingImages() {
        // The test setup (.ci/run, visionbook test) installs the Debian package; missing it is a failure.
        assertTrue(FashionMnist.isFullInstalled(),
                "Debian package dataset-fashion-mnist is not installed: apt-get install dataset-fashion-mnist");
        LabelledImages full = FashionMnist.loadFull(Split.TRAIN, FashionMnist.DEBIAN_FOLDER);
        assertEquals(60000, full.size());
        for (int count : full.classCounts()) {
            assertEquals(6000, count);
        }
    }
}
