package org.visionbook.grader.grade;

import org.visionbook.toolkit.io.AtomicFiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The gradebook: one row per student (sorted by name), one column of points per graded cell,
 * then the total, the status and the reason.
 */
public final class Gradebook {

    public static final String STUDENT = "student";
    public static final String TOTAL = "total";
    public static final String STATUS = "status";
    public static final String REASON = "reason";

    private Gradebook() {
    }

    public static Table table(Assignment assignment, List<StudentResult> results) {
        List<StudentResult> rows = new ArrayList<>(results);
        rows.sort(Comparator.comparing(StudentResult::student));
        Table t = Table.create("gradebook");
        t.addColumns(StringColumn.create(STUDENT, rows.stream().map(StudentResult::student).toList()));
        for (String q : assignment.questions()) {
            double[] points = rows.stream().mapToDouble(r -> r.cell(q).map(CellScore::points).orElse(0.0)).toArray();
            t.addColumns(DoubleColumn.create(q, points));
        }
        t.addColumns(DoubleColumn.create(TOTAL, rows.stream().mapToDouble(StudentResult::total).toArray()));
        t.addColumns(StringColumn.create(STATUS, rows.stream().map(r -> r.status().label()).toList()));
        t.addColumns(StringColumn.create(REASON, rows.stream().map(StudentResult::reason).toList()));
        return t;
    }

    /** Writes the table as CSV, atomically. */
    public static void write(Table table, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            table.write().csv(w);
            w.flush();
        });
    }
}
