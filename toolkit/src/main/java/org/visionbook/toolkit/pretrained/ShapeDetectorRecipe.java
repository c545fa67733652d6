package org.visionbook.toolkit.pretrained;

import java.util.List;
import java.util.Locale;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.visionbook.toolkit.data.SceneSet;
import org.visionbook.toolkit.data.ShapeScenes;
import org.visionbook.toolkit.detect.Anchors;
import org.visionbook.toolkit.detect.Detection;
import org.visionbook.toolkit.detect.DetectionEvaluation;
import org.visionbook.toolkit.detect.Nms;
import org.visionbook.toolkit.detect.YoloDecoder;
import org.visionbook.toolkit.detect.YoloGrid;
import org.visionbook.toolkit.models.TinyYolo;
import org.visionbook.toolkit.train.Optimizer;
import org.visionbook.toolkit.train.ProgressMode;
import org.visionbook.toolkit.train.Schedules;
import org.visionbook.toolkit.train.Trainer;

/**
 * {@code tiny-yolo-shapes}: chapter 08's one-stage detector ({@link TinyYolo}) trained on the
 * generated shape scenes ({@link ShapeScenes#train()}, 6,000 canvases) with three priors from
 * k-means on the training boxes. Its figure is mAP@0.5 (COCO 101-point AP, NMS at IoU
 * {@value #NMS_IOU}) on the chapter's 500 test canvases, reported where other recipes report accuracy.
 *
 * @param epochs passes over the training canvases
 * @param limit  train on the first this many canvases (0 = all; for quick tests)
 * @param peakLr the learning rate at the start of the cosine schedule
 */
public record ShapeDetectorRecipe(int epochs, int limit, double peakLr) implements Recipe {

    public static final int PRIORS = 3;
    public static final long PRIOR_SEED = 1;
    public static final int BATCH = 32;
    public static final double FINAL_LR = 1e-5;
    public static final double NMS_IOU = 0.45;
    public static final double MIN_SCORE = 0.01;
    public static final YoloGrid GRID = new YoloGrid(64, 8);

    public static ShapeDetectorRecipe create() {
        return new ShapeDetectorRecipe(14, 0, 8e-3);
    }

    @Override
    public String data() {
        return String.format(Locale.ROOT,
                "generated shape scenes (ShapeScenes, 64 x 64, 1-4 objects of %d classes): %,d "
                + "training canvases (seed %d), tested on the %d test canvases (seed %d); figure: mAP@0.5",
                ShapeScenes.CLASS_NAMES.size(), training().count(), ShapeScenes.TRAIN_SEED, 500, ShapeScenes.TEST_SEED);
    }

    @Override
    public String schedule() {
        return String.format(Locale.ROOT,
                "%d epochs, batch %d, Adam, cosine learning rate %.0e -> %.0e over all updates, "
                + "%d priors by k-means (seed %d) on the training boxes, no augmentation", epochs, BATCH, peakLr,
                        FINAL_LR,
                PRIORS, PRIOR_SEED);
    }

    @Override
    public long seed() {
        return 42;
    }

    @Override
    public Model train() {
        SceneSet train = training();
        double[][] priors = Anchors.inGridUnits(Anchors.kMeans(train.boxes(), PRIORS, PRIOR_SEED), GRID.cellSize());
        int updates = epochs * ((train.count() + BATCH - 1) / BATCH);
        MultiLayerNetwork net = TinyYolo.build(priors, train.numClasses(), seed(),
                Optimizer.adam(Schedules.cosine(peakLr, FINAL_LR, updates)).updater());
        Trainer.of(net).name("tiny-yolo-shapes").epochs(epochs).seed(seed()).progress(ProgressMode.TEXT).build()
                .fit(train.batches(BATCH, seed(), GRID));
        return net;
    }

    /** mAP@0.5 on the chapter's test canvases (the recipe's figure). */
    @Override
    public double testAccuracy(Model model) {
        SceneSet test = ShapeScenes.generate("shape scenes (test)", ShapeScenes.Spec.chapter(), 500,
                ShapeScenes.TEST_SEED);
        MultiLayerNetwork net = (MultiLayerNetwork) model;
        YoloDecoder decoder = YoloDecoder.of(net, GRID);
        List<Detection> kept = Nms.perClass(decoder.predict(net, test.features(0, test.count()), 0, MIN_SCORE),
                NMS_IOU);
        return DetectionEvaluation.of(kept, test.truths(), test.classNames()).map50();
    }

    private SceneSet training() {
        SceneSet all = ShapeScenes.generate("shape scenes (train)", ShapeScenes.Spec.chapter(), 6000,
                ShapeScenes.TRAIN_SEED);
        return limit > 0 ? all.limit(limit) : all;
    }
}
