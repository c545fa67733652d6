package org.visionbook.toolkit.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.visionbook.toolkit.Knobs;
import org.visionbook.toolkit.detect.Box;
import org.visionbook.toolkit.detect.GroundTruth;

/**
 * A synthetic detection set made on the spot: colour canvases holding a few flat shapes
 * (ellipses, rectangles, triangles, crosses) of varied sizes, aspect ratios, colours and places,
 * sometimes overlapping, on a tinted, noisy background; every shape's box and class is known
 * exactly. The same spec and seed give the same pixels byte for byte on every machine: the
 * generator uses {@link SplittableRandom} and plain arithmetic only (no fonts, no Java2D).
 *
 * <pre>{@code
 * SceneSet train = ShapeScenes.train();   // 6,000 canvases of 64 x 64, seed 8001
 * SceneSet test = ShapeScenes.test();     // the chapter's fixed test set: 500 canvases, seed 8003
 * }</pre>
 *
 * <p>Shapes are placed so that no two centres share a cell of an 8 x 8 grid (a YOLO label holds
 * one object per cell) and no two boxes overlap by more than {@code maxIou}; later shapes are
 * painted over earlier ones. Edges are anti-aliased by 4 x 4 supersampling.
 */
public final class ShapeScenes {

    /** The classes, in label order. */
    public static final List<String> CLASS_NAMES = List.of("ellipse", "rectangle", "triangle", "cross");

    public static final int ELLIPSE = 0;
    public static final int RECTANGLE = 1;
    public static final int TRIANGLE = 2;
    public static final int CROSS = 3;

    /** Seeds of the chapter's three sets; the test set is fixed by its seed. */
    public static final long TRAIN_SEED = 8001;
    public static final long VALIDATION_SEED = 8002;
    public static final long TEST_SEED = 8003;

    private static final int SUB = 4; // supersampling per axis

    private ShapeScenes() {
    }

    /**
     * What a canvas looks like.
     *
     * @param size        side of the square canvas in pixels (64 to 96)
     * @param cells       grid cells per side; no two object centres share a cell
     * @param minObjects  fewest shapes per canvas
     * @param maxObjects  most shapes per canvas
     * @param minSide     smallest box side in pixels
     * @param maxSide     largest box side in pixels
     * @param maxAspect   largest ratio of the longer to the shorter box side
     * @param maxIou      largest IoU two boxes of one canvas may have
     * @param noise       amplitude of the per-pixel background noise (uniform, +- noise)
     */
    public record Spec(int size, int cells, int minObjects, int maxObjects, int minSide, int maxSide, double maxAspect,
                       double maxIou, double noise) {

        public Spec {
            if (size < 64 || size > 96) {
                throw new IllegalArgumentException("canvas size must be 64 to 96 px, got " + size);
            }
            if (cells < 1 || size % cells != 0) {
                throw new IllegalArgumentException("the grid (" + cells + " cells) must divide the canvas size "
                        + size);
            }
            if (minObjects < 1 || maxObjects < minObjects || maxObjects > cells * cells) {
                throw new IllegalArgumentException("need 1 <= minObjects <= maxObjects <= cells^2, got "
                        + minObjects + ", "
                        + maxObjects);
            }
            if (minSide < 4 || maxSide < minSide || maxSide > size) {
                throw new IllegalArgumentException("need 4 <= minSide <= maxSide <= size, got " + minSide + ", "
                        + maxSide);
            }
            if (!(maxAspect >= 1) || !(maxIou >= 0 && maxIou < 1) || !(noise >= 0 && noise <= 0.5)) {
                throw new IllegalArgumentException("need maxAspect >= 1, 0 <= maxIou < 1 and 0 <= noise <= 0.5, got "
                        + maxAspect + ", " + maxIou + ", " + noise);
            }
        }

        /** The chapter's canvases: 64 px, 8 x 8 grid, 1-4 shapes of 10-30 px, aspect <= 2, IoU <= 0.3, noise 0.08. */
        public static Spec chapter() {
            return new Spec(64, 8, 1, 4, 10, 30, 2.0, 0.3, 0.08);
        }
    }

    /** 6,000 training canvases (seed {@value #TRAIN_SEED}), capped by {@code VISIONBOOK_LIMIT}. */
    public static SceneSet train() {
        return generate("shape scenes (train)", Spec.chapter(), Knobs.limit(6000), TRAIN_SEED);
    }

    /** 500 validation canvases (seed {@value #VALIDATION_SEED}), capped by {@code VISIONBOOK_LIMIT}. */
    public static SceneSet validation() {
        return generate("shape scenes (validation)", Spec.chapter(), Knobs.limit(500), VALIDATION_SEED);
    }

    /** The chapter's fixed test set: 500 canvases (seed {@value #TEST_SEED}), capped by {@code VISIONBOOK_LIMIT}. */
    public static SceneSet test() {
        return generate("shape scenes (test)", Spec.chapter(), Knobs.limit(500), TEST_SEED);
    }

    /** {@code count} canvases drawn from {@code seed}; canvas i depends only on (spec, seed, i). */
    public static SceneSet generate(String name, Spec spec, int count, long seed) {
        Objects.requireNonNull(spec, "spec");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        int s = spec.size();
        byte[] pixels = new byte[count * 3 * s * s];
        List<GroundTruth> truths = new ArrayList<>();
        SplittableRandom root = new SplittableRandom(seed);
        float[][] canvas = new float[3][s * s]; // reused: draw() overwrites every pixel first
        for (int i = 0; i < count; i++) {
            SplittableRandom random = root.split(); // one stream per canvas
            draw(spec, random, i, canvas, pixels, truths);
        }
        return new SceneSet(name, s, pixels, truths, CLASS_NAMES);
    }

