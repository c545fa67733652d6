package org.visionbook.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.visionbook.toolkit.Knobs;
import org.visionbook.toolkit.data.ImageBatches;
import org.visionbook.toolkit.data.LabelledImages;

import tech.tablesaw.api.Table;

class TrainerTest {

    private final LabelledImages train = Tiny.quadrants(512, 1);
    private final LabelledImages test = Tiny.quadrants(128, 2);

    /** The epochs knob may be set in CI's environment; these tests count epochs, so pin it high. */
    @BeforeEach
    void pinEpochKnob() {
        System.setProperty(Knobs.EPOCHS_PROPERTY, "1000");
    }

    @AfterEach
    void clearKnobAndInterrupt() {
        System.clearProperty(Knobs.EPOCHS_PROPERTY);
        Thread.interrupted();
    }

    private Trainer.Builder quiet(Model model) {
        return Trainer.of(model).progress(ProgressMode.NONE).seed(7);
    }

    @Test
    void lossFallsAndAccuracyRisesOverAFewEpochs() {
        MultiLayerNetwork net = Tiny.cnn(1, new Adam(1e-2));
        Trainer trainer = quiet(net).epochs(4).validation(Tiny.inOrder(test, 64)).build();
        TrainingResult result = trainer.fit(train.iterator(32, 3));
        List<EpochRecord> h = trainer.history().epochs();
        assertEquals(StopReason.COMPLETED, result.reason());
        assertTrue(h.get(3).trainLoss() < 0.7 * h.get(0).trainLoss(), "train loss " + h);
        assertTrue(h.get(3).validationLoss() < h.get(0).validationLoss(), "validation loss " + h);
        assertTrue(h.get(3).validationAccuracy() > 0.8, "validation accuracy " + h.get(3));
    }

    @Test
    void historyHasOneRowPerEpochWithEveryColumn() {
        MultiLayerNetwork net = Tiny.cnn(1, new Adam(1e-2));
        Trainer trainer = quiet(net).epochs(3).validation(Tiny.inOrder(test, 64)).build();
        trainer.fit(Tiny.inOrder(train, 64));
        Table t = trainer.history().table();
        assertEquals(3, t.rowCount());
        assertEquals(List.of("epoch", "train_loss", "train_acc", "val_loss", "val_acc", "lr", "seconds"), t.columnNames());
        assertEquals(List.of(1, 2, 3), t.intColumn("epoch").asList());
        for (String c : List.of("train_loss", "train_acc", "val_loss", "val_acc", "lr", "seconds")) {
            assertEquals(0, t.doubleColumn(c).countMissing(), c + " has gaps");
        }
        assertEquals(1e-2, t.doubleColumn("lr").get(0), 1e-12);
        assertEquals(8, trainer.history().batchLosses(2).length, "512 examples in batches of 64");
        // the recorded training accuracy is the probe's count over all 512 examples of an epoch
        double acc = t.doubleColumn("train_acc").get(2);
        assertEquals(acc * 512, Math.rint(acc * 512), 1e-6);
    }

    @Test
    void trainingAccuracyFromTheProbeMatchesAForwardPassBeforeEachUpdate() {
        MultiLayerNetwork probed = Tiny.cnn(3, new Sgd(0.0));
        MultiLayerNetwork reference = Tiny.cnn(3, new Sgd(0.0));
        Trainer trainer = quiet(probed).epochs(1).build();
        trainer.fit(Tiny.inOrder(train, 64));
        DataSet all = train.toDataSet();
        INDArray out = reference.output(all.getFeatures());
        double expected = Nd4j.argMax(out, 1).eq(Nd4j.argMax(all.getLabels(), 1)).castTo(org.nd4j.linalg.api.buffer.DataType.INT32)
                .sumNumber().doubleValue() / 512;
        assertEquals(expected, trainer.history().last().trainAccuracy(), 1e-9, "a zero learning rate keeps the model fixed");
    }

