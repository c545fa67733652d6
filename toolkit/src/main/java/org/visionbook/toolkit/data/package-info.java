/**
 * Datasets, shipped and verified: {@link org.visionbook.toolkit.data.Mnist},
 * {@link org.visionbook.toolkit.data.FashionMnist} and {@link org.visionbook.toolkit.data.Photos},
 * read through a {@link org.visionbook.toolkit.data.DatasetFolder} that checks every file's
 * SHA-256 before it is used. Image sets are {@link org.visionbook.toolkit.data.LabelledImages};
 * {@link org.visionbook.toolkit.data.ImageBatches} feeds them to DL4J, and
 * {@link org.visionbook.toolkit.data.LabelledImages#holdOut} carves a seeded, stratified
 * validation set ({@link org.visionbook.toolkit.data.HoldOut}) from a training set.
 */
package org.visionbook.toolkit.data;
