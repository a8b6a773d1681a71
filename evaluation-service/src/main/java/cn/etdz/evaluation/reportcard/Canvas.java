package cn.etdz.evaluation.reportcard;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drawing on one page of a report card in points from the bottom left, in the one embedded font: text left, right or
 * centre aligned, wrapped lines, rules, boxes and polylines. A character the font has no glyph for is drawn as
 * {@code ?} instead of failing the whole card.
 */
final class Canvas implements AutoCloseable {

    static final float[] INK = {0.13f, 0.13f, 0.13f};
    static final float[] MUTED = {0.40f, 0.40f, 0.40f};
    static final float[] RULE = {0.75f, 0.75f, 0.75f};
    static final float[] ACCENT = {0.06f, 0.30f, 0.55f};
    static final float[] ACCENT_LIGHT = {0.85f, 0.91f, 0.96f};
    static final float[] SECOND = {0.80f, 0.38f, 0.08f};
    static final float[] GOOD = {0.13f, 0.49f, 0.24f};
    static final float[] BAD = {0.70f, 0.13f, 0.13f};

    private final PDPageContentStream content;
    private final PDType0Font font;
    private final Map<Integer, Boolean> glyphs;

    Canvas(PDPageContentStream content, PDType0Font font, Map<Integer, Boolean> glyphs) {
        this.content = content;
        this.font = font;
        this.glyphs = glyphs;
    }

    /** One cache of which characters the font can draw, shared by the pages of a document. */
    static Map<Integer, Boolean> glyphCache() {
        return new HashMap<>();
    }

    float width(String text, float size) throws IOException {
        return font.getStringWidth(drawable(text)) / 1000 * size;
    }

    void text(String text, float x, float y, float size, float[] colour) throws IOException {
        String shown = drawable(text);
        if (shown.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font, size);
        colour(colour);
        content.newLineAtOffset(x, y);
        content.showText(shown);
        content.endText();
    }

    void textRight(String text, float right, float y, float size, float[] colour) throws IOException {
        text(text, right - width(text, size), y, size, colour);
    }

    void textCentre(String text, float centre, float y, float size, float[] colour) throws IOException {
        text(text, centre - width(text, size) / 2, y, size, colour);
    }

    /** Draws the text wrapped to the width, line under line from {@code y}; returns the baseline after the last. */
    float paragraph(String text, float x, float y, float width, float size, float leading, float[] colour)
            throws IOException {
        float baseline = y;
        for (String line : wrap(text, width, size)) {
            text(line, x, baseline, size, colour);
            baseline -= leading;
        }
        return baseline;
    }

    /** Breaks at spaces where the text has them (English), otherwise between any two characters (Chinese). */
    List<String> wrap(String text, float width, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int lastSpace = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            line.append(c);
            if (c == ' ') {
                lastSpace = line.length() - 1;
            }
            if (width(line.toString(), size) > width) {
                String rest;
                if (lastSpace > 0) {
                    rest = line.substring(lastSpace + 1);
                    line.setLength(lastSpace);
                } else {
                    rest = line.substring(line.length() - 1);
                    line.setLength(line.length() - 1);
                }
                lines.add(line.toString().strip());
                line = new StringBuilder(rest);
                lastSpace = -1;
            }
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }

    void line(float x1, float y1, float x2, float y2, float lineWidth, float[] colour) throws IOException {
        content.setLineWidth(lineWidth);
        stroke(colour);
        content.moveTo(x1, y1);
        content.lineTo(x2, y2);
        content.stroke();
    }

    void dashed(float x1, float y1, float x2, float y2, float[] colour) throws IOException {
        content.setLineDashPattern(new float[] {2, 2}, 0);
        line(x1, y1, x2, y2, 0.5f, colour);
        content.setLineDashPattern(new float[] {}, 0);
    }

    void box(float x, float y, float width, float height, float[] fill) throws IOException {
        colour(fill);
        content.addRect(x, y, width, height);
        content.fill();
    }

    void frame(float x, float y, float width, float height, float[] colour) throws IOException {
        content.setLineWidth(0.5f);
        stroke(colour);
        content.addRect(x, y, width, height);
        content.stroke();
    }

    /** A polyline through the points {x0, y0, x1, y1, …}; closed and filled when {@code fill} is given. */
    void polyline(float[] points, float lineWidth, float[] colour, float[] fill) throws IOException {
        if (points.length < 2) {
            return;
        }
        content.moveTo(points[0], points[1]);
        for (int i = 2; i < points.length; i += 2) {
            content.lineTo(points[i], points[i + 1]);
        }
        content.setLineWidth(lineWidth);
        stroke(colour);
        if (fill != null) {
            content.closePath();
            colour(fill);
            content.fillAndStroke();
        } else {
            content.stroke();
        }
    }

    /** A filled square marker centred on the point. */
    void marker(float x, float y, float size, float[] colour) throws IOException {
        box(x - size / 2, y - size / 2, size, size, colour);
    }

    private void colour(float[] rgb) throws IOException {
        content.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
    }

    private void stroke(float[] rgb) throws IOException {
        content.setStrokingColor(rgb[0], rgb[1], rgb[2]);
    }

    private String drawable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (glyphs.computeIfAbsent(c, this::hasGlyph)) {
                shown.appendCodePoint(c);
            } else {
                shown.append('?');
            }
        });
        return shown.toString();
    }

    private boolean hasGlyph(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException missing) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
