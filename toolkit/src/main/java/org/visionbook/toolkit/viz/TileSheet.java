package org.visionbook.toolkit.viz;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one layout engine behind every grid picture: a title and subtitle, equal-sized tiles in
 * rows (each with optional caption lines and a coloured frame), optional row labels and column
 * headers, and an optional colour bar to the right.
 */
record TileSheet(String title, String subtitle, ColorMap map, int scale, int columns, List<Tile> tiles,
                 List<String> rowLabels, List<String> columnHeaders, ColorBar colorBar, boolean outline) {

    static final int MARGIN = 12;
    static final int GAP_X = 10;
    static final int GAP_Y = 8;
    static final int FRAME = 2;
    static final Font TITLE_FONT = Fonts.bold(15f);
    static final Font SUBTITLE_FONT = Fonts.plain(12f);
    static final Font LABEL_FONT = Fonts.plain(11f);
    static final Font CAPTION_FONT = Fonts.plain(12f);
    static final Font SMALL_FONT = Fonts.plain(10f);
    static final Font MISTAKE_FONT = Fonts.bold(12f);
    /** Thin outline around tiles without a frame, so light tiles do not melt into the background. */
    static final Color OUTLINE = new Color(0xB0B0B0);

    /** One line under a tile. */
    record Caption(String text, Color color, Font font) {
    }

    /** One image in the grid, drawn over its own range, with caption lines and an optional frame colour. */
    record Tile(float[][] values, ValueRange range, List<Caption> caption, Color frame) {
    }

    TileSheet {
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one image");
        }
        int h = tiles.get(0).values().length;
        int w = tiles.get(0).values()[0].length;
        for (int i = 1; i < tiles.size(); i++) {
            float[][] v = tiles.get(i).values();
            if (v.length != h || v[0].length != w) {
                throw new IllegalArgumentException("all images in a grid must have one size: image " + i + " is "
                        + v.length + " x " + v[0].length + ", image 0 is " + h + " x " + w);
            }
        }
        if (columns < 1) {
            throw new IllegalArgumentException("a grid needs at least 1 column; got " + columns);
        }
        Raster.checkScale(scale);
        rowLabels = List.copyOf(rowLabels);
        columnHeaders = List.copyOf(columnHeaders);
        Objects.requireNonNull(map, "colour map");
    }

    /** A square-ish number of columns for {@code n} tiles. */
    static int autoColumns(int n) {
        return Math.max(1, (int) Math.ceil(Math.sqrt(n)));
    }

    private int tileW() {
        return tiles.get(0).values()[0].length * scale;
    }

    private int tileH() {
        return tiles.get(0).values().length * scale;
    }

    private int rows() {
        return (tiles.size() + columns - 1) / columns;
    }

    private int captionHeight() {
        int most = 0;
        for (Tile t : tiles) {
            int sum = 0;
            for (Caption c : t.caption()) {
                sum += Canvas.lineHeight(c.font());
            }
            most = Math.max(most, sum);
        }
        return most == 0 ? 0 : most + FRAME + 1;
    }

    private record Geometry(int width, int height, int titleTop, int subtitleTop, int headerTop,
                            int gridLeft, int gridTop, int pitchX, int pitchY, Optional<PictureLayout.Box> bar) {
    }

    private Geometry geometry() {
        int tw = tileW();
        int th = tileH();
        int y = MARGIN;
        int titleTop = y;
        if (!title.isEmpty()) {
            y += Canvas.lineHeight(TITLE_FONT) + 2;
        }
        int subtitleTop = y;
        if (!subtitle.isEmpty()) {
            y += Canvas.lineHeight(SUBTITLE_FONT) + 2;
        }
        y += 8;
        int headerTop = y;
        if (!columnHeaders.isEmpty()) {
            y += Canvas.lineHeight(LABEL_FONT) + 4;
        }
        int gridTop = y + FRAME;
        int left = MARGIN;
        if (!rowLabels.isEmpty()) {
            left += rowLabels.stream().mapToInt(l -> Canvas.textWidth(LABEL_FONT, l)).max().orElse(0) + 8;
        }
        int pitchX = tw + GAP_X;
        int pitchY = th + captionHeight() + GAP_Y;
        int gridWidth = columns * tw + (columns - 1) * GAP_X;
        int gridBottom = gridTop + rows() * (th + captionHeight()) + (rows() - 1) * GAP_Y;
        int barH = Math.max(64, Math.min(gridBottom - gridTop, 320));
        int contentRight = left + FRAME + gridWidth + FRAME + (colorBar != null ? 16 + colorBar.width(barH) : 0) + MARGIN;
        int width = contentRight;
        width = Math.max(width, Canvas.textWidth(TITLE_FONT, title) + 2 * MARGIN);
        width = Math.max(width, Canvas.textWidth(SUBTITLE_FONT, subtitle) + 2 * MARGIN);
        // Titles wider than the grid: centre the grid under them.
        int gridLeft = left + FRAME + (width - contentRight) / 2;
        int bottom = gridBottom + FRAME;
        Optional<PictureLayout.Box> bar = Optional.empty();
        if (colorBar != null) {
            bar = Optional.of(new PictureLayout.Box(gridLeft + gridWidth + FRAME + 16, gridTop, ColorBar.BAR_WIDTH, barH));
            bottom = Math.max(bottom, gridTop + barH + colorBar.overhang());
        }
        int height = bottom + MARGIN;
        Raster.checkSize(width, height);
        return new Geometry(width, height, titleTop, subtitleTop, headerTop, gridLeft, gridTop, pitchX, pitchY, bar);
    }

    PictureLayout layout() {
        Geometry g = geometry();
        List<PictureLayout.Box> cells = new ArrayList<>(tiles.size());
        for (int i = 0; i < tiles.size(); i++) {
            cells.add(new PictureLayout.Box(g.gridLeft + (i % columns) * g.pitchX, g.gridTop + (i / columns) * g.pitchY,
                    tileW(), tileH()));
        }
        return new PictureLayout(g.width, g.height, cells, g.bar);
    }

    Picture render() {
        Geometry g = geometry();
        PictureLayout layout = layout();
        int tw = tileW();
        int th = tileH();
        try (Canvas c = new Canvas(g.width, g.height)) {
            if (!title.isEmpty()) {
                c.centred(title, TITLE_FONT, Canvas.INK, g.width / 2, g.titleTop);
            }
            if (!subtitle.isEmpty()) {
                c.centred(subtitle, SUBTITLE_FONT, Canvas.MUTED, g.width / 2, g.subtitleTop);
            }
            for (int col = 0; col < Math.min(columns, columnHeaders.size()); col++) {
                String text = Canvas.fit(LABEL_FONT, columnHeaders.get(col), tw + GAP_X - 2);
                c.centred(text, LABEL_FONT, Canvas.INK, g.gridLeft + col * g.pitchX + tw / 2, g.headerTop);
            }
            for (int row = 0; row < Math.min(rows(), rowLabels.size()); row++) {
                c.rightAt(rowLabels.get(row), LABEL_FONT, Canvas.INK, g.gridLeft - FRAME - 6, g.gridTop + row * g.pitchY + th / 2);
            }
            for (int i = 0; i < tiles.size(); i++) {
                Tile t = tiles.get(i);
                PictureLayout.Box box = layout.cell(i);
                c.g.drawImage(Raster.draw(t.values(), map, t.range(), scale), box.x(), box.y(), null);
                if (t.frame() != null) {
                    c.frameAround(box.x(), box.y(), tw, th, FRAME, t.frame());
                } else if (outline) {
                    c.frameAround(box.x(), box.y(), tw, th, 1, OUTLINE);
                }
                int top = box.bottom() + FRAME + 1;
                for (Caption line : t.caption()) {
                    String text = Canvas.fit(line.font(), line.text(), tw + GAP_X - 2);
                    c.centred(text, line.font(), line.color(), box.x() + tw / 2, top);
                    top += Canvas.lineHeight(line.font());
                }
            }
            g.bar.ifPresent(b -> colorBar.draw(c, b.x(), b.y(), b.height()));
            return new Picture(c.image, title);
        }
    }
}
