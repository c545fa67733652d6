package org.visionbook.toolkit.data;

/** Which part of a dataset: the examples a model learns from, or the held-out ones it is judged on. */
public enum Split {
    TRAIN("train"),
    TEST("t10k");

    private final String filePrefix;

    Split(String filePrefix) {
        this.filePrefix = filePrefix;
    }

    /** The prefix of this split's IDX files, following MNIST's naming ({@code train-}, {@code t10k-}). */
    public String filePrefix() {
        return filePrefix;
    }

    String imagesFile() {
        return filePrefix + "-images-idx3-ubyte.gz";
    }

    String labelsFile() {
        return filePrefix + "-labels-idx1-ubyte.gz";
    }
}
