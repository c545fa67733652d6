package org.visionbook.toolkit.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.objdetect.Yolo2OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.visionbook.toolkit.data.SceneSet;
import org.visionbook.toolkit.data.ShapeScenes;
import org.visionbook.toolkit.train.EpochRecord;
import org.visionbook.toolkit.train.Metric;
import org.visionbook.toolkit.train.ProgressMode;
import org.visionbook.toolkit.train.Trainer;
import org.visionbook.toolkit.train.TrainingResult;

/** The trainer drives a YOLO detector: loss only (a detector has no accuracy), the loss falls. */
class YoloTrainingTest {

    @Test
    void theTrainerReportsLossButNoAccuracyForADetectorAndPicksEpochsByValidationLoss() {
        YoloGrid grid = new YoloGrid(64, 8);
        SceneSet train = ShapeScenes.generate("train", ShapeScenes.Spec.chapter(), 64, 1);
        SceneSet val = ShapeScenes.generate("val", ShapeScenes.Spec.chapter(), 16, 2);
        double[][] priors = Anchors.inGridUnits(Anchors.kMeans(train.boxes(), 2, 1), grid.cellSize());
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(3e-3))
                .convolutionMode(ConvolutionMode.Same).activation(Activation.LEAKYRELU).list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(8).build())
                .layer(new SubsamplingLayer.Builder().kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).nOut(16).build())
                .layer(new ConvolutionLayer.Builder(1, 1).nOut(2 * (5 + 4)).activation(Activation.IDENTITY).build())
                .layer(new Yolo2OutputLayer.Builder().boundingBoxPriors(Nd4j.create(priors)).build())
                .setInputType(InputType.convolutional(64, 64, 3)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Trainer trainer = Trainer.of(net).epochs(3).seed(1).progress(ProgressMode.NONE)
                .validation(val.batchesInOrder(16, grid)).build();
        assertEquals(Metric.VALIDATION_LOSS, trainer.config().monitor());
        TrainingResult result = trainer.fit(train.batches(16, 1, grid));
        assertEquals(3, result.epochsRun());
        for (EpochRecord r : trainer.history().epochs()) {
            assertTrue(Double.isNaN(r.trainAccuracy()) && Double.isNaN(r.validationAccuracy()), r.toString());
            assertTrue(Double.isFinite(r.validationLoss()), r.toString());
        }
        double first = trainer.history().epochs().get(0).trainLoss();
        double last = trainer.history().last().trainLoss();
        assertTrue(last < first, "training loss should fall: " + first + " -> " + last);
    }
}
