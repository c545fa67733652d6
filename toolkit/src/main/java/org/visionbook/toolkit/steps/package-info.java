/**
 * Convolution and pooling, written naively on plain arrays, and step-throughs that show them at
 * work. Here the slow, readable version is the lesson; ND4J does the real work elsewhere, and
 * the tests check that both agree.
 *
 * <h2>Sliding-window geometry</h2>
 * <ul>
 *   <li>{@link org.visionbook.toolkit.steps.Conv2dSpec}: kernel, stride, {@link org.visionbook.toolkit.steps.Padding}
 *       (valid, same, explicit), dilation and {@link org.visionbook.toolkit.steps.Rounding}; e.g.
 *       {@code Conv2dSpec.kernel(3).withStride(2).withPadding(Padding.same())}.</li>
 *   <li>{@link org.visionbook.toolkit.steps.OutputSize}: the formula (n + 2p − d(k−1) − 1)/s + 1 with its numbers;
 *       {@code spec.height(28).value()}, {@code spec.height(28).worked()}. Sizes that do not fit throw an
 *       {@code IllegalArgumentException} that says why and how to fix it.</li>
 * </ul>
 *
 * <h2>Reference ops (NCHW: double[batch][channels][rows][columns])</h2>
 * <ul>
 *   <li>{@link org.visionbook.toolkit.steps.Conv2d}: forward and backward; weights [O, C, kH, kW], bias [O].</li>
 *   <li>{@link org.visionbook.toolkit.steps.ConvTranspose2d}: forward and backward; weights [C, O, kH, kW].</li>
 *   <li>{@link org.visionbook.toolkit.steps.Pooling}: max, average (two divisors), global average, and their
 *       backward passes.</li>
 *   <li>{@link org.visionbook.toolkit.steps.GradientCheck}: central differences against a backward pass; returns
 *       the maximum relative error and where it was.</li>
 *   <li>{@link org.visionbook.toolkit.steps.Tensors}: random arrays, shapes, a dot-product loss, conversion to
 *       and from ND4J.</li>
 * </ul>
 *
 * <h2>Step-throughs (one 2-D input)</h2>
 * <ul>
 *   <li>{@link org.visionbook.toolkit.steps.Trace} of {@link org.visionbook.toolkit.steps.Step}s: every window
 *       position with its cells, weights, products, sum, bias and output.</li>
 *   <li>{@link org.visionbook.toolkit.steps.StepThrough}: the trace as an offline HTML widget (play, step,
 *       slider, hover for the receptive field) with a PNG fallback; a trace displays as one.</li>
 *   <li>{@link org.visionbook.toolkit.steps.StepAnimation}: the trace as an animated GIF.</li>
 * </ul>
 */
package org.visionbook.toolkit.steps;
