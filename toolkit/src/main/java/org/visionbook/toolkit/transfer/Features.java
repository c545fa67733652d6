package org.visionbook.toolkit.transfer;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A layer's outputs for a set of images, computed once: the input of a new head trained on
 * frozen features, which then trains in seconds because the frozen layers never run again.
 *
 * <p>Why not DL4J's {@code TransferLearningHelper.featurize}: in 1.0.0-M2.1 the helper copies
 * the input preprocessors of a {@code MultiLayerNetwork} with the wrong layer indices, so on a
 * LeNet-style network frozen below its first dense layer it fails. {@code feedForwardToLayer}
 * runs the same layers without that copy.
 */
public final class Features {

    private static final int BATCH = 500;

    private Features() {
    }

    /**
     * The output of layer {@code layer} (0 = the first layer) of {@code net} for every image, one
     * row per image: {@code [N, F]} (image-shaped outputs such as pooled maps are flattened, in the
     * order DL4J's own flattening uses), computed in batches of {@value #BATCH} in inference mode.
     */
    public static INDArray of(MultiLayerNetwork net, int layer, INDArray images) {
        int layers = net.getnLayers();
        if (layer < 0 || layer >= layers) {
            throw new IllegalArgumentException("layer " + layer + " does not exist: the network has layers 0 to "
                    + (layers - 1));
        }
        long n = images.size(0);
        List<INDArray> parts = new ArrayList<>();
        for (long from = 0; from < n; from += BATCH) {
            INDArray batch = images.get(NDArrayIndex.interval(from, Math.min(n, from + BATCH)));
            // Index 0 is the input itself, so layer k's output is at k + 1.
            INDArray out = net.feedForwardToLayer(layer, batch, false).get(layer + 1);
            parts.add(out.rank() == 2 ? out.dup() : out.reshape('c', out.size(0), out.length() / out.size(0)).dup());
        }
        return parts.size() == 1 ? parts.get(0) : Nd4j.vstack(parts);
    }
}
