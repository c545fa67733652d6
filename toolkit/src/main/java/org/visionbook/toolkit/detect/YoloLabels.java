package org.visionbook.toolkit.detect;

import java.util.List;
import java.util.Objects;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Ground truth in the layout DL4J's {@code Yolo2OutputLayer} trains on: an array
 * {@code [images, 4 + C, cells, cells]}. At the cell holding an object's centre, channels 0-3 are
 * the object's corners x1, y1, x2, y2 in grid units (0 = left or top edge of the image,
 * {@code cells} = right or bottom edge) and channel 4 + class is 1; every other cell is all 0
 * (no object). So a cell can hold at most one object.
 */
public final class YoloLabels {

    private YoloLabels() {
    }

    /**
     * Encodes the objects of images {@code first} .. {@code first + count - 1} (others in
     * {@code truths} are skipped). Fails, naming the image and cell, when two centres share a cell.
     */
    public static INDArray encode(List<GroundTruth> truths, int first, int count, int numClasses, YoloGrid grid) {
        Objects.requireNonNull(truths, "ground truth");
        Objects.requireNonNull(grid, "grid");
        if (numClasses < 1 || count < 1 || first < 0) {
            throw new IllegalArgumentException("need first >= 0, count >= 1 and numClasses >= 1, got " + first
                    + ", " + count
                    + ", " + numClasses);
        }
        int s = grid.cells();
        int channels = 4 + numClasses;
        float[] v = new float[count * channels * s * s];
        double unit = grid.cellSize();
        for (GroundTruth t : truths) {
            int i = t.image() - first;
            if (i < 0 || i >= count) {
                continue;
            }
            if (t.label() >= numClasses) {
                throw new IllegalArgumentException("an object in image " + t.image() + " has class " + t.label()
                        + " but there are "
                        + numClasses + " classes");
            }
            Box b = t.box();
            int col = grid.cellOf(b.centreX());
            int row = grid.cellOf(b.centreY());
            int base = i * channels * s * s + row * s + col;
            int plane = s * s;
            if (hasObject(v, base, plane, numClasses)) {
                throw new IllegalArgumentException("image " + t.image()
                        + " has two objects centred in grid cell (row " + row
                        + ", column " + col + "); a YOLO label holds one object per cell");
            }
            v[base] = (float) (b.x1() / unit);
            v[base + plane] = (float) (b.y1() / unit);
            v[base + 2 * plane] = (float) (b.x2() / unit);
            v[base + 3 * plane] = (float) (b.y2() / unit);
            v[base + (4 + t.label()) * plane] = 1f;
        }
        return Nd4j.create(v, new long[] {count, channels, s, s}, 'c').castTo(DataType.FLOAT);
    }

    private static boolean hasObject(float[] v, int base, int plane, int numClasses) {
        for (int c = 0; c < numClasses; c++) {
            if (v[base + (4 + c) * plane] != 0) {
                return true;
            }
        }
        return false;
    }
}
