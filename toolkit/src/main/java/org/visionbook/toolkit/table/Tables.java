package org.visionbook.toolkit.table;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rows of records as a Tablesaw table, one column per record component, named after it with
 * camelCase written as words ({@code relativeError} becomes {@code "relative error"}):
 *
 * <pre>{@code
 * record Size(String setting, int formula, int actual) {}
 * Tables.of("Output sizes", List.of(new Size("k=3", 26, 26), new Size("k=3, same", 28, 28)));
 * }</pre>
 *
 * {@code int}/{@code Integer}, {@code long}, {@code double}/{@code float} and {@code boolean}
 * components become number and boolean columns (a null becomes a missing value); anything else
 * is written with {@code String.valueOf}.
 */
public final class Tables {

    private Tables() {
    }

    /**
     * A table titled {@code title} with one row per record, in order.
     *
     * @throws IllegalArgumentException when {@code rows} is empty, holds a null, mixes record types
     *                                  or holds something that is not a record
     */
    public static Table of(String title, List<? extends Record> rows) {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rows, "rows");
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("table '" + title + "': no rows, so no columns to name");
        }
        Record first = Objects.requireNonNull(rows.get(0), () -> "table '" + title + "': row 0 is null");
        Class<?> type = first.getClass();
        RecordComponent[] components = type.getRecordComponents();
        List<Column<?>> columns = new ArrayList<>();
        List<Method> accessors = new ArrayList<>();
        for (RecordComponent component : components) {
            columns.add(columnFor(component.getType(), words(component.getName())));
            Method accessor = component.getAccessor();
            accessor.setAccessible(true); // records declared in a notebook cell are not public
            accessors.add(accessor);
        }
        for (int r = 0; r < rows.size(); r++) {
            Record row = rows.get(r);
            if (row == null || row.getClass() != type) {
                throw new IllegalArgumentException("table '" + title + "': row " + r + " is "
                        + (row == null ? "null" : "a " + row.getClass().getSimpleName()) + ", not a "
                        + type.getSimpleName()
                        + " like row 0");
            }
            for (int c = 0; c < components.length; c++) {
                append(columns.get(c), read(accessors.get(c), row));
            }
        }
        return Table.create(title, columns.toArray(Column[]::new));
    }

    /** {@link #of(String, List)} for records given one by one. */
    @SafeVarargs
    public static <R extends Record> Table of(String title, R... rows) {
        return of(title, List.of(rows));
    }

    /**
     * {@code "relativeError"} as {@code "relative error"}: a space before each capital that follows
     * a small letter or a digit.
     */
    static String words(String camelCase) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camelCase.length(); i++) {
            char c = camelCase.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && !Character.isUpperCase(camelCase.charAt(i - 1))) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Column<?> columnFor(Class<?> type, String name) {
        if (type == int.class || type == Integer.class || type == short.class || type == Short.class
                || type == byte.class || type == Byte.class) {
            return IntColumn.create(name);
        }
        if (type == long.class || type == Long.class) {
            return LongColumn.create(name);
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return DoubleColumn.create(name);
        }
        if (type == boolean.class || type == Boolean.class) {
            return BooleanColumn.create(name);
        }
        return StringColumn.create(name);
    }

    private static Object read(Method accessor, Record row) {
        try {
            return accessor.invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor.getName() + "() of "
                    + row.getClass().getSimpleName()
                    + ": " + e, e);
        }
    }

    private static void append(Column<?> column, Object value) {
        if (value == null) {
            column.appendMissing();
        } else if (column instanceof IntColumn ints) {
            ints.append(((Number) value).intValue());
        } else if (column instanceof LongColumn longs) {
            longs.append(((Number) value).longValue());
        } else if (column instanceof DoubleColumn doubles) {
            doubles.append(((Number) value).doubleValue());
        } else if (column instanceof BooleanColumn booleans) {
            booleans.append((Boolean) value);
        } else {
            ((StringColumn) column).append(String.valueOf(value));
        }
    }
}
