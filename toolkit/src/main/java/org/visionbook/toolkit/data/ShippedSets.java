package org.visionbook.toolkit.data;

import org.visionbook.toolkit.Knobs;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** What the MNIST-like loaders share: reading a split's two IDX files, and the limit knob. */
final class ShippedSets {

    private ShippedSets() {
    }

    /** Reads {@code folderName/<split>-images...} and {@code -labels...} from a datasets folder. */
    static LabelledImages read(DatasetFolder folder, String folderName, Split split, String title, List<String> classes) {
        return folder.once(folderName + "/" + split, () -> {
            String imagesPath = folderName + "/" + split.imagesFile();
            String labelsPath = folderName + "/" + split.labelsFile();
            Idx images = Idx.parse(folder.read(imagesPath), folder.where(imagesPath));
            Idx labels = Idx.parse(folder.read(labelsPath), folder.where(labelsPath));
            return LabelledImages.fromIdx(title + " " + split.name().toLowerCase(Locale.ROOT), images, labels, classes);
        });
    }

    /** The set capped by {@code VISIONBOOK_LIMIT} when that knob is set, its name saying so. */
    static LabelledImages capped(LabelledImages set) {
        OptionalInt limit = Knobs.limit();
        if (limit.isEmpty() || limit.getAsInt() >= set.size()) {
            return set;
        }
        return set.limit(limit.getAsInt()).renamed(String.format("%s (%,d of %,d, class-balanced, by %s)",
                set.name(), limit.getAsInt(), set.size(), Knobs.LIMIT_ENV));
    }
}
