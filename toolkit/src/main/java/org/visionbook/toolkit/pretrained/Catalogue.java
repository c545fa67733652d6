package org.visionbook.toolkit.pretrained;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.visionbook.toolkit.data.FashionMnist;
import org.visionbook.toolkit.data.Mnist;
import org.visionbook.toolkit.data.ShapeScenes;

/**
 * Every trained network the course ships, one entry each. To add one: write its recipe class
 * (usually a factory of an {@link ImageClassifierRecipe}, like {@link LenetMnistRecipe}), add an
 * entry below with 64 zeros as its SHA-256, run {@code ./visionbook train-model NAME}, and paste
 * the SHA-256 it prints here, into {@code datasets/SHA256SUMS} and into {@code datasets/README.md}.
 */
public final class Catalogue {

    private static final Map<String, PretrainedModel> BY_NAME = new LinkedHashMap<>();

    static {
        add(new PretrainedModel("lenet-mnist", "models/lenet-mnist.zip",
                "1fea38e91ab310654ccdf2508fa247584b4abfe494f04eebe2f0159a0d9589db",
                1, 28, 28, Mnist.CLASS_NAMES, LenetMnistRecipe::create));
        add(new PretrainedModel("fashion-lenet", "models/fashion-lenet.zip",
                "cda216d564d26e6a004e9da54c52dcaf085bcfd1f380ce4744072d54f272fbcf",
                1, 28, 28, FashionMnist.CLASS_NAMES, FashionLenetRecipe::create));
        add(new PretrainedModel("tiny-yolo-shapes", "models/tiny-yolo-shapes.zip",
                "f29658abf622a9a4ce829173bb6593c62944fa7f61d2df217c854f78461cc34e",
                3, 64, 64, ShapeScenes.CLASS_NAMES, ShapeDetectorRecipe::create));
        add(new PretrainedModel("lenet-mnist-robust", "models/lenet-mnist-robust.zip",
                "9df5e1c2cb454279616f13f751d25cce7c96e8442bd1475972e84fbca322a729",
                1, 28, 28, Mnist.CLASS_NAMES, RobustLenetMnistRecipe::create));
    }

    private Catalogue() {
    }

    /** The entries, in catalogue order. */
    public static List<PretrainedModel> all() {
        return List.copyOf(new ArrayList<>(BY_NAME.values()));
    }

    /** The entry called {@code name}; an unknown name is an error that lists the known ones. */
    public static PretrainedModel get(String name) {
        PretrainedModel model = BY_NAME.get(name);
        if (model == null) {
            throw new IllegalArgumentException("no shipped model is called '" + name + "'; the course ships "
                    + String.join(", ", BY_NAME.keySet()));
        }
        return model;
    }

    private static void add(PretrainedModel model) {
        if (BY_NAME.putIfAbsent(model.name(), model) != null) {
            throw new IllegalStateException("two catalogue entries are called '" + model.name() + "'");
        }
    }
}
