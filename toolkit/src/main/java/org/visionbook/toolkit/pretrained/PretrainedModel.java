package org.visionbook.toolkit.pretrained;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * One entry of the {@link Catalogue}: a trained network shipped under {@code datasets/}.
 *
 * @param name        what notebooks call it, e.g. {@code lenet-mnist}
 * @param file        its path inside the datasets folder, e.g. {@code models/lenet-mnist.zip}
 * @param sha256      the SHA-256 of that file (also listed in {@code datasets/SHA256SUMS})
 * @param channels    input channels the network takes
 * @param height      input height in pixels
 * @param width       input width in pixels
 * @param classes     the class names, in output order
 * @param recipe      how it is trained (a fresh recipe per call)
 */
public record PretrainedModel(String name, String file, String sha256, int channels, int height, int width,
                              List<String> classes, Supplier<? extends Recipe> recipe) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public PretrainedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(recipe, "recipe");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a model name is lower-case words joined by '-', got '" + name + "'");
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("model '" + name + "': the SHA-256 must be 64 lower-case hex digits, "
                    + "got '"
                    + sha256 + "'");
        }
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("model '" + name + "': input " + channels + " x " + height + " x "
                    + width
                    + " must be positive");
        }
        classes = List.copyOf(classes);
        if (classes.size() < 2) {
            throw new IllegalArgumentException("model '" + name + "': a classifier has at least 2 classes, got "
                    + classes);
        }
    }

    /** The input as DL4J describes it: images {@code [batch, channels, height, width]}. */
    public InputType inputType() {
        return InputType.convolutional(height, width, channels);
    }

    /** The input shape in words, {@code [batch, 1, 28, 28]}. */
    public String inputShape() {
        return "[batch, " + channels + ", " + height + ", " + width + "]";
    }

    /** A copy expecting another input shape (tests use it to check that a mismatch is reported). */
    public PretrainedModel withInput(int newChannels, int newHeight, int newWidth) {
        return new PretrainedModel(name, file, sha256, newChannels, newHeight, newWidth, classes, recipe);
    }

    /** A copy with another expected SHA-256 (for a file being replaced by a new training run). */
    public PretrainedModel withSha256(String newSha256) {
        return new PretrainedModel(name, file, newSha256, channels, height, width, classes, recipe);
    }
}
