package org.visionbook.toolkit.explain;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Small operations on explanation maps {@code [n, height, width]}. */
public final class Maps {

    private Maps() {
    }

    /**
     * Each map divided by its own largest value, so maps of different strength can share one
     * colour scale from 0 to 1 (a map that is 0 everywhere stays 0). Only the pattern within a
     * map is comparable afterwards, not the strength between maps. A new array.
     */
    public static INDArray normalised(INDArray maps) {
        if (maps.rank() != 3) {
            throw new IllegalArgumentException("expected maps [n, height, width], got shape "
                    + java.util.Arrays.toString(maps.shape()));
        }
        INDArray out = maps.dup();
        for (long i = 0; i < maps.size(0); i++) {
            INDArray one = out.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all());
            double max = one.maxNumber().doubleValue();
            if (max > 0) {
                one.divi(max);
            }
        }
        return out;
    }
}
