package org.visionbook.toolkit.train;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.XYChart;
import org.visionbook.toolkit.display.Displayable;
import org.visionbook.toolkit.display.MimeBundle;
import org.visionbook.toolkit.viz.LineChart;
import org.visionbook.toolkit.viz.Picture;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * What happened while a model trained: one {@link EpochRecord} per finished epoch, plus every
 * batch's loss (and, where measured, accuracy) for finer curves. A {@link Trainer} appends to it;
 * a notebook reads it as a Tablesaw table or as charts. Epoch numbers continue across
 * {@code fit} calls and resumed checkpoints.
 */
public final class History implements Displayable {

    /** Per-batch figures of one epoch, growing as batches finish. */
    static final class BatchLog {
        final int epoch;
        private float[] loss = new float[64];
        private int[] correct = new int[64];
        private int[] counted = new int[64];
        private int size;

        BatchLog(int epoch) {
            this.epoch = epoch;
        }

        void add(double batchLoss, int batchCorrect, int batchCounted) {
            if (size == loss.length) {
                loss = Arrays.copyOf(loss, size * 2);
                correct = Arrays.copyOf(correct, size * 2);
                counted = Arrays.copyOf(counted, size * 2);
            }
            loss[size] = (float) batchLoss;
            correct[size] = batchCorrect;
            counted[size] = batchCounted;
            size++;
        }

        int size() {
            return size;
        }

        float loss(int i) {
            return loss[i];
        }

        int correct(int i) {
            return correct[i];
        }

        int counted(int i) {
            return counted[i];
        }
    }

    private static final int POINTS_PER_EPOCH = 10;

    private final List<EpochRecord> epochs = new ArrayList<>();
    private final List<BatchLog> batches = new ArrayList<>();

    /** An empty history. */
    public History() {
    }

    /** Finished epochs, oldest first (a copy). */
    public List<EpochRecord> epochs() {
        return List.copyOf(epochs);
    }

    public int size() {
        return epochs.size();
    }

    public boolean isEmpty() {
        return epochs.isEmpty();
    }

    /** The most recent epoch; throws when nothing was trained yet. */
    public EpochRecord last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("the history is empty: no epoch has finished yet");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** The number the next epoch will get. */
    public int nextEpoch() {
        return epochs.isEmpty() ? 1 : last().epoch() + 1;
    }

    /** The losses of every batch of {@code epoch}, in order. */
    public float[] batchLosses(int epoch) {
        for (BatchLog log : batches) {
            if (log.epoch == epoch) {
                return Arrays.copyOf(log.loss, log.size);
            }
        }
        throw new IllegalArgumentException("no batches recorded for epoch " + epoch + "; epochs with batches: "
                + batches.stream().map(b -> b.epoch).toList());
    }

