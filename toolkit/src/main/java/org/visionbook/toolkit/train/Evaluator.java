package org.visionbook.toolkit.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Runs a classifier over a whole dataset once, in inference mode, and keeps what a notebook
 * shows afterwards: DL4J's {@link Evaluation} (accuracy, per-class precision/recall/F1,
 * confusion matrix) and the most confident mistakes with their images.
 */
public final class Evaluator {

    /** Mistakes kept by default: enough for an 8 x 8 grid. */
    public static final int DEFAULT_MISTAKES = 64;

    private Evaluator() {
    }

    public static EvaluationReport evaluate(Model model, DataSetIterator data) {
        return evaluate(model, data, DEFAULT_MISTAKES);
    }

    /** Evaluates {@code model} on every batch of {@code data} (reset first), keeping the {@code keepMistakes} most confident mistakes. */
    public static EvaluationReport evaluate(Model model, DataSetIterator data, int keepMistakes) {
        Objects.requireNonNull(data, "data");
        if (keepMistakes < 0) {
            throw new IllegalArgumentException("keepMistakes must be 0 or more, got " + keepMistakes);
        }
        Network network = Network.of(model);
        if (data.resetSupported()) {
            data.reset();
        } else if (!data.hasNext()) {
            throw new IllegalStateException("the evaluation iterator is used up and cannot be reset");
        }
        List<String> names = data.getLabels();
        Evaluation evaluation = null;
        int classes = 0;
        PriorityQueue<Mistake> worst = new PriorityQueue<>(Comparator.comparingDouble(Mistake::confidence));
        long offset = 0;
        boolean first = true;
        while (data.hasNext()) {
            DataSet batch = data.next();
            if (first) {
                network.checkFits(batch, "evaluation data (first batch)");
                first = false;
            }
            INDArray out = network.output(batch.getFeatures());
            INDArray labels = batch.getLabels();
            if (evaluation == null) {
                classes = (int) labels.size(1);
                evaluation = names != null && names.size() == classes ? new Evaluation(names) : new Evaluation(classes);
            }
            evaluation.eval(labels, out);
            int[] predicted = Nd4j.argMax(out, 1).toIntVector();
            int[] actual = Nd4j.argMax(labels, 1).toIntVector();
            double[] confidence = out.max(1).toDoubleVector();
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == actual[i] || keepMistakes == 0) {
                    continue;
                }
                if (worst.size() < keepMistakes || confidence[i] > worst.peek().confidence()) {
                    INDArray image = batch.getFeatures().get(NDArrayIndex.point(i)).dup();
                    worst.add(new Mistake(offset + i, actual[i], predicted[i], confidence[i], image));
                    if (worst.size() > keepMistakes) {
                        worst.poll();
                    }
                }
            }
            offset += predicted.length;
        }
        if (evaluation == null) {
            throw new IllegalStateException("the evaluation data gave no batches");
        }
        List<Mistake> mistakes = new ArrayList<>(worst);
        mistakes.sort(Comparator.comparingDouble(Mistake::confidence).reversed());
        List<String> classNames = names != null && names.size() == classes ? List.copyOf(names)
                : IntStream.range(0, classes).mapToObj(String::valueOf).toList();
        return new EvaluationReport(evaluation, classNames, mistakes, offset);
    }
}
