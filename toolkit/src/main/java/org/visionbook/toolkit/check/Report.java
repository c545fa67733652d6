package org.visionbook.toolkit.check;

import org.visionbook.toolkit.display.MimeBundle;

import java.util.Base64;
import java.util.List;
import org.visionbook.toolkit.display.Escape;

/** A check's report as a learner reads it: plain text for a terminal, HTML in a notebook. */
final class Report {

    private static final String PASS = "✓";
    private static final String FAIL = "✗";

    private Report() {
    }

    static MimeBundle of(Check check) {
        return MimeBundle.of(text(check)).withHtml(html(check));
    }

    static String headline(Check check) {
        List<Outcome> all = check.outcomes();
        long passed = all.stream().filter(Outcome::passed).count();
        if (all.isEmpty()) {
            return check.exerciseId() + ": no checks yet";
        }
        if (passed == all.size()) {
            return check.exerciseId() + ": all " + all.size() + " checks passed";
        }
        return check.exerciseId() + ": " + passed + " of " + all.size() + " checks passed (score "
                + Values.number(check.passedWeight()) + " of " + Values.number(check.totalWeight()) + ")";
    }

    static String text(Check check) {
        StringBuilder sb = new StringBuilder(headline(check)).append('\n');
        for (Outcome o : check.outcomes()) {
            sb.append("  ").append(o.passed() ? PASS : FAIL).append(' ').append(o.label()).append('\n');
            if (!o.passed()) {
                for (String line : o.detail().split("\n")) {
                    sb.append("      ").append(line).append('\n');
                }
                if (!o.hint().isEmpty()) {
                    sb.append("      hint: ").append(o.hint()).append('\n');
                }
            }
        }
        if (!check.allPassed()) {
            for (String h : check.exerciseHints()) {
                sb.append("hint: ").append(h).append('\n');
            }
        }
        return sb.toString();
    }

    static String html(Check check) {
        boolean ok = check.allPassed() && !check.outcomes().isEmpty();
        String colour = ok ? "#2e7d32" : "#c62828";
        StringBuilder sb = new StringBuilder();
        sb.append("<div class=\"visionbook-check\" style=\"font-family:sans-serif;border-left:4px solid ")
                .append(colour).append(";padding:4px 10px;margin:4px 0\">");
        sb.append("<div style=\"font-weight:bold;color:").append(colour).append("\">")
                .append(ok ? PASS : FAIL).append(' ').append(escape(headline(check))).append("</div>");
        sb.append("<table style=\"border-collapse:collapse;margin-top:4px\">");
        for (Outcome o : check.outcomes()) {
            String c = o.passed() ? "#2e7d32" : "#c62828";
            sb.append("<tr style=\"vertical-align:top\"><td style=\"color:").append(c).append(";padding:2px 6px\">")
                    .append(o.passed() ? PASS : FAIL).append("</td><td style=\"padding:2px 6px;text-align:left\">")
                    .append(escape(o.label()));
            if (o.weight() != 1) {
                sb.append(" <span style=\"color:#777\">(weight ").append(escape(Values.number(o.weight()))).append(")</span>");
            }
            if (!o.passed()) {
                sb.append("<pre style=\"margin:4px 0;text-align:left\">").append(escape(o.detail())).append("</pre>");
                if (!o.hint().isEmpty()) {
                    sb.append("<div style=\"color:#555\"><b>hint:</b> ").append(escape(o.hint())).append("</div>");
                }
                if (o.picture() != null) {
                    picture(o.picture(), sb);
                }
            }
            sb.append("</td></tr>");
        }
        sb.append("</table>");
        if (!check.allPassed()) {
            for (String h : check.exerciseHints()) {
                sb.append("<div style=\"color:#555;margin-top:4px\"><b>hint:</b> ").append(escape(h)).append("</div>");
            }
        }
        return sb.append("</div>").toString();
    }

    private static void picture(Outcome.Picture p, StringBuilder sb) {
        sb.append("<table style=\"margin:4px 0\"><tr>");
        for (String caption : new String[]{"expected", "yours", "difference"}) {
            sb.append("<th style=\"font-weight:normal;color:#555;text-align:left\">").append(caption).append("</th>");
        }
        sb.append("</tr><tr>");
        for (byte[] png : new byte[][]{p.expectedPng(), p.actualPng(), p.differencePng()}) {
            sb.append("<td style=\"padding-right:8px\"><img style=\"image-rendering:pixelated\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\"/></td>");
        }
        sb.append("</tr></table><div style=\"color:#777;font-size:smaller\">").append(escape(p.scale())).append("</div>");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String s) {
        return Escape.html(s);
    }
}
