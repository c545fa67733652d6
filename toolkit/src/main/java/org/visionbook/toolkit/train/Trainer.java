package org.visionbook.toolkit.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.visionbook.toolkit.Knobs;
import org.visionbook.toolkit.data.ImageBatches;
import org.visionbook.toolkit.data.SceneBatches;
import org.visionbook.toolkit.display.Display;
import org.visionbook.toolkit.perf.Performance;

/**
 * Trains a DL4J MultiLayerNetwork or ComputationGraph batch by batch, with live progress,
 * a history, validation, early stopping, checkpoints and a clean stop on interrupt.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.of(net)
 *         .epochs(10).seed(42)
 *         .validation(testBatches)
 *         .earlyStopping(EarlyStopping.on(Metric.VALIDATION_LOSS).patience(3))
 *         .checkpoints(Path.of("checkpoints/lenet"))
 *         .build();
 * TrainingResult result = trainer.fit(trainBatches);
 * trainer.history().table();
 * }</pre>
 *
 * <p><b>Epochs.</b> Each {@code fit} runs up to {@code epochs} more epochs (fewer when the
 * {@code VISIONBOOK_EPOCHS} knob is lower); epoch numbers continue from the history, so calling
 * {@code fit} again trains on where the last call stopped.
 *
 * <p><b>Progress.</b> In a notebook ({@link Display#isRich()}) one display shows a progress bar,
 * speed, ETA and loss/accuracy charts, updated in place a few times a second; elsewhere a line per
 * epoch. All output goes through {@link Display}.
 *
 * <p><b>Best epoch.</b> The monitored metric (early stopping's, else {@link Builder#monitor},
 * else validation accuracy, else training loss) picks the best epoch: its model goes to
 * {@code best.zip} when checkpoints are on, and with {@link Builder#restoreBest} its parameters
 * are put back when {@code fit} ends (not after an interrupt: then the model keeps its latest state).
 *
 * <p><b>Interrupts.</b> Before every batch the trainer checks its thread's interrupt flag. When it
 * is set, training stops at that batch boundary: the model keeps every update made so far, the
 * history keeps every finished epoch, and {@code fit} returns normally with
 * {@link StopReason#INTERRUPTED}. The flag is cleared while the final progress is shown (so that
 * output is not lost to interruptible I/O) and set again before {@code fit} returns, so the caller
 * still sees the interrupt. A thread that is already interrupted when {@code fit} starts trains no
 * batch at all.
 *
 * <p><b>Speed.</b> Before it trains or evaluates, the trainer applies the toolkit's CPU settings
 * to the network ({@link Performance#accelerate}: native oneDNN convolution and pooling, one
 * native thread on small machines); the results are the same up to float rounding.
 * {@link Builder#accelerate(boolean) accelerate(false)} leaves the network as DL4J built it.
 *
 * <p><b>Cost.</b> Per batch the trainer adds a few counters and, for dense output layers, one
 * small matrix product to read training accuracy (see {@link AccuracyProbe}); DL4J computes the
 * loss during {@code fit} anyway. Validation costs one forward pass over the validation data per
 * validated epoch.
 */
public final class Trainer {

    private final Network network;
    private final TrainingConfig config;
    private final DataSetIterator validation;
    private final History history;

    private Trainer(Network network, TrainingConfig config, DataSetIterator validation, History history) {
        this.network = network;
        this.config = config;
        this.validation = validation;
        this.history = history;
    }

    /** Starts configuring the training of {@code model}, an initialised MultiLayerNetwork or ComputationGraph. */
    public static Builder of(Model model) {
        return new Builder(Network.of(model), new History());
    }

    /**
     * Starts configuring a trainer that continues from a checkpoint written by a trainer: the
     * model (with its optimiser state) and the history are restored, and epoch numbers continue.
     */
    public static Builder resume(Path checkpoint) throws IOException {
        Checkpoint c = Checkpoint.load(checkpoint);
        c.history().dropUnfinishedBatches();
        return new Builder(Network.of(c.model()), c.history());
    }

