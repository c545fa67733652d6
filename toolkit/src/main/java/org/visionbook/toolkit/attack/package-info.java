/**
 * Adversarial attacks on image classifiers and the machinery to measure and train against them:
 * {@link org.visionbook.toolkit.attack.InputGradients} (the loss's gradient with respect to the
 * pixels, for a MultiLayerNetwork or a ComputationGraph), the L∞ attacks
 * {@link org.visionbook.toolkit.attack.Fgsm} and {@link org.visionbook.toolkit.attack.Pgd}, the
 * control {@link org.visionbook.toolkit.attack.RandomSign}, accuracy under attack
 * ({@link org.visionbook.toolkit.attack.Robustness}) and adversarial training batches
 * ({@link org.visionbook.toolkit.attack.AdversarialBatches}).
 *
 * <pre>{@code
 * Attack pgd = Pgd.linf(0.3).steps(20).stepSize(0.03).seed(7);
 * INDArray fooled = pgd.apply(net, images, oneHotLabels);
 * double robust = Robustness.accuracy(net, Mnist.test(), pgd);
 * }</pre>
 */
package org.visionbook.toolkit.attack;
