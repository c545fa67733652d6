/**
 * Reusing a trained network on a new task (chapter 07): {@link org.visionbook.toolkit.transfer.Features}
 * computes a layer's outputs once (feature extraction), {@link org.visionbook.toolkit.transfer.Budget}
 * trains any network for the same fixed number of updates (so strategies compare fairly), and
 * {@link org.visionbook.toolkit.transfer.LearningCurve} collects accuracy against labelled examples
 * over several seeds, as a chart and a table of margins. The networks themselves are built with
 * DL4J's own {@code TransferLearning} builder.
 */
package org.visionbook.toolkit.transfer;