    public Model model() {
        return network.model();
    }

    public History history() {
        return history;
    }

    public TrainingConfig config() {
        return config;
    }

    /** Evaluates the model on {@code data}: accuracy, per-class figures, confusion matrix, mistakes. */
    public EvaluationReport evaluate(DataSetIterator data) {
        accelerate();
        return Evaluator.evaluate(network.model(), data);
    }

    /** Trains on {@code train} for this trainer's epochs (see the class notes). */
    public TrainingResult fit(DataSetIterator train) {
        Objects.requireNonNull(train, "training data");
        int epochs = Knobs.epochs(config.epochs()); // the knob caps, as everywhere
        accelerate();
        if (config.seed() != null) {
            Nd4j.getRandom().setSeed(config.seed());
        }
        history.dropUnfinishedBatches();
        int first = history.nextEpoch();
        int last = first + epochs - 1;
        Metric monitored = config.effectiveMonitor(validation != null);
        EarlyStopping.Monitor monitor = config.earlyStopping() != null ? config.earlyStopping().monitor()
                : new EarlyStopping.Monitor(monitored, Integer.MAX_VALUE, 0);
        history.epochs().forEach(monitor::remember);

        Progress progress = new Progress(config.name(), history, first, last);
        ProgressView view = view();
        AccuracyProbe probe = new AccuracyProbe();
        Collection<TrainingListener> ownListeners = network.listeners();
        List<TrainingListener> withProbe = new ArrayList<>(ownListeners);
        withProbe.add(probe);

        StopReason reason = StopReason.COMPLETED;
        int epochsRun = 0;
        int lastBatches = 0;
        boolean probeWorks = false;
        boolean checked = false;
        boolean classifies = network.classifies();
        INDArray bestParams = null;
        Path bestFile = null;
        long start = System.nanoTime();
        if (config.checkpointDir() != null && java.nio.file.Files.isRegularFile(config.checkpointDir().resolve("best.zip"))
                && monitor.bestEpoch() > 0) {
            bestFile = config.checkpointDir().resolve("best.zip").toAbsolutePath();
        }
        network.setListeners(withProbe);
        uninterrupted(() -> view.begin(progress));
        try {
            epochs:
            for (int epoch = first; epoch <= last; epoch++) {
                long epochStart = System.nanoTime();
                if (!train.hasNext()) {
                    if (!train.resetSupported()) {
                        throw new IllegalStateException("the training iterator is used up and cannot be reset, so epoch "
                                + epoch + " has no data; use an iterator that supports reset()");
                    }
                    train.reset();
                }
                progress.startEpoch(epoch, expectedBatches(train, lastBatches));
                History.BatchLog log = history.startEpoch(epoch);
                while (train.hasNext()) {
                    if (Thread.currentThread().isInterrupted()) {
                        reason = StopReason.INTERRUPTED;
                        lastBatches = progress.batch;
                        break epochs;
                    }
                    DataSet batch = train.next();
                    if (!checked) {
                        network.checkFits(batch, "training data (first batch)");
                        checked = true;
                    }
                    long t0 = System.nanoTime();
                    int correct = 0;
                    int counted = 0;
                    boolean sample = classifies && !probeWorks && progress.batch % config.trainAccuracyEvery() == 0;
                    if (sample) {
                        INDArray out = network.output(batch.getFeatures());
                        correct = (int) hits(out, batch.getLabels());
                        counted = batch.numExamples();
                    }
                    probe.expect(classifies ? batch.getLabels() : null);
                    network.fit(batch);
                    double loss = network.lastScore();
                    if (probe.measured()) {
                        probeWorks = true;
                        correct = probe.correct();
                        counted = probe.counted();
                    } else if (!sample) {
                        correct = 0;
                        counted = 0;
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    log.add(loss, correct, counted);
                    progress.batchDone(batch.numExamples(), seconds, loss, correct, counted);
                    if (!Thread.currentThread().isInterrupted()) {
                        view.batch(progress);
                    }
                }
                if (Thread.currentThread().isInterrupted()) {
                    // the last batch ran, but the epoch is not recorded: no validation while the user waits
                    reason = StopReason.INTERRUPTED;
                    lastBatches = progress.batch;
                    break;
                }
                if (progress.batch == 0) {
                    throw new IllegalStateException("the training data gave no batches in epoch " + epoch);
                }
                lastBatches = progress.batch;
                double lr = network.learningRate();
                network.incrementEpochCount();
                network.clearLayerStates();
                double[] val = {Double.NaN, Double.NaN};
                boolean validateNow = validation != null && ((epoch - first + 1) % config.validateEvery() == 0 || epoch == last);
                if (validateNow) {
                    long v0 = System.nanoTime();
                    val = validate();
                    progress.lastValidationSeconds = (System.nanoTime() - v0) / 1e9;
                }
                progress.epochClosed = true;
                EpochRecord record = new EpochRecord(epoch, progress.runningLoss(), progress.runningAccuracy(), val[0], val[1],
                        lr, (System.nanoTime() - epochStart) / 1e9);
                history.add(record);
                epochsRun++;
                EarlyStopping.Verdict verdict = monitor.observe(record);
                if (verdict == EarlyStopping.Verdict.IMPROVED) {
                    if (config.restoreBest()) {
                        bestParams = network.params().dup();
                    }
                    if (config.checkpointDir() != null) {
                        bestFile = save(config.checkpointDir().resolve("best.zip"));
                    }
                }
                if (config.checkpointDir() != null) {
                    save(config.checkpointDir().resolve("last.zip"));
                }
                if (Thread.currentThread().isInterrupted()) {
                    reason = StopReason.INTERRUPTED;
                    lastBatches = 0;
                    break;
                }
                view.epochEnd(progress, record);
                if (config.earlyStopping() != null && verdict == EarlyStopping.Verdict.STOP) {
                    reason = StopReason.EARLY_STOPPED;
                    break;
                }
            }
        } catch (RuntimeException e) {
            uninterrupted(() -> view.failed(progress, e));
            throw e;
        } finally {
            network.setListeners(ownListeners);
        }
        boolean interrupted = Thread.interrupted(); // cleared while the final state is shown, set again below
        try {
            boolean restored = false;
            boolean bestIsOlder = !history.isEmpty() && monitor.bestEpoch() != history.last().epoch();
            if (bestParams != null && bestIsOlder && reason != StopReason.INTERRUPTED) {
                network.setParams(bestParams);
                restored = true;
            }
            int lastEpoch = history.isEmpty() ? 0 : history.last().epoch();
            TrainingResult result = new TrainingResult(reason, epochsRun, lastEpoch, lastBatches, monitored,
                    monitor.bestEpoch(), monitor.best(), restored, bestFile, (System.nanoTime() - start) / 1e9, history);
            view.end(progress, result);
            return result;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Installs the toolkit's CPU speed-ups on the network unless the config opts out (idempotent). */
    private void accelerate() {
        if (config.accelerate()) {
            network.accelerate();
        }
    }

    private ProgressView view() {
        ProgressMode mode = config.progress();
        if (mode == ProgressMode.AUTO) {
            mode = Display.isRich() ? ProgressMode.DASHBOARD : ProgressMode.TEXT;
        }
        return switch (mode) {
            case DASHBOARD -> new Dashboard(config.refresh().toNanos(), config.chartRefresh().toNanos());
            case TEXT -> new TextProgress(config.textLineEvery().toNanos());
            case NONE, AUTO -> ProgressView.none();
        };
    }

    /**
     * Writes a checkpoint with the interrupt flag cleared meanwhile (and restored after): NIO file
     * channels close themselves when an interrupted thread writes to them.
     */
    private Path save(Path file) {
        Path[] written = new Path[1];
        uninterrupted(() -> {
            try {
                written[0] = Checkpoint.save(network.model(), history, file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write checkpoint " + file.toAbsolutePath() + ": " + e.getMessage(), e);
            }
        });
        return written[0];
    }

    /** Runs {@code work} with this thread's interrupt flag cleared, then sets it again if it was set. */
    private static void uninterrupted(Runnable work) {
        boolean was = Thread.interrupted();
        try {
            work.run();
        } finally {
            if (was) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Mean cross-entropy and accuracy on the validation data, in inference mode. */
    private double[] validate() {
        if (validation.resetSupported()) {
            validation.reset();
        } else if (!validation.hasNext()) {
            throw new IllegalStateException("the validation iterator is used up and cannot be reset");
        }
        boolean probabilities = network.outputsClassProbabilities();
        boolean classifies = network.classifies();
        double lossSum = 0;
        long correct = 0;
        long examples = 0;
        boolean first = true;
        while (validation.hasNext()) {
            DataSet batch = validation.next();
            if (first) {
                network.checkFits(batch, "validation data (first batch)");
                first = false;
            }
            INDArray out = network.output(batch.getFeatures());
            INDArray labels = batch.getLabels();
            int n = batch.numExamples();
            if (probabilities) {
                INDArray logP = Transforms.log(Transforms.max(out, 1e-10, true), false);
                lossSum -= logP.muli(labels.castTo(logP.dataType())).sumNumber().doubleValue();
            } else {
                lossSum += network.score(batch) * n;
            }
            if (classifies) {
                correct += hits(out, labels);
            }
            examples += n;
        }
        if (examples == 0) {
            throw new IllegalStateException("the validation data gave no examples");
        }
        return new double[] {lossSum / examples, classifies ? correct / (double) examples : Double.NaN};
    }

    private static long hits(INDArray out, INDArray labels) {
        return Nd4j.argMax(out, 1).eq(Nd4j.argMax(labels, 1)).castTo(DataType.INT32).sumNumber().longValue();
    }

    /** Batches per epoch when the iterator can say, else the last epoch's count (0 = unknown). */
    static int expectedBatches(DataSetIterator it, int lastEpochBatches) {
        if (it instanceof Augmentation.AugmentedIterator a) {
            return expectedBatches(a.base(), lastEpochBatches);
        }
        if (it instanceof ImageBatches b && b.batch() > 0) {
            return (int) Math.ceil(b.images().size() / (double) b.batch());
        }
        if (it instanceof SceneBatches s) {
            return s.batchesPerEpoch();
        }
        return lastEpochBatches;
    }

    /** Configures a {@link Trainer}; every option has a default (see {@link TrainingConfig#defaults}). */
    public static final class Builder {
        private final Network network;
        private final History history;
        private DataSetIterator validation;
        private String name;
        private int epochs;
        private Long seed;
        private int validateEvery;
        private EarlyStopping earlyStopping;
        private Metric monitor;
        private Path checkpointDir;
        private boolean restoreBest;
        private ProgressMode progress;
        private Duration refresh;
        private Duration chartRefresh;
        private Duration textLineEvery;
        private int trainAccuracyEvery;
        private boolean accelerate;

        private Builder(Network network, History history) {
            this.network = network;
            this.history = history;
            TrainingConfig d = TrainingConfig.defaults(network.kind());
            name = d.name();
            epochs = d.epochs();
            validateEvery = d.validateEvery();
            progress = d.progress();
            refresh = d.refresh();
            chartRefresh = d.chartRefresh();
            textLineEvery = d.textLineEvery();
            trainAccuracyEvery = d.trainAccuracyEvery();
            accelerate = d.accelerate();
        }

        /** What progress displays call the model (default: its DL4J class). */
        public Builder name(String modelName) {
            this.name = Objects.requireNonNull(modelName, "name");
            return this;
        }

        /** Epochs per {@code fit} call (default 10; {@code VISIONBOOK_EPOCHS} caps it). */
        public Builder epochs(int n) {
            this.epochs = n;
            return this;
        }

        /** Reseeds ND4J's random numbers (dropout masks) at the start of every {@code fit}. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Data to measure loss and accuracy on after each epoch, in inference mode. */
        public Builder validation(DataSetIterator data) {
            this.validation = data;
            return this;
        }

        /** Validate after every n-th epoch only (and after the last), when validation is slow. */
        public Builder validateEvery(int n) {
            this.validateEvery = n;
            return this;
        }

        public Builder earlyStopping(EarlyStopping rule) {
            this.earlyStopping = rule;
            return this;
        }

        /** The metric that picks the best epoch for checkpoints and {@link #restoreBest} (default: validation accuracy). */
        public Builder monitor(Metric metric) {
            this.monitor = metric;
            return this;
        }

        /** Writes {@code best.zip} (best epoch so far) and {@code last.zip} (every epoch) into {@code folder}. */
        public Builder checkpoints(Path folder) {
            this.checkpointDir = folder;
            return this;
        }

        /** At the end of {@code fit}, put back the parameters of the best epoch (kept in memory). */
        public Builder restoreBest(boolean on) {
            this.restoreBest = on;
            return this;
        }

        public Builder progress(ProgressMode mode) {
            this.progress = Objects.requireNonNull(mode, "progress mode");
            return this;
        }

        /** Least time between two updates of the live display (default 300 ms). */
        public Builder refresh(Duration interval) {
            this.refresh = Objects.requireNonNull(interval, "refresh");
            return this;
        }

        /** Least time between two in-epoch chart redraws (default 2 s). */
        public Builder chartRefresh(Duration interval) {
            this.chartRefresh = Objects.requireNonNull(interval, "chart refresh");
            return this;
        }

        /** Least time between two in-epoch lines of text progress (default 10 s). */
        public Builder textLineEvery(Duration interval) {
            this.textLineEvery = Objects.requireNonNull(interval, "text line interval");
            return this;
        }

        /** Where the cheap accuracy probe cannot work: measure training accuracy on every n-th batch (default 10). */
        public Builder trainAccuracyEvery(int n) {
            this.trainAccuracyEvery = n;
            return this;
        }

        /**
         * Whether to apply the toolkit's CPU speed-ups to the network before training (default on;
         * see {@link Performance#accelerate}). Off leaves DL4J's own, slower, code paths.
         */
        public Builder accelerate(boolean on) {
            this.accelerate = on;
            return this;
        }

        public TrainingConfig config() {
            Metric monitor = this.monitor;
            if (monitor == null && earlyStopping == null && !network.classifies()) {
                // no accuracy to watch (e.g. a detector): the loss picks the best epoch
                monitor = validation != null ? Metric.VALIDATION_LOSS : Metric.TRAIN_LOSS;
            }
            return new TrainingConfig(name, epochs, seed, validateEvery, earlyStopping, monitor, checkpointDir, restoreBest,
                    progress, refresh, chartRefresh, textLineEvery, trainAccuracyEvery, accelerate);
        }

        public Trainer build() {
            TrainingConfig config = config();
            Metric watched = config.effectiveMonitor(validation != null);
            if (watched.needsValidation() && validation == null) {
                throw new IllegalArgumentException((earlyStopping != null ? "early stopping" : "the monitor") + " watches "
                        + watched + ", which needs validation data: add .validation(iterator)");
            }
            return new Trainer(network, config, validation, history);
        }

        /** Shorthand for {@code build().fit(train)}. */
        public TrainingResult fit(DataSetIterator train) {
            return build().fit(train);
        }
    }
}
