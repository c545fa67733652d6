package org.visionbook.bench;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.lang.reflect.Field;

/** Experiment: hand DL4J's own native-op helpers to the layers that never get them in M2.1. */
final class NativeHelpers {

    private NativeHelpers() {
    }

    static void install(MultiLayerNetwork net, boolean conv, boolean pool) {
        for (Layer layer : net.getLayers()) {
            if (conv && layer.getClass() == ConvolutionLayer.class) {
                set(ConvolutionLayer.class, layer, new MKLDNNConvHelper(layer.getParam("W").dataType()));
            } else if (pool && layer.getClass() == SubsamplingLayer.class) {
                set(SubsamplingLayer.class, layer, new MKLDNNSubsamplingHelper(org.nd4j.linalg.api.buffer.DataType.FLOAT));
            }
        }
    }

    private static void set(Class<?> owner, Object layer, Object helper) {
        try {
            Field f = owner.getDeclaredField("helper");
            f.setAccessible(true);
            f.set(layer, helper);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set helper of " + owner.getName(), e);
        }
    }
}
