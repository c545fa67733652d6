/**
 * The course's architectures, each a static factory returning an initialised DL4J network built
 * from {@link org.visionbook.toolkit.models.ModelOptions} (input, classes, seed, optimiser, dropout,
 * L2, batch norm, label smoothing):
 * {@link org.visionbook.toolkit.models.LeNet5}, {@link org.visionbook.toolkit.models.SmallAlexNet},
 * {@link org.visionbook.toolkit.models.SmallVgg}, {@link org.visionbook.toolkit.models.InceptionNet} (with
 * {@link org.visionbook.toolkit.models.InceptionBlock}), {@link org.visionbook.toolkit.models.ResNet} (residual
 * and plain at equal depth) and {@link org.visionbook.toolkit.models.DenseNet}.
 * {@link org.visionbook.toolkit.models.ModelSummary} lists layers, output shapes and parameter counts;
 * {@link org.visionbook.toolkit.models.GradientNorms} measures each layer's gradient for the
 * vanishing-gradient chart.
 */
package org.visionbook.toolkit.models;
