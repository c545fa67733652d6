package org.visionbook.kernel.render;

import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import tech.tablesaw.api.Table;
import org.visionbook.toolkit.display.Escape;

/**
 * Tablesaw tables as HTML tables. Long tables show their first and last rows with a marker in
 * between, so a 60,000-row table does not become a 60,000-row page.
 */
public final class TableRenderer implements RendererExtension {

    static final int MAX_ROWS = 40;
    static final int EDGE_ROWS = 15;

    @Override
    public void register(Renderer renderer) {
        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .register(TableRenderer::render);
    }

    static void render(Table table, RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> table.print(MAX_ROWS));
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> html(table));
    }

    static String html(Table table) {
        int rows = table.rowCount();
        int cols = table.columnCount();
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"visionbook-table\">");
        if (table.name() != null && !table.name().isEmpty()) {
            h.append("<div><b>").append(escape(table.name())).append("</b></div>");
        }
        h.append("<table class=\"dataframe\" border=\"1\"><thead><tr>");
        for (String name : table.columnNames()) {
            h.append("<th>").append(escape(name)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        boolean cut = rows > MAX_ROWS;
        for (int r = 0; r < rows; r++) {
            if (cut && r == EDGE_ROWS) {
                h.append("<tr>");
                for (int c = 0; c < cols; c++) {
                    h.append("<td>&hellip;</td>");
                }
                h.append("</tr>");
                r = rows - EDGE_ROWS;
            }
            h.append("<tr>");
            for (int c = 0; c < cols; c++) {
                h.append("<td>").append(escape(table.getString(r, c))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table><div><small>").append(rows).append(rows == 1 ? " row" : " rows")
                .append(" &times; ").append(cols).append(cols == 1 ? " column" : " columns")
                .append("</small></div></div>");
        return h.toString();
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String s) {
        return Escape.html(s);
    }
}
