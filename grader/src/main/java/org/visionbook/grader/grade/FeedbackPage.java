package org.visionbook.grader.grade;

import com.fasterxml.jackson.databind.JsonNode;
import org.visionbook.grader.notebook.Cell;
import org.visionbook.grader.notebook.CellType;
import org.visionbook.grader.notebook.Notebook;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.visionbook.toolkit.display.Escape;

/**
 * A student's feedback page: their notebook as they submitted it, with the outputs of the graded
 * run and, at each graded cell, the points and every check's result. Everything that came from
 * the student or their code is escaped; their HTML output is shown as its plain-text form, and
 * only PNG images (checked to be base64) are embedded, so a page cannot run a student's script
 * in the instructor's browser.
 */
public final class FeedbackPage {

    private static final int MAX_TEXT = 20_000;
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]+");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private FeedbackPage() {
    }

    /** The whole page for one student. */
    public static String page(StudentResult student, double maxPoints, List<String> sections) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Feedback: ").append(escape(student.student())).append("</title>")
                .append("<style>")
                .append("body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em;color:#222}")
                .append("pre{white-space:pre-wrap;word-wrap:break-word;margin:0;padding:6px;font-size:90%}")
                .append(".src{background:#f5f5f5;border-left:3px solid #999}.md{background:#fff;border-left:3px solid #ddd}")
                .append(".out{background:#fff;border-left:3px solid #ccc}.err{background:#fdecea;border-left:3px solid #c62828}")
                .append(".cell{margin:10px 0}.score{padding:6px;margin:4px 0;font-weight:bold}")
                .append(".full{background:#e8f5e9;border-left:4px solid #2e7d32}.lost{background:#fff3e0;border-left:4px solid #e65100}")
                .append(".check{font-weight:normal;margin:2px 0 2px 1em}.pass{color:#2e7d32}.fail{color:#c62828}")
                .append("table.summary td{padding:2px 10px 2px 0}")
                .append("</style></head><body>\n");
        sb.append("<h1>Feedback for ").append(escape(student.student())).append("</h1>\n");
        sb.append("<table class=\"summary\"><tr><td>Total</td><td><b>").append(number(student.total())).append(" / ")
                .append(number(maxPoints)).append("</b></td></tr>");
        sb.append("<tr><td>Status</td><td>").append(escape(student.status().label())).append("</td></tr>");
        String reason = student.reason();
        if (!reason.isEmpty()) {
            sb.append("<tr><td>Notes</td><td>").append(escape(reason)).append("</td></tr>");
        }
        sb.append("</table>\n");
        sections.forEach(sb::append);
        return sb.append("</body></html>\n").toString();
    }

    /**
     * The part for one notebook: {@code visible} is the notebook as submitted (may be null if it
     * could not be read), {@code executed} the graded run's output (may be null).
     */
    public static String section(NotebookResult result, Notebook visible, Notebook executed) {
        StringBuilder sb = new StringBuilder();
        sb.append("<h2>").append(escape(result.notebook())).append(" &mdash; ").append(number(result.points()))
                .append(" / ").append(number(result.cells().stream().mapToDouble(CellScore::maxPoints).sum())).append("</h2>\n");
        if (!result.reason().isEmpty()) {
            sb.append("<div class=\"score lost\">").append(escape(result.reason())).append("</div>\n");
        }
        for (String note : result.notes()) {
            sb.append("<div class=\"check\">").append(escape(note)).append("</div>\n");
        }
        Map<String, CellScore> scores = new HashMap<>();
        result.cells().forEach(c -> scores.put(c.gradeId(), c));
        if (visible == null) {
            result.cells().forEach(c -> score(c, sb));
            return sb.toString();
        }
        Map<String, Cell> ran = new HashMap<>();
        if (executed != null) {
            executed.cells().forEach(c -> c.id().ifPresent(id -> ran.put(id, c)));
        }
        for (Cell cell : visible.cells()) {
            sb.append("<div class=\"cell\">");
            if (cell.type() == CellType.CODE) {
                sb.append("<pre class=\"src\">").append(escape(cut(cell.source()))).append("</pre>");
                Cell out = cell.id().map(ran::get).orElse(null);
                if (out != null) {
                    out.outputs().forEach(o -> output(o, sb));
                    if (wasRunning(out)) {
                        sb.append("<div class=\"score lost\">This cell was running when the run was stopped;")
                                .append(" its outputs up to then are shown.</div>");
                    }
                }
            } else {
                sb.append("<pre class=\"md\">").append(escape(cut(cell.source()))).append("</pre>");
            }
            cell.gradeId().map(scores::get).ifPresent(s -> score(s, sb));
            sb.append("</div>\n");
        }
        return sb.toString();
    }

    /**
     * True for the cell the runner marked as running in the last progress it saved: the run was
     * stopped (killed) while this cell ran. A run that ends normally leaves no such mark.
     */
    static boolean wasRunning(Cell executed) {
        return executed.metadata().path(RUNNING_KEY).path("running").asBoolean(false);
    }

    /** The cell metadata key of the runner's running mark (the kernel's NotebookRunner.RUNNING_KEY). */
    static final String RUNNING_KEY = "visionbook";

    private static void score(CellScore s, StringBuilder sb) {
        sb.append("<div class=\"score ").append(s.full() ? "full" : "lost").append("\">")
                .append(escape(s.gradeId())).append(": ").append(number(s.points())).append(" / ").append(number(s.maxPoints()))
                .append(" &mdash; ").append(escape(s.summary()));
        for (CheckResult c : s.checks()) {
            sb.append("<div class=\"check ").append(c.passed() ? "pass" : "fail").append("\">")
                    .append(c.passed() ? "&#10003; " : "&#10007; ").append(escape(c.label()));
            if (!c.passed() && !c.detail().isEmpty()) {
                sb.append("<pre>").append(escape(cut(c.detail()))).append("</pre>");
            }
            if (!c.passed() && !c.hint().isEmpty()) {
                sb.append("<div>hint: ").append(escape(c.hint())).append("</div>");
            }
            sb.append("</div>");
        }
        sb.append("</div>");
    }

    private static void output(JsonNode o, StringBuilder sb) {
        switch (o.path("output_type").asText()) {
            case "stream" -> sb.append("<pre class=\"out\">").append(escape(cut(o.path("text").asText()))).append("</pre>");
            case "error" -> {
                String text = o.path("ename").asText() + ": " + o.path("evalue").asText();
                sb.append("<pre class=\"err\">").append(escape(cut(ANSI.matcher(text).replaceAll("")))).append("</pre>");
            }
            case "display_data", "execute_result" -> {
                JsonNode data = o.path("data");
                String png = data.path("image/png").asText("");
                if (!png.isEmpty() && png.length() < 8_000_000 && BASE64.matcher(png).matches()) {
                    sb.append("<div class=\"out\"><img alt=\"output\" src=\"data:image/png;base64,")
                            .append(png.replaceAll("\\s", "")).append("\"></div>");
                } else if (data.has("text/plain")) {
                    sb.append("<pre class=\"out\">").append(escape(cut(data.path("text/plain").asText()))).append("</pre>");
                }
            }
            default -> { }
        }
    }

    private static String cut(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "\n[... " + (s.length() - MAX_TEXT) + " more characters not shown ...]";
    }

    static String number(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%.2f", x);
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String escape(String s) {
        return Escape.html(s);
    }
}
