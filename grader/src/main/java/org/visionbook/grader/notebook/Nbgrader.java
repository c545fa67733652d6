package org.visionbook.grader.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * A cell's {@code nbgrader} metadata, in nbgrader's own schema (version 3), so instructors who use
 * nbgrader can read our notebooks and we can read theirs.
 *
 * <ul>
 *   <li>answer cell: {@code solution} true, {@code grade} false: the student writes code here;</li>
 *   <li>test cell: {@code grade} true, {@code solution} false, {@code locked} true, with
 *       {@code points}: autograded;</li>
 *   <li>read-only cell: {@code locked} true: instructions or set-up the student must not change;</li>
 *   <li>manually graded answer: {@code solution} and {@code grade} both true.</li>
 * </ul>
 *
 * @param gradeId unique id of the cell within its notebook ({@code grade_id})
 * @param points  points for a graded cell, 0 otherwise
 */
public record Nbgrader(String gradeId, boolean grade, boolean solution, boolean locked, double points,
                       int schemaVersion) {

    public static final int SCHEMA_VERSION = 3;

    /** A test cell: autograded, locked, worth {@code points}. */
    public static Nbgrader tests(String gradeId, double points) {
        return new Nbgrader(gradeId, true, false, true, points, SCHEMA_VERSION);
    }

    /** An answer cell the student fills in. */
    public static Nbgrader answer(String gradeId) {
        return new Nbgrader(gradeId, false, true, false, 0, SCHEMA_VERSION);
    }

    /** A cell the student must leave as it is. */
    public static Nbgrader readOnly(String gradeId) {
        return new Nbgrader(gradeId, false, false, true, 0, SCHEMA_VERSION);
    }

    /** True for cells the autograder scores: graded and not a (manually graded) answer. */
    public boolean isAutogradedTest() {
        return grade && !solution;
    }

    public boolean isManuallyGraded() {
        return grade && solution;
    }

    /**
     * Test cells are locked whatever their metadata says (nbgrader does the same): a student must
     * never be able to edit the tests that grade them.
     */
    public boolean mustStayUnchanged() {
        return locked || isAutogradedTest();
    }

    /** Reads {@code metadata.nbgrader}, or empty when the cell has none. */
    static Optional<Nbgrader> from(JsonNode metadata, String where) throws NotebookFormatException {
        JsonNode n = metadata == null ? null : metadata.get("nbgrader");
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isObject()) {
            throw new NotebookFormatException(where + ": metadata.nbgrader must be an object, got " + n.getNodeType());
        }
        JsonNode id = n.get("grade_id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            throw new NotebookFormatException(where + ": metadata.nbgrader needs a non-empty grade_id");
        }
        boolean grade = bool(n, "grade", where);
        boolean solution = bool(n, "solution", where);
        boolean locked = bool(n, "locked", where);
        double points = 0;
        JsonNode p = n.get("points");
        if (p != null && !p.isNull()) {
            if (!p.isNumber() || p.asDouble() < 0 || !Double.isFinite(p.asDouble())) {
                throw new NotebookFormatException(where + ": nbgrader.points must be a number >= 0, got " + p);
            }
            points = p.asDouble();
        }
        if (grade && points <= 0 && !solution) {
            throw new NotebookFormatException(where + ": graded cell " + id.asText() + " needs points > 0");
        }
        JsonNode v = n.get("schema_version");
        int schema = v != null && v.canConvertToInt() ? v.asInt() : SCHEMA_VERSION;
        return Optional.of(new Nbgrader(id.asText(), grade, solution, locked, points, schema));
    }

    private static boolean bool(JsonNode n, String field, String where) throws NotebookFormatException {
        JsonNode b = n.get(field);
        if (b == null || b.isNull()) {
            return false;
        }
        if (!b.isBoolean()) {
            throw new NotebookFormatException(where + ": nbgrader." + field + " must be true or false, got " + b);
        }
        return b.asBoolean();
    }

    /** This metadata as nbgrader writes it. */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("grade", grade);
        n.put("grade_id", gradeId);
        n.put("locked", locked);
        if (grade) {
            if (points == Math.rint(points)) {
                n.put("points", (long) points);
            } else {
                n.put("points", points);
            }
        }
        n.put("schema_version", schemaVersion);
        n.put("solution", solution);
        return n;
    }
}
