/**
 * Tensors as pictures: what a notebook shows after every step.
 *
 * <ul>
 *   <li>{@link org.visionbook.toolkit.viz.Raster}: an array as a plain, crisp BufferedImage (nearest-neighbour upscaling).</li>
 *   <li>{@link org.visionbook.toolkit.viz.Heatmap}: one array with title, axes and colour bar.</li>
 *   <li>{@link org.visionbook.toolkit.viz.ImageGrid}: many images with true/predicted labels, mistakes in red.</li>
 *   <li>{@link org.visionbook.toolkit.viz.FeatureMapGrid}, {@link org.visionbook.toolkit.viz.FilterGrid}:
 *       activations [C, H, W] and conv weights [O, I, kH, kW].</li>
 *   <li>{@link org.visionbook.toolkit.viz.LineChart}, {@link org.visionbook.toolkit.viz.BarChart},
 *       {@link org.visionbook.toolkit.viz.HistogramChart}: XChart charts.</li>
 *   <li>{@link org.visionbook.toolkit.viz.Picture}: a finished picture; {@code Picture.row} and {@code Picture.captioned}
 *       put several side by side with captions.</li>
 *   <li>{@link org.visionbook.toolkit.viz.PictureFiles}: PNG and SVG files, written atomically.</li>
 * </ul>
 *
 * Pictures come back as {@link org.visionbook.toolkit.viz.Picture} (a BufferedImage plus title that a
 * notebook displays as PNG); charts as XChart objects. Colours come from a
 * {@link org.visionbook.toolkit.viz.ColorMap} over a {@link org.visionbook.toolkit.viz.ValueRange}.
 * Everything draws off-screen and works in a headless JVM.
 */
package org.visionbook.toolkit.viz;
