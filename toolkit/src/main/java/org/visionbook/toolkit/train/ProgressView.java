package org.visionbook.toolkit.train;

/** Shows a training run's progress somewhere; each implementation decides how often. */
interface ProgressView {

    void begin(Progress p);

    /** Called after every batch; must stay cheap when it decides not to draw. */
    void batch(Progress p);

    void epochEnd(Progress p, EpochRecord record);

    void end(Progress p, TrainingResult result);

    static ProgressView none() {
        return new ProgressView() {
            @Override
            public void begin(Progress p) {
            }

            @Override
            public void batch(Progress p) {
            }

            @Override
            public void epochEnd(Progress p, EpochRecord record) {
            }

            @Override
            public void end(Progress p, TrainingResult result) {
            }
        };
    }
}
