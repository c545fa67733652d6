package org.visionbook.toolkit.pretrained;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.visionbook.toolkit.attack.Pgd;
import org.visionbook.toolkit.attack.Robustness;
import org.visionbook.toolkit.data.LabelledImages;
import org.visionbook.toolkit.data.Mnist;
import org.visionbook.toolkit.data.Split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped adversarially trained LeNet-5 does what chapter 09 says it does. */
class RobustLenetTest {

    @Test
    void theShippedRobustLenetResistsPgdThatBreaksTheStandardOne() {
        MultiLayerNetwork standard = Pretrained.load("lenet-mnist");
        MultiLayerNetwork robust = Pretrained.load("lenet-mnist-robust");
        LabelledImages digits = Mnist.load(Split.TEST).limit(300);
        Pgd pgd = Pgd.linf(0.1).steps(10).stepSize(0.025).seed(1);
        double robustClean = Robustness.accuracy(robust, digits);
        double robustAttacked = Robustness.accuracy(robust, digits, pgd);
        double standardAttacked = Robustness.accuracy(standard, digits, pgd);
        String all = String.format("robust: clean %.3f, PGD %.3f; standard: PGD %.3f", robustClean, robustAttacked,
                standardAttacked);
        assertTrue(robustClean >= 0.95, all);
        assertTrue(robustAttacked >= 0.7, all);
        assertTrue(standardAttacked < robustAttacked - 0.2, all);
    }

    @Test
    void theRecipeIsLenetsRecipePlusFastFgsm() {
        RobustLenetMnistRecipe recipe = RobustLenetMnistRecipe.create();
        ImageClassifierRecipe clean = LenetMnistRecipe.create();
        assertEquals(clean.seed(), recipe.seed());
        assertEquals(clean.epochs(), recipe.base().epochs());
        Pgd attack = recipe.attack();
        assertEquals(1, attack.steps());
        assertTrue(attack.randomStart());
        assertEquals(1.25 * recipe.epsilon(), attack.stepSize(), 1e-12);
        assertTrue(recipe.schedule().startsWith(clean.schedule()) && recipe.schedule().contains("fast FGSM"), recipe.schedule());
    }
}