    private static void draw(Spec spec, SplittableRandom random, int index, float[][] canvas, byte[] pixels,
                             List<GroundTruth> truths) {
        int s = spec.size();
        float[] background = new float[3];
        for (int c = 0; c < 3; c++) {
            background[c] = (float) (0.1 + 0.45 * random.nextDouble());
        }
        // a gentle left-to-right shading, so the background is not one flat colour
        double shade = 0.15 * (random.nextDouble() - 0.5);
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    canvas[c][y * s + x] = (float) (background[c] + shade * (x - s / 2.0) / s);
                }
            }
        }
        int wanted = spec.minObjects() + random.nextInt(spec.maxObjects() - spec.minObjects() + 1);
        List<Box> placed = new ArrayList<>();
        boolean[] usedCell = new boolean[spec.cells() * spec.cells()];
        int cell = s / spec.cells();
        for (int attempt = 0; attempt < 200 && placed.size() < wanted; attempt++) {
            int label = random.nextInt(CLASS_NAMES.size());
            double w = spec.minSide() + random.nextDouble() * (spec.maxSide() - spec.minSide());
            double aspect = 1 + random.nextDouble() * (spec.maxAspect() - 1);
            double h = random.nextBoolean() ? w / aspect : w * aspect;
            if (h < spec.minSide() || h > spec.maxSide()) {
                continue;
            }
            double x1 = random.nextDouble() * (s - w);
            double y1 = random.nextDouble() * (s - h);
            Box box = new Box(x1, y1, x1 + w, y1 + h);
            int cellIndex = (int) (box.centreY() / cell) * spec.cells() + (int) (box.centreX() / cell);
            if (usedCell[cellIndex] || placed.stream().anyMatch(p -> p.iou(box) > spec.maxIou())) {
                continue;
            }
            float[] colour = colourAwayFrom(background, random);
            paint(canvas, s, label, box, colour);
            usedCell[cellIndex] = true;
            placed.add(box);
            truths.add(new GroundTruth(index, label, box));
        }
        int offset = index * 3 * s * s;
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < s * s; p++) {
                double v = canvas[c][p] + spec.noise() * (2 * random.nextDouble() - 1);
                pixels[offset + c * s * s + p] = (byte) Math.round(255 * Math.max(0, Math.min(1, v)));
            }
        }
    }

    /** A saturated colour at least 0.45 away (Euclidean, RGB in [0, 1]) from the background. */
    private static float[] colourAwayFrom(float[] background, SplittableRandom random) {
        float[] c = new float[3];
        for (int tries = 0; ; tries++) {
            for (int k = 0; k < 3; k++) {
                c[k] = (float) random.nextDouble();
            }
            double d = 0;
            for (int k = 0; k < 3; k++) {
                d += (c[k] - background[k]) * (c[k] - background[k]);
            }
            if (d >= 0.45 * 0.45 || tries > 100) {
                return c;
            }
        }
    }

    /** Blends {@code colour} into the canvas where the shape covers each pixel (coverage from 4 x 4 subsamples). */
    private static void paint(float[][] canvas, int s, int label, Box box, float[] colour) {
        int xFrom = (int) Math.floor(box.x1());
        int xTo = Math.min(s - 1, (int) Math.ceil(box.x2()));
        int yFrom = (int) Math.floor(box.y1());
        int yTo = Math.min(s - 1, (int) Math.ceil(box.y2()));
        for (int y = yFrom; y <= yTo; y++) {
            for (int x = xFrom; x <= xTo; x++) {
                int inside = 0;
                for (int sy = 0; sy < SUB; sy++) {
                    for (int sx = 0; sx < SUB; sx++) {
                        if (inside(label, box, x + (sx + 0.5) / SUB, y + (sy + 0.5) / SUB)) {
                            inside++;
                        }
                    }
                }
                if (inside > 0) {
                    float a = inside / (float) (SUB * SUB);
                    int p = y * s + x;
                    for (int c = 0; c < 3; c++) {
                        canvas[c][p] = (1 - a) * canvas[c][p] + a * colour[c];
                    }
                }
            }
        }
    }

    /** Whether point (px, py) lies inside the shape of class {@code label} filling {@code box}. */
    static boolean inside(int label, Box b, double px, double py) {
        if (px < b.x1() || px > b.x2() || py < b.y1() || py > b.y2()) {
            return false;
        }
        double cx = b.centreX();
        double cy = b.centreY();
        double hw = b.width() / 2;
        double hh = b.height() / 2;
        return switch (label) {
            case ELLIPSE -> {
                double u = (px - cx) / hw;
                double v = (py - cy) / hh;
                yield u * u + v * v <= 1;
            }
            case RECTANGLE -> true;
            case TRIANGLE -> Math.abs(px - cx) <= hw * (py - b.y1()) / b.height(); // apex up, base at the bottom
            case CROSS -> Math.abs(px - cx) <= hw / 3 || Math.abs(py - cy) <= hh / 3;
            default -> throw new IllegalArgumentException("unknown shape class " + label);
        };
    }
}
