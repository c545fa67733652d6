package org.visionbook.toolkit.pretrained;

import java.util.Locale;

import org.deeplearning4j.nn.api.Model;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.visionbook.toolkit.attack.AdversarialBatches;
import org.visionbook.toolkit.attack.Pgd;
import org.visionbook.toolkit.data.LabelledImages;
import org.visionbook.toolkit.models.ModelOptions;
import org.visionbook.toolkit.train.Optimizer;
import org.visionbook.toolkit.train.ProgressMode;
import org.visionbook.toolkit.train.Schedules;
import org.visionbook.toolkit.train.Trainer;

/**
 * {@code lenet-mnist-robust}: {@code lenet-mnist}'s recipe (same LeNet-5, data, seed, epochs,
 * schedule and augmentation) with adversarial training: every augmented batch is replaced by its
 * "fast FGSM" version against the network as it is at that moment (Wong, Rice and Kolter, "Fast is
 * better than free: Revisiting adversarial training", 2020): a random start in the L∞ ball of
 * radius {@code epsilon}, one signed gradient step of {@code 1.25 · epsilon}, projected back into
 * the ball and into [0, 1]. Chapter 09 attacks it next to the standard network.
 *
 * @param base    the clean recipe whose every other setting is kept
 * @param epsilon the L∞ budget of the training attack
 */
public record RobustLenetMnistRecipe(ImageClassifierRecipe base, double epsilon) implements Recipe {

    /** The training attack's seed (random starts differ per batch, see {@code Attack.forBatch}). */
    public static final long ATTACK_SEED = 3;

    public static RobustLenetMnistRecipe create() {
        return new RobustLenetMnistRecipe(LenetMnistRecipe.create(), 0.15);
    }

    /** The attack every training batch goes through. */
    public Pgd attack() {
        return Pgd.linf(epsilon).steps(1).stepSize(1.25 * epsilon).seed(ATTACK_SEED);
    }

    /** The same recipe on a class-balanced subset of {@code images} training images, for quick checks. */
    public RobustLenetMnistRecipe limit(int images) {
        return new RobustLenetMnistRecipe(base.limit(images), epsilon);
    }

    public RobustLenetMnistRecipe epochs(int n) {
        return new RobustLenetMnistRecipe(base.epochs(n), epsilon);
    }

    @Override
    public String data() {
        return base.data();
    }

    @Override
    public String schedule() {
        return base.schedule() + String.format(Locale.ROOT, "; adversarial training: every batch replaced by fast FGSM "
                + "(random start in the L-inf ball, one signed step of %.4g, projected), epsilon %.3g, attack seed %d",
                1.25 * epsilon, epsilon, ATTACK_SEED);
    }

    @Override
    public long seed() {
        return base.seed();
    }

    @Override
    public Model train() {
        LabelledImages all = base.trainSet().get();
        LabelledImages train = base.limit() > 0 && base.limit() < all.size() ? all.limit(base.limit()) : all;
        int updates = base.epochs() * ((train.size() + base.batchSize() - 1) / base.batchSize());
        ModelOptions options = ModelOptions.of(1, train.height(), train.width(), train.numClasses()).seed(base.seed())
                .optimizer(Optimizer.adam(Schedules.cosine(base.peakLr(), base.finalLr(), updates)));
        Model net = base.architecture().apply(options);
        Trainer trainer = Trainer.of(net).name(base.dataName() + ", adversarial").epochs(base.epochs()).seed(base.seed())
                .progress(ProgressMode.TEXT).build();
        DataSetIterator batches = train.iterator(base.batchSize(), base.seed());
        if (base.augmentation() != null && !base.augmentation().isIdentity()) {
            batches = base.augmentation().wrap(batches);
        }
        trainer.fit(AdversarialBatches.wrap(batches, net, attack()));
        return net;
    }

    @Override
    public double testAccuracy(Model model) {
        return base.testAccuracy(model);
    }
}
