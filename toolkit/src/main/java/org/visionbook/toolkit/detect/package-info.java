/**
 * Object detection, measured by hand: boxes and their {@link org.visionbook.toolkit.detect.Box#iou IoU},
 * greedy non-maximum suppression ({@link org.visionbook.toolkit.detect.Nms}), precision-recall
 * curves and average precision ({@link org.visionbook.toolkit.detect.PrecisionRecall},
 * {@link org.visionbook.toolkit.detect.Interpolation}), mAP@0.5 and COCO's mAP@[.5:.95]
 * ({@link org.visionbook.toolkit.detect.DetectionEvaluation}); and the plumbing of a YOLOv2-style
 * one-stage detector on DL4J: k-means priors ({@link org.visionbook.toolkit.detect.Anchors}),
 * labels ({@link org.visionbook.toolkit.detect.YoloLabels}) and decoding of the output layer's
 * activations ({@link org.visionbook.toolkit.detect.YoloDecoder}).
 */
package org.visionbook.toolkit.detect;
