/**
 * Training: DL4J's fit loop wrapped for a notebook, and the pieces a training chapter varies.
 *
 * <ul>
 *   <li>{@link org.visionbook.toolkit.train.Trainer}: trains a MultiLayerNetwork or ComputationGraph with live
 *       progress (a dashboard in a notebook, a line per epoch elsewhere), a
 *       {@link org.visionbook.toolkit.train.History} (Tablesaw table, charts), validation,
 *       {@link org.visionbook.toolkit.train.EarlyStopping}, {@link org.visionbook.toolkit.train.Checkpoint}s and
 *       resume, a clean stop on interrupt, and a clear error when data and network shapes disagree
 *       ({@link org.visionbook.toolkit.train.LayerShapes}). {@code VISIONBOOK_EPOCHS} caps the epochs.</li>
 *   <li>{@link org.visionbook.toolkit.train.Evaluator} / {@link org.visionbook.toolkit.train.EvaluationReport}:
 *       accuracy, per-class precision/recall/F1, confusion matrix (numbers and heatmap), most confident
 *       {@link org.visionbook.toolkit.train.Mistake}s (and their grid).</li>
 *   <li>{@link org.visionbook.toolkit.train.Optimizer} (SGD, momentum, Adam, AdamW) and
 *       {@link org.visionbook.toolkit.train.Schedules} (step, exponential, cosine, warm-up) as DL4J updaters and
 *       schedules; {@link org.visionbook.toolkit.train.LabelSmoothingLoss}.</li>
 *   <li>{@link org.visionbook.toolkit.train.Augmentation}: flips, shifts, crops, rotations, cutout and mixup as a
 *       seeded iterator stage.</li>
 * </ul>
 */
package org.visionbook.toolkit.train;
