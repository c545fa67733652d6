/**
 * Trained networks shipped with the course, like the datasets: each is trained once by a committed,
 * seeded {@link org.visionbook.toolkit.pretrained.Recipe}, written under {@code datasets/models/}
 * by {@code ./visionbook train-model NAME} ({@link org.visionbook.toolkit.pretrained.TrainModel}),
 * and loaded by {@link org.visionbook.toolkit.pretrained.Pretrained#load(String)}, which checks the
 * file's SHA-256 and that the network takes the input its
 * {@link org.visionbook.toolkit.pretrained.Catalogue} entry promises.
 */
package org.visionbook.toolkit.pretrained;