    @Test
    void earlyStoppingStopsWhenValidationLossStopsImproving() {
        // learning rate 0: the validation loss never changes, so it never improves after epoch 1
        MultiLayerNetwork net = Tiny.cnn(1, new Sgd(0.0));
        Trainer trainer = quiet(net).epochs(10).validation(Tiny.inOrder(test, 64))
                .earlyStopping(EarlyStopping.on(Metric.VALIDATION_LOSS).patience(2)).build();
        TrainingResult result = trainer.fit(Tiny.inOrder(train, 64));
        assertEquals(StopReason.EARLY_STOPPED, result.reason());
        assertEquals(3, result.lastEpoch(), "best at 1, then 2 epochs without improvement");
        assertEquals(3, trainer.history().size());
        assertEquals(1, result.bestEpoch());
    }

    @Test
    void restoreBestPutsBackTheBestEpochsParameters() {
        MultiLayerNetwork net = Tiny.cnn(1, new Sgd(0.0));
        INDArray initial = net.params().dup();
        // monitor training loss with lr 0: epoch 1 is best; then we perturb the weights between epochs
        Trainer trainer = quiet(net).epochs(3).monitor(Metric.TRAIN_LOSS).restoreBest(true).build();
        net.addListeners(new BaseTrainingListener() {
            @Override
            public void onEpochEnd(Model model) {
            }

            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                if (iteration == 8) {
                    model.params().addi(0.5); // from epoch 2 on the loss is different (worse, almost surely)
                }
            }
        });
        TrainingResult result = trainer.fit(Tiny.inOrder(train, 64));
        assertEquals(1, result.bestEpoch(), trainer.history().epochs().toString());
        assertTrue(result.bestRestored());
        assertEquals(initial, net.params());
    }

    @Test
    void checkpointRoundTripGivesIdenticalOutputsAndHistory(@TempDir Path dir) throws Exception {
        MultiLayerNetwork net = Tiny.cnn(1, new Adam(1e-2));
        Trainer trainer = quiet(net).epochs(2).validation(Tiny.inOrder(test, 64)).checkpoints(dir).build();
        TrainingResult result = trainer.fit(Tiny.inOrder(train, 64));
        Path best = dir.resolve("best.zip");
        assertEquals(best.toAbsolutePath(), result.bestCheckpoint());
        assertTrue(Files.isRegularFile(dir.resolve("last.zip")));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("best.zip", "last.zip"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temp files left behind");
        }
        Checkpoint last = Checkpoint.load(dir.resolve("last.zip"));
        INDArray x = test.toDataSet().getFeatures();
        assertEquals(net.output(x), ((MultiLayerNetwork) last.model()).output(x));
        assertEquals(trainer.history().epochs(), last.history().epochs());
        assertEquals(trainer.history().batchLosses(2).length, last.history().batchLosses(2).length);
    }

    @Test
    void resumingFromACheckpointContinuesExactlyAsUninterruptedTraining(@TempDir Path dir) throws Exception {
        MultiLayerNetwork straight = Tiny.cnn(5, new Adam(1e-2));
        quiet(straight).epochs(3).build().fit(Tiny.inOrder(train, 64));

        MultiLayerNetwork first = Tiny.cnn(5, new Adam(1e-2));
        quiet(first).epochs(2).checkpoints(dir).build().fit(Tiny.inOrder(train, 64));
        Trainer resumed = Trainer.resume(dir.resolve("last.zip")).progress(ProgressMode.NONE).seed(7).epochs(1).build();
        TrainingResult result = resumed.fit(Tiny.inOrder(train, 64));

        assertEquals(List.of(1, 2, 3), resumed.history().epochs().stream().map(EpochRecord::epoch).toList());
        assertEquals(3, result.lastEpoch());
        MultiLayerNetwork continued = (MultiLayerNetwork) resumed.model();
        assertEquals(straight.getIterationCount(), continued.getIterationCount());
        assertEquals(3, continued.getEpochCount());
        assertTrue(straight.params().equalsWithEps(continued.params(), 1e-6),
                "Adam's state travels in the checkpoint, so the third epoch matches");
    }

    @Test
    void anInterruptStopsAtTheNextBatchBoundaryAndKeepsTheFlag() {
        MultiLayerNetwork net = Tiny.cnn(1, new Adam(1e-2));
        net.addListeners(new BaseTrainingListener() {
            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                if (iteration == 10) { // batch 3 of epoch 2 (8 batches per epoch)
                    Thread.currentThread().interrupt();
                }
            }
        });
        Trainer trainer = quiet(net).epochs(5).build();
        TrainingResult result = trainer.fit(Tiny.inOrder(train, 64));
        boolean flag = Thread.interrupted();
        assertAll(
                () -> assertEquals(StopReason.INTERRUPTED, result.reason()),
                () -> assertTrue(flag, "the interrupt flag is set again when fit returns"),
                () -> assertEquals(11, net.getIterationCount(), "the running batch finishes, no further one starts"),
                () -> assertEquals(1, trainer.history().size(), "epoch 1 finished; epoch 2 did not"),
                () -> assertEquals(3, result.batchesInLastEpoch()),
                () -> assertTrue(result.summary().contains("interrupted in epoch 2 after 3 batch")),
                () -> assertEquals(2, net.output(test.toDataSet().getFeatures()).rank(), "the model is still usable"));
    }

    @Test
    void anInterruptFromAnotherThreadLeavesModelAndHistoryIntact() throws Exception {
        MultiLayerNetwork net = Tiny.cnn(1, new Adam(1e-2));
        CountDownLatch running = new CountDownLatch(1);
        net.addListeners(new BaseTrainingListener() {
            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                if (iteration == 12) {
                    running.countDown();
                }
            }
        });
        Trainer trainer = quiet(net).epochs(1000).build();
        AtomicReference<TrainingResult> result = new AtomicReference<>();
        AtomicBoolean flagAfter = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            result.set(trainer.fit(Tiny.inOrder(train, 64)));
            flagAfter.set(Thread.currentThread().isInterrupted());
        });
        worker.start();
        assertTrue(running.await(60, TimeUnit.SECONDS), "training started");
        worker.interrupt();
        worker.join(60_000);
        assertFalse(worker.isAlive(), "training stopped");
        TrainingResult r = result.get();
        assertNotNull(r);
        assertEquals(StopReason.INTERRUPTED, r.reason());
        assertTrue(flagAfter.get());
        int recordedBatches = trainer.history().size() * 8 + r.batchesInLastEpoch();
        assertEquals(recordedBatches, net.getIterationCount(), "every update the model made is a whole batch the trainer counted");
        assertTrue(trainer.history().size() < 1000);
        // training goes on from where it stopped
        TrainingResult more = Trainer.of(net).progress(ProgressMode.NONE).epochs(1).build().fit(Tiny.inOrder(train, 64));
        assertEquals(StopReason.COMPLETED, more.reason());
    }

    @Test
    void aThreadInterruptedBeforeFitTrainsNothing() {
        MultiLayerNetwork net = Tiny.cnn(1, new Adam(1e-2));
        Thread.currentThread().interrupt();
        TrainingResult r = quiet(net).epochs(3).build().fit(Tiny.inOrder(train, 64));
        assertTrue(Thread.interrupted());
        assertEquals(StopReason.INTERRUPTED, r.reason());
        assertEquals(0, net.getIterationCount());
    }

    @Test
    void dataOfTheWrongImageSizeIsRejectedNamingBothShapes() {
        MultiLayerNetwork net = new MultiLayerNetwork(Tiny.cnnConf(1, new Adam(1e-3), 10));
        net.init();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> quiet(net).epochs(1).build().fit(Tiny.inOrder(train, 64)));
        assertTrue(e.getMessage().contains("[64, 1, 8, 8]"), e.getMessage());
        assertTrue(e.getMessage().contains("[batch, 1, 10, 10]"), e.getMessage());
        assertEquals(0, net.getIterationCount(), "rejected before any update");
    }

    @Test
    void flatFeaturesForAConvolutionalNetworkAreRejectedNamingBothShapes() {
        MultiLayerNetwork net = Tiny.cnn(1, new Adam(1e-3));
        ImageBatches flat = train.batches().batchSize(32).flatten(true).build();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> quiet(net).epochs(1).build().fit(flat));
        assertTrue(e.getMessage().contains("[32, 64]"), e.getMessage());
        assertTrue(e.getMessage().contains("[batch, 1, 8, 8]"), e.getMessage());
    }

    @Test
    void labelsWithTheWrongNumberOfClassesAreRejected() {
        MultiLayerNetwork net = Tiny.cnn(1, new Adam(1e-3));
        LabelledImages threeClasses = LabelledImages.of("three", new byte[16 * 64], new int[16], 8, 8, List.of("a", "b", "c"));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> quiet(net).epochs(1).build().fit(Tiny.inOrder(threeClasses, 16)));
        assertTrue(e.getMessage().contains("3 classes") && e.getMessage().contains("4 outputs"), e.getMessage());
    }

    @Test
    void theEpochsKnobCapsEveryFit() {
        System.setProperty(Knobs.EPOCHS_PROPERTY, "2");
        MultiLayerNetwork net = Tiny.cnn(1, new Adam(1e-2));
        TrainingResult r = quiet(net).epochs(5).build().fit(Tiny.inOrder(train, 64));
        assertEquals(2, r.epochsRun());
        System.setProperty(Knobs.EPOCHS_PROPERTY, "9");
        TrainingResult r2 = quiet(Tiny.cnn(1, new Adam(1e-2))).epochs(3).build().fit(Tiny.inOrder(train, 64));
        assertEquals(3, r2.epochsRun(), "a cap above the request changes nothing");
        assertEquals(Knobs.epochs(3), r2.epochsRun(), "Knobs.epochs(n) and fit follow one rule");
        System.setProperty(Knobs.EPOCHS_PROPERTY, "2");
        assertEquals(Knobs.epochs(5), r.epochsRun(), "Knobs.epochs(n) and fit follow one rule");
    }

    @Test
    void fitAgainContinuesTheEpochNumbering() {
        MultiLayerNetwork net = Tiny.cnn(1, new Adam(1e-2));
        Trainer trainer = quiet(net).epochs(2).build();
        trainer.fit(Tiny.inOrder(train, 64));
        trainer.fit(Tiny.inOrder(train, 64));
        assertEquals(List.of(1, 2, 3, 4), trainer.history().epochs().stream().map(EpochRecord::epoch).toList());
        assertEquals(4, net.getEpochCount());
    }

    @Test
    void theSameSeedsGiveTheSameModel() {
        MultiLayerNetwork a = Tiny.cnn(11, new Adam(1e-2));
        MultiLayerNetwork b = Tiny.cnn(11, new Adam(1e-2));
        quiet(a).epochs(2).build().fit(train.iterator(32, 5));
        quiet(b).epochs(2).build().fit(train.iterator(32, 5));
        assertEquals(a.params(), b.params());
    }

    @Test
    void earlyStoppingOnAValidationMetricNeedsValidationData() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> quiet(Tiny.cnn(1, new Adam(1e-3))).earlyStopping(EarlyStopping.on(Metric.VALIDATION_ACCURACY)).build());
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
    }

    @Test
    void theLearningRateColumnFollowsAnEpochSchedule() {
        MultiLayerNetwork net = Tiny.cnn(1, new Sgd(Schedules.step(0.1, 0.5, 1)));
        Trainer trainer = quiet(net).epochs(3).build();
        trainer.fit(Tiny.inOrder(train, 64));
        assertEquals(List.of(0.1, 0.05, 0.025), trainer.history().table().doubleColumn("lr").asList());
    }
}
