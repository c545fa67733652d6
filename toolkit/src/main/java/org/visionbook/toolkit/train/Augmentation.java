package org.visionbook.toolkit.train;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.visionbook.toolkit.data.MappedBatches;

/**
 * Random changes to training images that keep their class: horizontal flips, shifts, zooming
 * crops, small rotations, cutout (a blanked square) and mixup (two examples blended, labels too).
 * Works on image batches {@code [N, C, H, W]}; uncovered pixels become 0 (the background of
 * MNIST-style data).
 *
 * <pre>{@code
 * Augmentation aug = Augmentation.seeded(7).horizontalFlip(0.5).shift(2).rotate(10).cutout(8, 0.5);
 * DataSetIterator train = aug.wrap(trainBatches);   // an iterator stage
 * DataSet gallery = aug.apply(batch);               // the same changes once, e.g. to look at them
 * }</pre>
 *
 * <p>An {@code Augmentation} is an immutable description; {@link #wrap} and {@link #preProcessor}
 * each start their own random stream from the seed, so the same seed over the same batches gives
 * the same images in every run, and successive epochs still see different variants.
 *
 * @param seed              seed of the random stream
 * @param flipProbability   chance that an image is mirrored left-right
 * @param maxShift          largest shift in pixels, each direction, drawn uniformly (whole pixels)
 * @param maxDegrees        largest rotation either way, drawn uniformly
 * @param minCropScale      zooming crop: a window of side {@code s} times the image (s uniform in
 *                          [minCropScale, 1]) at a random place, scaled back up; 1 for none
 * @param cutoutSize        side of the blanked square; 0 for none
 * @param cutoutProbability chance that an image gets a cutout
 * @param mixupAlpha        mixup's Beta(alpha, alpha) parameter; 0 for none
 */