    /** The history as a table: epoch, train_loss, train_acc, val_loss, val_acc, lr, seconds. */
    public Table table() {
        IntColumn epoch = IntColumn.create("epoch");
        DoubleColumn trainLoss = DoubleColumn.create("train_loss");
        DoubleColumn trainAcc = DoubleColumn.create("train_acc");
        DoubleColumn valLoss = DoubleColumn.create("val_loss");
        DoubleColumn valAcc = DoubleColumn.create("val_acc");
        DoubleColumn lr = DoubleColumn.create("lr");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        for (EpochRecord r : epochs) {
            epoch.append(r.epoch());
            appendValue(trainLoss, r.trainLoss());
            appendValue(trainAcc, r.trainAccuracy());
            appendValue(valLoss, r.validationLoss());
            appendValue(valAcc, r.validationAccuracy());
            appendValue(lr, r.learningRate());
            appendValue(seconds, r.seconds());
        }
        // printed rounded (the values keep full precision)
        for (DoubleColumn c : List.of(trainLoss, trainAcc, valLoss, valAcc)) {
            c.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(4));
        }
        lr.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.###E0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        seconds.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(1));
        return Table.create("training history", epoch, trainLoss, trainAcc, valLoss, valAcc, lr, seconds);
    }

    /** Tablesaw shows NaN as a missing value; keep it that way. */
    private static void appendValue(DoubleColumn column, double v) {
        if (Double.isNaN(v)) {
            column.appendMissing();
        } else {
            column.append(v);
        }
    }

    /** Loss against epochs: training (about ten points per epoch) and validation (one per epoch). */
    public XYChart lossChart() {
        return curves("Loss", "loss", false).build();
    }

    /** Accuracy against epochs, training and validation. */
    public XYChart accuracyChart() {
        return curves("Accuracy", "accuracy", true).build();
    }

    /** Both charts side by side, as one picture. */
    public Picture chart() {
        return new Picture(chartImage(460, 300, -1, 0), "training history");
    }

    /**
     * Loss and accuracy charts side by side. {@code currentEpoch}/{@code expectedBatches}
     * place the batches of an unfinished epoch on the x axis (ignored when not positive).
     */
    BufferedImage chartImage(int width, int height, int expectedBatches, int currentEpoch) {
        LineChart loss = curves("Loss", "loss", false, expectedBatches, currentEpoch).size(width, height);
        LineChart acc = curves("Accuracy", "accuracy", true, expectedBatches, currentEpoch).size(width, height);
        BufferedImage out = new BufferedImage(2 * width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(draw(loss, width, height, "loss"), 0, 0, null);
            g.drawImage(draw(acc, width, height, "accuracy"), width, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage draw(LineChart chart, int width, int height, String what) {
        if (chart.seriesList().isEmpty()) {
            BufferedImage blank = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = blank.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.GRAY);
            g.drawString("no " + what + " yet", 20, height / 2);
            g.dispose();
            return blank;
        }
        return Picture.of(chart.build()).image();
    }

    private LineChart curves(String title, String yLabel, boolean accuracy) {
        LineChart c = curves(title, yLabel, accuracy, -1, 0);
        if (c.seriesList().isEmpty()) {
            throw new IllegalStateException("nothing to plot yet: train at least one batch first");
        }
        return c;
    }

    private LineChart curves(String title, String yLabel, boolean accuracy, int expectedBatches, int currentEpoch) {
        LineChart chart = LineChart.titled(title).axes("epoch", yLabel);
        List<double[]> train = trainCurve(accuracy, expectedBatches, currentEpoch);
        if (!train.isEmpty()) {
            chart = chart.series("train", column(train, 0), column(train, 1));
        }
        List<double[]> validation = new ArrayList<>();
        for (EpochRecord r : epochs) {
            double v = accuracy ? r.validationAccuracy() : r.validationLoss();
            if (!Double.isNaN(v)) {
                validation.add(new double[] {r.epoch(), v});
            }
        }
        if (!validation.isEmpty()) {
            chart = chart.series("validation", column(validation, 0), column(validation, 1)).markers(validation.size() < 30);
        }
        return chart;
    }

    /**
     * The training loss (or accuracy) at about ten points per epoch, each the mean of a run of
     * batches, as {x = epoch - 1 + fraction of the epoch done, y} pairs. Batches of an unfinished
     * epoch count only for {@code currentEpoch} with a known {@code expectedBatches}.
     */
    List<double[]> trainCurve(boolean accuracy, int expectedBatches, int currentEpoch) {
        List<double[]> train = new ArrayList<>();
        for (BatchLog log : batches) {
            int total = log.size;
            boolean finished = epochs.stream().anyMatch(r -> r.epoch() == log.epoch);
            if (!finished) {
                if (log.epoch != currentEpoch || expectedBatches <= 0) {
                    continue;
                }
                total = Math.max(expectedBatches, log.size);
            }
            int bin = Math.max(1, (int) Math.ceil(total / (double) POINTS_PER_EPOCH));
            for (int start = 0; start < log.size; start += bin) {
                int end = Math.min(log.size, start + bin);
                double value = accuracy ? binAccuracy(log, start, end) : binLoss(log, start, end);
                if (!Double.isNaN(value)) {
                    train.add(new double[] {log.epoch - 1 + end / (double) total, value});
                }
            }
        }
        return train;
    }

    private static double binLoss(BatchLog log, int start, int end) {
        double sum = 0;
        int n = 0;
        for (int i = start; i < end; i++) {
            if (Float.isFinite(log.loss[i])) {
                sum += log.loss[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double binAccuracy(BatchLog log, int start, int end) {
        long correct = 0;
        long counted = 0;
        for (int i = start; i < end; i++) {
            correct += log.correct[i];
            counted += log.counted[i];
        }
        return counted == 0 ? Double.NaN : correct / (double) counted;
    }

    private static double[] column(List<double[]> points, int c) {
        return points.stream().mapToDouble(p -> p[c]).toArray();
    }

    // ----- written by the trainer -----

    BatchLog startEpoch(int epoch) {
        batches.removeIf(b -> b.epoch == epoch);
        BatchLog log = new BatchLog(epoch);
        batches.add(log);
        return log;
    }

    void add(EpochRecord record) {
        if (!epochs.isEmpty() && record.epoch() <= last().epoch()) {
            throw new IllegalArgumentException("epoch " + record.epoch() + " comes after epoch " + last().epoch());
        }
        epochs.add(record);
    }

    /** Drops the batches of an epoch that never finished (after an interrupt, before a resume). */
    void dropUnfinishedBatches() {
        batches.removeIf(b -> epochs.stream().noneMatch(r -> r.epoch() == b.epoch));
    }

    List<BatchLog> batchLogs() {
        return batches;
    }

    // ----- text form (checkpoints) -----

    /** CSV of the epoch rows, then one line per epoch of batch figures. Read back by {@link #parse}. */
    String toText() {
        StringBuilder sb = new StringBuilder("epoch,train_loss,train_acc,val_loss,val_acc,lr,seconds\n");
        for (EpochRecord r : epochs) {
            sb.append(r.epoch()).append(',').append(num(r.trainLoss())).append(',').append(num(r.trainAccuracy()))
                    .append(',').append(num(r.validationLoss())).append(',').append(num(r.validationAccuracy()))
                    .append(',').append(num(r.learningRate())).append(',').append(num(r.seconds())).append('\n');
        }
        for (BatchLog b : batches) {
            sb.append("batches ").append(b.epoch);
            for (int i = 0; i < b.size; i++) {
                sb.append(' ').append(num(b.loss[i])).append(':').append(b.correct[i]).append(':').append(b.counted[i]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static History parse(String text, String source) {
        History h = new History();
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].startsWith("epoch,")) {
            throw new IllegalArgumentException(source + ": not a training history (first line: "
                    + (lines.length == 0 ? "none" : lines[0]) + ")");
        }
        for (int n = 1; n < lines.length; n++) {
            String line = lines[n].trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.startsWith("batches ")) {
                    String[] parts = line.split(" ");
                    BatchLog log = new BatchLog(Integer.parseInt(parts[1]));
                    for (int i = 2; i < parts.length; i++) {
                        String[] f = parts[i].split(":");
                        log.add(Double.parseDouble(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]));
                    }
                    h.batches.add(log);
                } else {
                    String[] f = line.split(",");
                    h.add(new EpochRecord(Integer.parseInt(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                            Double.parseDouble(f[6])));
                }
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + ", line " + (n + 1) + ": cannot read '" + line + "': " + e.getMessage(), e);
            }
        }
        return h;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : Double.toString(v);
    }

    @Override
    public MimeBundle toMimeBundle() {
        String text = table().printAll();
        if (epochs.isEmpty() && batches.isEmpty()) {
            return MimeBundle.of("training history: empty");
        }
        Picture picture = chart();
        return MimeBundle.of(text).withPng(picture.pngBytes());
    }

    @Override
    public String toString() {
        if (epochs.isEmpty()) {
            return "training history: no finished epoch";
        }
        EpochRecord r = last();
        return String.format(Locale.ROOT, "training history: %d epoch(s), last: train loss %.4f, val acc %s", epochs.size(),
                r.trainLoss(), Double.isNaN(r.validationAccuracy()) ? "-" : String.format(Locale.ROOT, "%.4f", r.validationAccuracy()));
    }
}
