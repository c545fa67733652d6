package org.visionbook.toolkit.transfer;

import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.SpecifiedIndex;
import org.visionbook.toolkit.perf.Performance;

/**
 * A training budget counted in updates, the same for every strategy compared: {@code updates}
 * mini-batches of {@code batch} examples, drawn in a seeded random order, reshuffled after each
 * pass. With 100 examples and batch 32 that is many passes; with 7,000 a few; a strategy is never
 * given more steps than another.
 *
 * @param updates number of parameter updates
 * @param batch   examples per update (the whole set when it is smaller)
 */
public record Budget(int updates, int batch) {

    public Budget {
        if (updates < 1 || batch < 1) {
            throw new IllegalArgumentException("updates and batch must be at least 1, got " + updates + " and "
                    + batch);
        }
    }

    /** A budget of {@code updates} updates of batch {@code batch}. */
    public static Budget of(int updates, int batch) {
        return new Budget(updates, batch);
    }

    /**
     * Trains {@code net} on features {@code x} and one-hot labels {@code y} (same number of rows) for
     * this budget, then returns it. The toolkit's CPU settings are applied first (as the Trainer does).
     */
    public MultiLayerNetwork fit(MultiLayerNetwork net, INDArray x, INDArray y, long seed) {
        if (x.size(0) != y.size(0)) {
            throw new IllegalArgumentException(x.size(0) + " examples but " + y.size(0) + " labels");
        }
        Performance.accelerate(net);
        int n = (int) x.size(0);
        int b = Math.min(batch, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        int next = n; // forces a shuffle before the first batch
        for (int u = 0; u < updates; u++) {
            if (next + b > n) {
                for (int i = n - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                next = 0;
            }
            int[] rows = java.util.Arrays.copyOfRange(order, next, next + b);
            next += b;
            // SpecifiedIndex picks rows of an array of any rank (getRows takes matrices only).
            SpecifiedIndex picked = new SpecifiedIndex(rows);
            net.fit(new DataSet(x.get(picked), y.get(picked)));
        }
        return net;
    }
}
