package org.visionbook.toolkit.explain;

import java.util.Objects;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A saliency map (Simonyan, Vedaldi and Zisserman, "Deep Inside Convolutional Networks", 2014):
 * for every pixel, how much a small change of it would move the score of one class,
 * {@code |∂ score_c / ∂ x|}, the largest over the colour channels. Bright pixels are the ones the
 * decision is most sensitive to, not necessarily the ones that "look like" the class.
 *
 * <pre>{@code
 * INDArray maps = Saliency.of(net).maps(digits, predicted);   // [n, 28, 28]
 * }</pre>
 */
public final class Saliency {

    private final MultiLayerNetwork net;

    private Saliency(MultiLayerNetwork net) {
        this.net = Objects.requireNonNull(net, "network");
    }

    public static Saliency of(MultiLayerNetwork net) {
        return new Saliency(net);
    }

    /** The signed gradient of class {@code classes[i]}'s score for image {@code i}, same shape as {@code images}. */
    public INDArray gradients(INDArray images, int... classes) {
        requireImages(images);
        return ScoreGradients.of(net, images, classes, -1).gradient();
    }

    /** Saliency maps {@code [n, height, width]}: max over channels of |gradient|. */
    public INDArray maps(INDArray images, int... classes) {
        return Transforms.abs(gradients(images, classes), false).max(1);
    }

    static void requireImages(INDArray images) {
        Objects.requireNonNull(images, "images");
        if (images.rank() != 4) {
            throw new IllegalArgumentException("expected images [n, channels, height, width], got shape "
                    + java.util.Arrays.toString(images.shape()));
        }
    }
}