public record Augmentation(long seed, double flipProbability, int maxShift, double maxDegrees, double minCropScale,
                           int cutoutSize, double cutoutProbability, double mixupAlpha) {

    public Augmentation {
        probability(flipProbability, "flip probability");
        probability(cutoutProbability, "cutout probability");
        if (maxShift < 0) {
            throw new IllegalArgumentException("shift must be 0 or more pixels, got " + maxShift);
        }
        if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
            throw new IllegalArgumentException("rotation must be between 0 and 180 degrees, got " + maxDegrees);
        }
        if (!(minCropScale > 0 && minCropScale <= 1)) {
            throw new IllegalArgumentException("crop scale must be in (0, 1], got " + minCropScale);
        }
        if (cutoutSize < 0) {
            throw new IllegalArgumentException("cutout size must be 0 or more pixels, got " + cutoutSize);
        }
        if (!(mixupAlpha >= 0)) {
            throw new IllegalArgumentException("mixup alpha must be 0 or more, got " + mixupAlpha);
        }
    }

    /** No change at all, with random stream {@code seed}; add changes with the methods below. */
    public static Augmentation seeded(long seed) {
        return new Augmentation(seed, 0, 0, 0, 1, 0, 0, 0);
    }

    public Augmentation seed(long newSeed) {
        return new Augmentation(newSeed, flipProbability, maxShift, maxDegrees, minCropScale, cutoutSize, cutoutProbability,
                mixupAlpha);
    }

    /** Mirror left-right with probability {@code p} (fine for clothes, wrong for digits). */
    public Augmentation horizontalFlip(double p) {
        return new Augmentation(seed, p, maxShift, maxDegrees, minCropScale, cutoutSize, cutoutProbability, mixupAlpha);
    }

    /** Shift by up to {@code pixels} in x and y (the same as padding by that much and cropping back). */
    public Augmentation shift(int pixels) {
        return new Augmentation(seed, flipProbability, pixels, maxDegrees, minCropScale, cutoutSize, cutoutProbability,
                mixupAlpha);
    }

    /** Rotate by up to {@code degrees} either way (bilinear interpolation). */
    public Augmentation rotate(double degrees) {
        return new Augmentation(seed, flipProbability, maxShift, degrees, minCropScale, cutoutSize, cutoutProbability,
                mixupAlpha);
    }

    /** Crop a window of {@code minScale}..1 of the side at a random place and scale it back to full size. */
    public Augmentation crop(double minScale) {
        return new Augmentation(seed, flipProbability, maxShift, maxDegrees, minScale, cutoutSize, cutoutProbability,
                mixupAlpha);
    }

    /** Blank a {@code size} x {@code size} square at a random centre, with probability {@code p}. */
    public Augmentation cutout(int size, double p) {
        return new Augmentation(seed, flipProbability, maxShift, maxDegrees, minCropScale, size, p, mixupAlpha);
    }

    /** Blend each batch with a shuffled copy of itself, weight drawn from Beta(alpha, alpha), labels alike. */
    public Augmentation mixup(double alpha) {
        return new Augmentation(seed, flipProbability, maxShift, maxDegrees, minCropScale, cutoutSize, cutoutProbability, alpha);
    }

    /** True when this changes nothing. */
    public boolean isIdentity() {
        return flipProbability == 0 && !geometric() && (cutoutSize == 0 || cutoutProbability == 0) && mixupAlpha == 0;
    }

    private boolean geometric() {
        return maxShift > 0 || maxDegrees > 0 || minCropScale < 1;
    }

    /** An iterator stage: the batches of {@code base}, augmented (a fresh random stream from the seed). */
    public DataSetIterator wrap(DataSetIterator base) {
        return new AugmentedIterator(Objects.requireNonNull(base, "base iterator"), new Engine(this));
    }

    /** The same as a DL4J pre-processor (changes each batch in place), for {@code iterator.setPreProcessor}. */
    public DataSetPreProcessor preProcessor() {
        Engine engine = new Engine(this);
        return ds -> {
            DataSet out = engine.augment(ds);
            ds.setFeatures(out.getFeatures());
            ds.setLabels(out.getLabels());
        };
    }

    /** {@code batch} augmented once with a fresh random stream from the seed (the same result every call). */
    public DataSet apply(DataSet batch) {
        return new Engine(this).augment(batch);
    }

    private static void probability(double p, String what) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + p);
        }
    }

    /** The random stream and the pixel work. */
    static final class Engine {
        private final Augmentation a;
        private final RandomGenerator random;

        Engine(Augmentation a) {
            this.a = a;
            this.random = new Well19937c(a.seed);
        }

        DataSet augment(org.nd4j.linalg.dataset.api.DataSet batch) {
            INDArray features = batch.getFeatures();
            if (features.rank() != 4) {
                throw new IllegalArgumentException("augmentation needs image batches [N, C, H, W]; got features of shape "
                        + Arrays.toString(features.shape()) + " (build the batches without flattening)");
            }
            int n = (int) features.size(0);
            int c = (int) features.size(1);
            int h = (int) features.size(2);
            int w = (int) features.size(3);
            DataType type = features.dataType();
            float[] x = features.castTo(DataType.FLOAT).dup('c').data().asFloat();
            int plane = h * w;
            float[] tmp = new float[plane];
            for (int i = 0; i < n; i++) {
                boolean flip = a.flipProbability > 0 && random.nextDouble() < a.flipProbability;
                double dx = a.maxShift > 0 ? random.nextInt(2 * a.maxShift + 1) - a.maxShift : 0;
                double dy = a.maxShift > 0 ? random.nextInt(2 * a.maxShift + 1) - a.maxShift : 0;
                double degrees = a.maxDegrees > 0 ? (2 * random.nextDouble() - 1) * a.maxDegrees : 0;
                double scale = a.minCropScale < 1 ? a.minCropScale + random.nextDouble() * (1 - a.minCropScale) : 1;
                double ox = scale < 1 ? (2 * random.nextDouble() - 1) * (1 - scale) * (w - 1) / 2 : 0;
                double oy = scale < 1 ? (2 * random.nextDouble() - 1) * (1 - scale) * (h - 1) / 2 : 0;
                boolean cut = a.cutoutSize > 0 && a.cutoutProbability > 0 && random.nextDouble() < a.cutoutProbability;
                int cx = cut ? random.nextInt(w) : 0;
                int cy = cut ? random.nextInt(h) : 0;
                for (int ch = 0; ch < c; ch++) {
                    int offset = (i * c + ch) * plane;
                    if (flip || dx != 0 || dy != 0 || degrees != 0 || scale != 1) {
                        System.arraycopy(x, offset, tmp, 0, plane);
                        warp(tmp, x, offset, h, w, flip, dx, dy, Math.toRadians(degrees), scale, ox, oy);
                    }
                    if (cut) {
                        blank(x, offset, h, w, cx, cy, a.cutoutSize);
                    }
                }
            }
            INDArray newFeatures = Nd4j.create(x, new long[] {n, c, h, w}, 'c').castTo(type);
            INDArray labels = batch.getLabels();
            if (a.mixupAlpha > 0 && n > 1) {
                double lambda = new BetaDistribution(random, a.mixupAlpha, a.mixupAlpha).sample();
                int[] perm = permutation(n);
                INDArray other = newFeatures.get(org.nd4j.linalg.indexing.NDArrayIndex.indices(toLong(perm)));
                newFeatures = newFeatures.mul(lambda).addi(other.mul(1 - lambda));
                INDArray otherLabels = labels.get(org.nd4j.linalg.indexing.NDArrayIndex.indices(toLong(perm)));
                labels = labels.mul(lambda).addi(otherLabels.mul(1 - lambda));
            } else {
                labels = labels.dup();
            }
            DataSet out = new DataSet(newFeatures, labels, batch.getFeaturesMaskArray(), batch.getLabelsMaskArray());
            List<String> names = batch.getLabelNamesList();
            if (names != null) {
                out.setLabelNames(names);
            }
            return out;
        }

        private int[] permutation(int n) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = p[i];
                p[i] = p[j];
                p[j] = t;
            }
            return p;
        }

        private static long[] toLong(int[] v) {
            return Arrays.stream(v).asLongStream().toArray();
        }

        /**
         * Fills {@code out[offset..]} by sampling {@code src} backwards: each output pixel is
         * mirrored, rotated about the centre, shifted, then mapped into the crop window.
         */
        static void warp(float[] src, float[] out, int offset, int h, int w, boolean flip, double dx, double dy,
                         double radians, double scale, double ox, double oy) {
            double cx = (w - 1) / 2.0;
            double cy = (h - 1) / 2.0;
            double cos = Math.cos(radians);
            double sin = Math.sin(radians);
            for (int y = 0; y < h; y++) {
                for (int xo = 0; xo < w; xo++) {
                    double px = flip ? w - 1 - xo : xo;
                    double qx = px - cx;
                    double qy = y - cy;
                    // rotate the sampling point by -angle, so the picture turns by +angle
                    double rx = cos * qx + sin * qy;
                    double ry = -sin * qx + cos * qy;
                    double sx = cx + ox + scale * (rx - dx);
                    double sy = cy + oy + scale * (ry - dy);
                    out[offset + y * w + xo] = bilinear(src, h, w, sx, sy);
                }
            }
        }

        static float bilinear(float[] src, int h, int w, double x, double y) {
            int x0 = (int) Math.floor(x);
            int y0 = (int) Math.floor(y);
            double fx = x - x0;
            double fy = y - y0;
            if (fx < 1e-9) {
                fx = 0;
            }
            if (fy < 1e-9) {
                fy = 0;
            }
            double v = (1 - fx) * (1 - fy) * at(src, h, w, x0, y0);
            if (fx > 0) {
                v += fx * (1 - fy) * at(src, h, w, x0 + 1, y0);
            }
            if (fy > 0) {
                v += (1 - fx) * fy * at(src, h, w, x0, y0 + 1);
            }
            if (fx > 0 && fy > 0) {
                v += fx * fy * at(src, h, w, x0 + 1, y0 + 1);
            }
            return (float) v;
        }

        private static float at(float[] src, int h, int w, int x, int y) {
            return x < 0 || y < 0 || x >= w || y >= h ? 0f : src[y * w + x];
        }

        static void blank(float[] x, int offset, int h, int w, int cx, int cy, int size) {
            int y0 = Math.max(0, cy - size / 2);
            int x0 = Math.max(0, cx - size / 2);
            int y1 = Math.min(h, cy - size / 2 + size);
            int x1 = Math.min(w, cx - size / 2 + size);
            for (int y = y0; y < y1; y++) {
                Arrays.fill(x, offset + y * w + x0, offset + y * w + Math.max(x0, x1), 0f);
            }
        }
    }

    /**
     * The batches of another iterator, augmented on the way out. Resetting resets the base
     * iterator; the random stream runs on, so the next epoch sees new variants.
     */
    public static final class AugmentedIterator extends MappedBatches {
        private static final long serialVersionUID = 1L;

        private final transient Engine engine;

        AugmentedIterator(DataSetIterator base, Engine engine) {
            super(base);
            this.engine = engine;
        }

        @Override
        protected DataSet map(DataSet batch) {
            return engine.augment(batch);
        }

        @Override
        public String toString() {
            return "augmented " + base();
        }
    }
}
