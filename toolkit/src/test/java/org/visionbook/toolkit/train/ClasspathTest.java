package org.visionbook.toolkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.listeners.CollectScoresListener;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** DL4J and Tablesaw share fastutil; the version the build picks must serve both. */
class ClasspathTest {

    @Test
    void tablesawCanFilterRowsNextToDl4j() {
        Table t = Table.create("t", IntColumn.create("n", 1, 2, 3, 4));
        assertEquals(List.of(3, 4), t.where(t.intColumn("n").isGreaterThan(2)).intColumn("n").asList());
        assertEquals(List.of(4, 3, 2, 1), t.sortDescendingOn("n").intColumn("n").asList());
    }

    @Test
    void dl4jsScoreCollectorStillWorks() {
        MultiLayerNetwork net = Tiny.cnn(1, new Adam(1e-3));
        CollectScoresListener scores = new CollectScoresListener(1);
        net.setListeners(scores);
        var batches = Tiny.inOrder(Tiny.quadrants(64, 1), 32);
        while (batches.hasNext()) {
            net.fit(batches.next());
        }
        assertEquals(2, scores.getListScore().size());
        assertEquals(List.of(0, 1), List.of(scores.getListIteration().getInt(0), scores.getListIteration().getInt(1)));
    }
}
