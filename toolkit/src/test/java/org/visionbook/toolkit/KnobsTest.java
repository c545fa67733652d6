package org.visionbook.toolkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KnobsTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty(Knobs.LIMIT_PROPERTY);
        System.clearProperty(Knobs.EPOCHS_PROPERTY);
    }

    @Test
    void limitIsAbsentUnlessTheEnvironmentSetsIt() {
        String env = System.getenv(Knobs.LIMIT_ENV);
        assertEquals(env != null && !env.isBlank(), Knobs.limit().isPresent());
    }

    @Test
    void systemPropertySetsTheLimitAndCapsWhatIsWanted() {
        System.setProperty(Knobs.LIMIT_PROPERTY, " 300 ");
        assertEquals(300, Knobs.limit().getAsInt());
        assertEquals(300, Knobs.limit(8000));
        assertEquals(100, Knobs.limit(100));
    }

    @Test
    void epochsKnobCapsTheNotebooksChoiceAndNeverRaisesIt() {
        System.clearProperty(Knobs.EPOCHS_PROPERTY);
        assertEquals(10, Knobs.epochs(10));
        System.setProperty(Knobs.EPOCHS_PROPERTY, "2");
        assertEquals(2, Knobs.epochs(10));
        assertEquals(1, Knobs.epochs(1)); // a knob above the notebook's choice is no more work
        System.setProperty(Knobs.EPOCHS_PROPERTY, "50");
        assertEquals(20, Knobs.epochs(20));
    }

    @Test
    void aLimitThatIsNotAPositiveWholeNumberIsAClearError() {
        for (String bad : new String[]{"abc", "0", "-5", "2.5", "99999999999"}) {
            System.setProperty(Knobs.LIMIT_PROPERTY, bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Knobs::limit, bad);
            assertTrue(e.getMessage().contains(Knobs.LIMIT_PROPERTY) && e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void badEpochsNameTheKnob() {
        System.setProperty(Knobs.EPOCHS_PROPERTY, "many");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Knobs.epochs(3));
        assertTrue(e.getMessage().contains(Knobs.EPOCHS_PROPERTY) && e.getMessage().contains("many"), e.getMessage());
    }
}
