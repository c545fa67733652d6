package org.visionbook.toolkit.train;

/**
 * One row of a training history. Losses are means over the epoch's batches; NaN where a value was
 * not measured (no validation data, or validation skipped this epoch).
 *
 * @param epoch              1 for the first epoch ever trained on this model (counting continues on resume)
 * @param trainLoss          mean of DL4J's per-batch score while training (includes L2 penalties and label smoothing)
 * @param trainAccuracy      fraction of training examples classified correctly while training (before each update)
 * @param validationLoss     cross-entropy on the validation data after the epoch, in inference mode
 * @param validationAccuracy fraction of validation examples classified correctly after the epoch
 * @param learningRate       learning rate of the first trainable layer at the epoch's last update
 * @param seconds            wall-clock time of the epoch, validation included
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double learningRate, double seconds) {
}
