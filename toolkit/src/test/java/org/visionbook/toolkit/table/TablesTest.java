package org.visionbook.toolkit.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class TablesTest {

    private record Layer(String name, int inputs, long parameters, double share, boolean trainable,
            List<Integer> shape) {
    }

    private record Other(String name) {
    }

    @Test
    void oneColumnPerComponentNamedAndTypedAfterIt() {
        Table t = Tables.of("layers", new Layer("conv1", 784, 156L, 0.25, true, List.of(6, 24, 24)),
                new Layer("fc1", 256, 30_840L, 0.75, false, List.of(120)));
        assertEquals("layers", t.name());
        assertEquals(List.of("name", "inputs", "parameters", "share", "trainable", "shape"), t.columnNames());
        assertEquals(List.of(ColumnType.STRING, ColumnType.INTEGER, ColumnType.LONG, ColumnType.DOUBLE,
                ColumnType.BOOLEAN,
                ColumnType.STRING), t.types());
        assertEquals(2, t.rowCount());
        assertEquals("fc1", t.stringColumn("name").get(1));
        assertEquals(30_840L, t.longColumn("parameters").get(1));
        assertEquals(0.25, t.doubleColumn("share").get(0));
        assertEquals("[6, 24, 24]", t.stringColumn("shape").get(0));
    }

    @Test
    void camelCaseNamesAreWrittenAsWords() {
        record Check(String weight, double relativeError, int conv2dGives, String dl4jCounts, int k) {
        }
        Table t = Tables.of("checks", new Check("w", 1e-9, 3, "156", 5));
        assertEquals(List.of("weight", "relative error", "conv2d gives", "dl4j counts", "k"), t.columnNames());
    }

    @Test
    void aNullNumberIsAMissingValue() {
        record Maybe(String what, Double value) {
        }
        Table t = Tables.of("maybe", List.of(new Maybe("a", 1.0), new Maybe("b", null)));
        assertTrue(t.doubleColumn("value").isMissing(1));
    }

    @Test
    void emptyMixedOrNullRowsAreClearErrors() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> Tables.of("t",
                List.<Other>of()));
        assertTrue(empty.getMessage().contains("no rows"), empty.getMessage());
        List<Record> mixed = List.of(new Other("x"), new Layer("y", 1, 1L, 1, true, List.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tables.of("t", mixed));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("Layer"), e.getMessage());
        List<Other> withNull = new java.util.ArrayList<>(List.of(new Other("x")));
        withNull.add(null);
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> Tables.of("t", withNull));
        assertTrue(n.getMessage().contains("row 1 is null"), n.getMessage());
    }
}
