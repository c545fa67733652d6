/**
 * What a trained network looks at: {@link org.visionbook.toolkit.explain.Saliency} (how strongly
 * each pixel moves the class score) and {@link org.visionbook.toolkit.explain.GradCam} (which
 * regions of a convolution layer's maps the class score relies on). Both take the gradient of
 * the class's score before the softmax, in inference mode, for the course's CNNs
 * (MultiLayerNetworks with a dense output layer).
 */
package org.visionbook.toolkit.explain;
