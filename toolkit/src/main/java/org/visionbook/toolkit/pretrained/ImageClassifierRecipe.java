package org.visionbook.toolkit.pretrained;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.deeplearning4j.nn.api.Model;
import org.visionbook.toolkit.data.LabelledImages;
import org.visionbook.toolkit.models.ModelOptions;
import org.visionbook.toolkit.train.Augmentation;
import org.visionbook.toolkit.train.Evaluator;
import org.visionbook.toolkit.train.Optimizer;
import org.visionbook.toolkit.train.ProgressMode;
import org.visionbook.toolkit.train.Schedules;
import org.visionbook.toolkit.train.Trainer;

/**
 * The usual recipe for an image classifier on a shipped dataset: a model factory from
 * {@code models}, Adam with a cosine learning rate from {@code peakLr} down to {@code finalLr}
 * over the whole run, seeded shuffled mini-batches, an optional augmentation, and the whole
 * training split (no early stopping: the number of epochs is part of the recipe).
 *
 * <pre>{@code
 * new ImageClassifierRecipe("MNIST", () -> Mnist.load(Split.TRAIN), () -> Mnist.load(Split.TEST),
 *         LeNet5::build, 42, 20, 64, 2e-3, 1e-5, Augmentation.seeded(7).shift(2).rotate(10), 0)
 * }</pre>
 *
 * @param dataName     the dataset in words, e.g. "MNIST (datasets/mnist)"
 * @param trainSet     the training images (the whole split: do not use the limit knob here)
 * @param testSet      the test images, used once for the accuracy reported with the file
 * @param architecture builds the untrained network from the options (input, classes, seed, optimiser)
 * @param seed         seed of the initial weights and of the batch order
 * @param epochs       passes over the training images
 * @param batchSize    images per update
 * @param peakLr       the learning rate at the start of the cosine schedule
 * @param finalLr      the learning rate it reaches at the last update
 * @param augmentation changes to each training batch ({@code null} for none)
 * @param limit        train on a class-balanced subset of this many images (0 = all; for quick tests)
 */
public record ImageClassifierRecipe(String dataName, Supplier<LabelledImages> trainSet,
                                    Supplier<LabelledImages> testSet,
                                    Function<ModelOptions, ? extends Model> architecture, long seed, int epochs,
                                    int batchSize, double peakLr, double finalLr, Augmentation augmentation, int limit)
        implements Recipe {

    public ImageClassifierRecipe {
        Objects.requireNonNull(dataName, "dataName");
        Objects.requireNonNull(trainSet, "trainSet");
        Objects.requireNonNull(testSet, "testSet");
        Objects.requireNonNull(architecture, "architecture");
        if (epochs < 1 || batchSize < 1 || limit < 0) {
            throw new IllegalArgumentException("epochs and batch size must be at least 1 and limit 0 or more, got "
                    + epochs + ", " + batchSize + ", " + limit);
        }
        if (!(peakLr > 0 && finalLr >= 0 && finalLr <= peakLr)) {
            throw new IllegalArgumentException("learning rates must satisfy 0 <= final <= peak, 0 < peak; got "
                    + peakLr + " -> " + finalLr);
        }
    }

    /** The same recipe on a class-balanced subset of {@code images} training images, for quick checks. */
    public ImageClassifierRecipe limit(int images) {
        return new ImageClassifierRecipe(dataName, trainSet, testSet, architecture, seed, epochs, batchSize, peakLr,
                finalLr, augmentation, images);
    }

    /** The same recipe with another number of epochs. */
    public ImageClassifierRecipe epochs(int n) {
        return new ImageClassifierRecipe(dataName, trainSet, testSet, architecture, seed, n, batchSize, peakLr, finalLr,
                augmentation, limit);
    }

    @Override
    public String data() {
        LabelledImages train = training();
        return String.format(Locale.ROOT, "%s: %,d training images (%s), tested on the %,d test images", dataName,
                train.size(), limit > 0 ? "class-balanced subset" : "the whole shipped training split",
                testSet.get().size());
    }

    @Override
    public String schedule() {
        return String.format(Locale.ROOT, "%d epochs, batch %d, Adam, cosine learning rate %.0e -> %.0e over all "
                + "updates, augmentation: %s", epochs, batchSize, peakLr, finalLr, describe(augmentation));
    }

    @Override
    public Model train() {
        LabelledImages train = training();
        int updates = epochs * ((train.size() + batchSize - 1) / batchSize);
        ModelOptions options = ModelOptions.of(1, train.height(), train.width(), train.numClasses()).seed(seed)
                .optimizer(Optimizer.adam(Schedules.cosine(peakLr, finalLr, updates)));
        Model net = architecture.apply(options);
        Trainer trainer = Trainer.of(net).name(dataName).epochs(epochs).seed(seed).progress(ProgressMode.TEXT).build();
        var batches = train.iterator(batchSize, seed);
        trainer.fit(augmentation == null || augmentation.isIdentity() ? batches : augmentation.wrap(batches));
        return net;
    }

    @Override
    public double testAccuracy(Model model) {
        return Evaluator.evaluate(model, testSet.get().batches().batchSize(500).inOrder().build()).accuracy();
    }

    private LabelledImages training() {
        LabelledImages all = trainSet.get();
        return limit > 0 && limit < all.size() ? all.limit(limit) : all;
    }

    static String describe(Augmentation a) {
        if (a == null || a.isIdentity()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        if (a.flipProbability() > 0) {
            parts.add(String.format(Locale.ROOT, "horizontal flip p=%.2f", a.flipProbability()));
        }
        if (a.maxShift() > 0) {
            parts.add("shift up to " + a.maxShift() + " px");
        }
        if (a.maxDegrees() > 0) {
            parts.add(String.format(Locale.ROOT, "rotation up to %.0f degrees", a.maxDegrees()));
        }
        if (a.minCropScale() < 1) {
            parts.add(String.format(Locale.ROOT, "crop scale >= %.2f", a.minCropScale()));
        }
        if (a.cutoutSize() > 0) {
            parts.add(String.format(Locale.ROOT, "cutout %d px p=%.2f", a.cutoutSize(), a.cutoutProbability()));
        }
        if (a.mixupAlpha() > 0) {
            parts.add(String.format(Locale.ROOT, "mixup alpha=%.2f", a.mixupAlpha()));
        }
        return String.join(", ", parts) + " (seed " + a.seed() + ")";
    }
}
