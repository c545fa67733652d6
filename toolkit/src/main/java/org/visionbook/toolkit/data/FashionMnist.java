package org.visionbook.toolkit.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Zalando's Fashion-MNIST: 28x28 greyscale pictures of ten kinds of clothing, a harder
 * drop-in for MNIST. {@code datasets/fashion-mnist/} ships the whole 10,000-image test set and
 * a 30,000-image subset of the training set (3,000 per class) whose first 10,000 images hold
 * 1,000 of each class, so {@code train().limit(n)} stays balanced for small n. The full 60,000 training images
 * are read from Debian's package {@code dataset-fashion-mnist} when the caller asks for them
 * with {@link #full(Split)} and that package is installed.
 */
public final class FashionMnist {

    /** Class names, by label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    /** Where Debian's {@code dataset-fashion-mnist} installs the full set. */
    public static final Path DEBIAN_FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    static final String FOLDER = "fashion-mnist";

    private FashionMnist() {
    }

    /** The shipped 30,000 training images, capped by {@code VISIONBOOK_LIMIT} when it is set. */
    public static LabelledImages train() {
        return ShippedSets.capped(load(Split.TRAIN));
    }

    /** The 10,000 test images, capped by {@code VISIONBOOK_LIMIT} when it is set. */
    public static LabelledImages test() {
        return ShippedSets.capped(load(Split.TEST));
    }

    /** A whole shipped split, ignoring the limit knob. */
    public static LabelledImages load(Split split) {
        return load(DatasetFolder.locate(), split);
    }

    /** A whole shipped split from {@code folder}, SHA-256 checked when first read. */
    public static LabelledImages load(DatasetFolder folder, Split split) {
        return ShippedSets.read(folder, FOLDER, split, "Fashion-MNIST", CLASS_NAMES);
    }

    /** Whether Debian's full copy is installed (all four files present). */
    public static boolean isFullInstalled() {
        return isFullInstalled(DEBIAN_FOLDER);
    }

    static boolean isFullInstalled(Path folder) {
        for (Split split : Split.values()) {
            if (!Files.isRegularFile(folder.resolve(split.imagesFile())) || !Files.isRegularFile(folder.resolve(split.labelsFile()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The full split (60,000 train or 10,000 test) from Debian's copy, capped by
     * {@code VISIONBOOK_LIMIT} when it is set.
     *
     * @throws DatasetException when the Debian package is not installed or its files changed
     */
    public static LabelledImages full(Split split) {
        return ShippedSets.capped(loadFull(split, DEBIAN_FOLDER));
    }

    /**
     * The full split from {@code folder}, which holds Fashion-MNIST's four original
     * {@code .gz} files; each is checked against {@code datasets/DEBIAN-SHA256SUMS}.
     */
    public static LabelledImages loadFull(Split split, Path folder) {
        DatasetFolder shipped = DatasetFolder.locate();
        Path dir = folder.toAbsolutePath().normalize();
        return shipped.once("fashion-mnist-full:" + dir + ":" + split, () -> {
            Idx images = readOriginal(shipped, dir, split.imagesFile());
            Idx labels = readOriginal(shipped, dir, split.labelsFile());
            return LabelledImages.fromIdx("Fashion-MNIST full " + split.name().toLowerCase(Locale.ROOT), images, labels, CLASS_NAMES);
        });
    }

    private static Idx readOriginal(DatasetFolder shipped, Path dir, String fileName) {
        Path file = dir.resolve(fileName);
        String install = "Install Debian package dataset-fashion-mnist (sudo apt-get install dataset-fashion-mnist), "
                + "or use FashionMnist.train() and test(), the 30,000 + 10,000 images shipped with visionbook.";
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("The full Fashion-MNIST set is not installed: " + file + " is missing. " + install);
        }
        String sha256 = shipped.debianSha256(fileName).orElseThrow(() -> new DatasetException(
                shipped.where(DatasetFolder.DEBIAN_MANIFEST) + " lists no SHA-256 for " + fileName + ". " + shipped.remedy()));
        return Idx.parse(DatasetFolder.readChecked(file, sha256, "Reinstall it (sudo apt-get install --reinstall "
                + "dataset-fashion-mnist), or use FashionMnist.train() and test()."), file.toString());
    }
}
