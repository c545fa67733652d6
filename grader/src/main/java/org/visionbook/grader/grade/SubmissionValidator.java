package org.visionbook.grader.grade;

import org.visionbook.grader.notebook.Cell;
import org.visionbook.grader.notebook.Nbgrader;
import org.visionbook.grader.notebook.Notebook;
import org.visionbook.grader.notebook.NotebookFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a submitted notebook can be graded: valid JSON and nbformat 4, the java kernel,
 * every cell of the released version that carries nbgrader metadata still there, and every locked
 * cell (test cells included) unchanged - compared by checksum with the released version, not with
 * whatever the submission's metadata claims.
 */
public final class SubmissionValidator {

    private SubmissionValidator() {
    }

    /** A notebook ready to grade, or the reason it cannot be graded. */
    public sealed interface Validation permits Valid, Invalid {
    }

    public record Valid(Notebook notebook) implements Validation {
    }

    public record Invalid(String reason) implements Validation {
    }

    public static Validation validate(Path file, AssignmentNotebook expected) {
        Notebook submitted;
        try {
            submitted = Notebook.read(file);
        } catch (NotebookFormatException e) {
            return new Invalid(stripOrigin(e.getMessage(), file.toString()));
        } catch (IOException e) {
            return new Invalid("cannot read " + file.getFileName() + ": " + e.getMessage());
        }
        return validate(submitted, expected);
    }

    public static Validation validate(Notebook submitted, AssignmentNotebook expected) {
        Optional<String> kernel = submitted.kernelName();
        if (kernel.isEmpty()) {
            return new Invalid("the notebook names no kernel (expected " + Notebook.JAVA_KERNEL + ")");
        }
        if (!kernel.get().equals(Notebook.JAVA_KERNEL)) {
            return new Invalid("the notebook's kernel is " + kernel.get() + ", expected " + Notebook.JAVA_KERNEL);
        }
        Map<String, Cell> byId = new HashMap<>();
        for (Cell c : submitted.cells()) {
            if (c.gradeId().isPresent() && byId.put(c.gradeId().get(), c) != null) {
                return new Invalid("cell " + c.gradeId().get() + " appears twice");
            }
        }
        for (Cell released : expected.student().cells()) {
            Optional<Nbgrader> nb = released.nbgrader();
            if (nb.isEmpty()) {
                continue;
            }
            String id = nb.get().gradeId();
            Cell mine = byId.get(id);
            String kind = nb.get().isAutogradedTest() ? "graded cell" : nb.get().mustStayUnchanged() ? "locked cell" : "answer cell";
            if (mine == null) {
                return new Invalid(kind + " " + id + " is missing");
            }
            if (mine.type() != released.type()) {
                return new Invalid(kind + " " + id + " was changed from " + released.type().jsonName() + " to " + mine.type().jsonName());
            }
            if (nb.get().mustStayUnchanged() && !checksum(mine).equals(checksum(released))) {
                return new Invalid(kind + " " + id + " was changed (locked cells must stay as released)");
            }
        }
        return new Valid(submitted.withCellIds());
    }

    /**
     * SHA-256 of a cell's type and source, with line ends and trailing white space normalized:
     * opening and saving a notebook in another editor does not count as a change.
     */
    public static String checksum(Cell cell) {
        String normalized = cell.source().replace("\r\n", "\n").replace('\r', '\n').stripTrailing();
        StringBuilder sb = new StringBuilder(cell.type().jsonName()).append('\n');
        for (String line : normalized.split("\n", -1)) {
            sb.append(line.stripTrailing()).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String stripOrigin(String message, String origin) {
        return message.startsWith(origin + ": ") ? message.substring(origin.length() + 2) : message;
    }
}
