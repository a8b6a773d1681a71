package cn.etdz.evaluation.reportcard;

import cn.etdz.common.i18n.Languages;
import cn.etdz.common.i18n.Message;
import cn.etdz.evaluation.reportcard.ReportCard.IndicatorAgainstPeers;
import cn.etdz.evaluation.scores.ScoreView;
import cn.etdz.evaluation.scoring.NodeScore;
import cn.etdz.evaluation.targets.TargetLine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.TimeZone;

/**
 * Draws a report card as a two-page A4 PDF: the zone and its scores, ranks and the pillar radar on the first page
 * with the history chart; the indicators against the peer median, the plan's targets, flags and the methodology on
 * the second; a footer with page numbers on each. Every text is a message of the {@code evaluation.report-card.*}
 * keys in the card's language; charts are vector paths. No CDI and no database: data in, PDF out.
 */
public final class ReportCardRenderer {

    private static final float LEFT = 50;
    private static final float RIGHT = PDRectangle.A4.getWidth() - 50;
    private static final float TOP = PDRectangle.A4.getHeight() - 50;
    private static final float FOOTER = 32;
    /** Widest line of a radar label before it wraps, in points. */
    private static final float RADAR_LABEL_WIDTH = 60;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /* The message keys of codes, each named in full so the bundle check sees it used. */
    private static final Map<String, String> TYPES = Map.of(
            "ETDZ", "evaluation.report-card.type.etdz",
            "BECZ", "evaluation.report-card.type.becz");
    private static final Map<String, String> GROUPS = Map.of(
            "EAST", "evaluation.report-card.group.east",
            "CENTRAL", "evaluation.report-card.group.central",
            "NORTHEAST", "evaluation.report-card.group.northeast",
            "WEST", "evaluation.report-card.group.west",
            "EAST_COASTAL", "evaluation.report-card.group.east-coastal",
            "CENTRAL_NORTHEAST", "evaluation.report-card.group.central-northeast");
    private static final Map<String, String> PILLAR_NAMES = Map.of(
            "ECONOMY", "evaluation.report-card.pillar.economy",
            "INNOVATION", "evaluation.report-card.pillar.innovation",
            "ENVIRONMENT", "evaluation.report-card.pillar.environment",
            "SOCIETY", "evaluation.report-card.pillar.society",
            "INSTITUTIONS", "evaluation.report-card.pillar.institutions");
    private static final Map<String, String> PILLAR_SHORT_NAMES = Map.of(
            "ECONOMY", "evaluation.report-card.pillar-short.economy",
            "INNOVATION", "evaluation.report-card.pillar-short.innovation",
            "ENVIRONMENT", "evaluation.report-card.pillar-short.environment",
            "SOCIETY", "evaluation.report-card.pillar-short.society",
            "INSTITUTIONS", "evaluation.report-card.pillar-short.institutions");
    private static final Map<String, String> STATUSES = Map.of(
            "ON_TRACK", "evaluation.report-card.status.on-track",
            "BEHIND", "evaluation.report-card.status.behind",
            "NO_DATA", "evaluation.report-card.status.no-data",
            "NO_BASELINE", "evaluation.report-card.status.no-baseline");
    /** The names of the indicators the engine derives (docs/method.md), on indicator lines and target lines alike. */
    static final Map<String, String> DERIVED_NAMES = Map.ofEntries(
            Map.entry("SERV_SHARE", "evaluation.derived-indicator.serv-share"),
            Map.entry("HT_SHARE", "evaluation.derived-indicator.ht-share"),
            Map.entry("HT_TRADE_SHARE", "evaluation.derived-indicator.ht-trade-share"),
            Map.entry("RD_INTENSITY", "evaluation.derived-indicator.rd-intensity"),
            Map.entry("GDP_PER_WORKER", "evaluation.derived-indicator.gdp-per-worker"),
            Map.entry("GDP_PER_KM2", "evaluation.derived-indicator.gdp-per-km2"),
            Map.entry("ENERGY_INTENSITY", "evaluation.derived-indicator.energy-intensity"),
            Map.entry("SO2_INTENSITY", "evaluation.derived-indicator.so2-intensity"),
            Map.entry("COD_INTENSITY", "evaluation.derived-indicator.cod-intensity"),
            Map.entry("GRADUATE_SHARE", "evaluation.derived-indicator.graduate-share"),
            Map.entry("GDP_GROWTH", "evaluation.derived-indicator.gdp-growth"),
            Map.entry("FDI_GROWTH", "evaluation.derived-indicator.fdi-growth"),
            Map.entry("TAX_GROWTH", "evaluation.derived-indicator.tax-growth"));
    private static final Map<String, String> FLAGS = Map.of(
            "WARNING", "evaluation.report-card.flag.warning",
            "EXIT_CANDIDATE", "evaluation.report-card.flag.exit-candidate",
            "EXPANSION_ELIGIBLE", "evaluation.report-card.flag.expansion-eligible",
            "UNRANKED", "evaluation.report-card.flag.unranked");
    private static final Map<String, String> FLAG_NOTES = Map.of(
            "WARNING", "evaluation.report-card.flag-note.warning",
            "EXIT_CANDIDATE", "evaluation.report-card.flag-note.exit-candidate",
            "EXPANSION_ELIGIBLE", "evaluation.report-card.flag-note.expansion-eligible",
            "UNRANKED", "evaluation.report-card.flag-note.unranked");

    private final ReportCard card;
    private final ScoreView score;
    private final Locale locale;

    private ReportCardRenderer(ReportCard card, Locale locale) {
        this.card = card;
        this.score = card.score();
        this.locale = Languages.supported(locale);
    }

    /** Writes the card as a PDF in the language to {@code out}, which stays open. */
    public static void write(ReportCard card, Locale locale, Path font, OutputStream out) throws IOException {
        new ReportCardRenderer(card, locale).write(font, out);
    }

    /** The card's file name: the zone's code and its name in the language. */
    public static String fileName(ScoreView score, Locale locale) {
        return score.zone() + " " + zoneName(score, Languages.supported(locale)) + ".pdf";
    }

    private void write(Path fontFile, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument();
             ReportCardFont.Loaded font = ReportCardFont.load(document, fontFile)) {
            Map<Integer, Boolean> glyphs = Canvas.glyphCache();
            PDPage first = new PDPage(PDRectangle.A4);
            document.addPage(first);
            try (Canvas canvas = new Canvas(new PDPageContentStream(document, first), font.font(), glyphs)) {
                firstPage(canvas);
            }
            PDPage second = new PDPage(PDRectangle.A4);
            document.addPage(second);
            try (Canvas canvas = new Canvas(new PDPageContentStream(document, second), font.font(), glyphs)) {
                secondPage(canvas);
            }
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (Canvas canvas = new Canvas(new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true), font.font(), glyphs)) {
                    footer(canvas, i + 1, pages);
                }
            }
            describe(document);
            // PDFBox closes the stream it saves to; a zip goes on with the next entry
            document.save(new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
        }
    }

    private void describe(PDDocument document) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(text("evaluation.report-card.title") + " · " + score.zone() + " " + zoneName(score, locale)
                + " · " + score.period());
        info.setSubject(text("evaluation.report-card.title"));
        info.setCreator("evaluation-service");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        created.setTimeInMillis(score.computedAt().toInstant().toEpochMilli());
        info.setCreationDate(created);
        document.getDocumentCatalog().setLanguage(Languages.tag(locale));
    }

    // ---- page 1: who, how well, how it moved

    private void firstPage(Canvas canvas) throws IOException {
        float y = TOP;
        canvas.box(LEFT, y - 4, RIGHT - LEFT, 22, Canvas.ACCENT);
        canvas.text(text("evaluation.report-card.title"), LEFT + 8, y + 3, 11, new float[] {1, 1, 1});
        canvas.textRight(text("evaluation.report-card.period", score.period()), RIGHT - 8, y + 3, 11, new float[] {1, 1, 1});
        y -= 36;
        boolean chinese = Languages.CHINESE.equals(locale);
        String main = chinese ? score.name() : orElse(score.nameEn(), score.name());
        String other = chinese ? score.nameEn() : score.name();
        canvas.text(main, LEFT, y, 20, Canvas.INK);
        y -= 18;
        if (other != null && !other.equals(main)) {
            canvas.text(other, LEFT, y, 11, Canvas.MUTED);
            y -= 16;
        }
        canvas.text(text("evaluation.report-card.zone-code", score.zone()) + "    " + keyed(TYPES, score.zoneType()),
                LEFT, y, 9, Canvas.MUTED);
        y -= 13;
        canvas.text(text("evaluation.report-card.province", Provinces.name(score.province(), locale)) + "    "
                + text("evaluation.report-card.region-group", keyed(GROUPS, score.regionGroup())), LEFT, y, 9, Canvas.MUTED);
        y -= 14;
        canvas.line(LEFT, y, RIGHT, y, 0.75f, Canvas.RULE);
        y = keyFigures(canvas, y - 12);
        y = pillars(canvas, y - 26);
        history(canvas, y - 26);
    }

    private float keyFigures(Canvas canvas, float top) throws IOException {
        float height = 74;
        float width = (RIGHT - LEFT - 20) / 3;
        float bottom = top - height;
        for (int i = 0; i < 3; i++) {
            canvas.box(LEFT + i * (width + 10), bottom, width, height, Canvas.ACCENT_LIGHT);
        }
        float x = LEFT + 10;
        canvas.text(text("evaluation.report-card.composite"), x, top - 16, 9, Canvas.MUTED);
        canvas.text(score.composite() == null ? text("evaluation.report-card.unranked") : scoreText(score.composite()), x, top - 48, 28,
                Canvas.ACCENT);
        canvas.text(text("evaluation.report-card.coverage", percent(score.coverage())), x, top - 64, 8, Canvas.MUTED);

        x += width + 10;
        canvas.text(text("evaluation.report-card.national-rank"), x, top - 16, 9, Canvas.MUTED);
        canvas.text(score.nationalRank() == null ? text("evaluation.report-card.unranked") : Integer.toString(score.nationalRank()), x,
                top - 48, 28, Canvas.INK);
        if (score.nationalRank() != null) {
            canvas.text(text("evaluation.report-card.of", card.rankedInType()), x + canvas.width(score.nationalRank().toString(), 28) + 6,
                    top - 48, 10, Canvas.MUTED);
        }
        canvas.text(score.previousRank() == null ? text("evaluation.report-card.previous-none")
                : text("evaluation.report-card.previous", score.previousRank())
                + movement(), x, top - 64, 8, Canvas.MUTED);

        x += width + 10;
        canvas.text(text("evaluation.report-card.region-rank"), x, top - 16, 9, Canvas.MUTED);
        canvas.text(score.regionRank() == null ? text("evaluation.report-card.unranked") : Integer.toString(score.regionRank()), x,
                top - 48, 28, Canvas.INK);
        if (score.regionRank() != null) {
            canvas.text(text("evaluation.report-card.of", card.rankedInRegionGroup()),
                    x + canvas.width(score.regionRank().toString(), 28) + 6,
                    top - 48, 10, Canvas.MUTED);
        }
        canvas.text(keyed(GROUPS, score.regionGroup()), x, top - 64, 8, Canvas.MUTED);
        return bottom;
    }

    /** Up, down or level against the previous year's national rank (a smaller rank is better). */
    private String movement() {
        if (score.nationalRank() == null) {
            return "";
        }
        int change = score.previousRank() - score.nationalRank();
        if (change > 0) {
            return "  " + text("evaluation.report-card.up", change);
        }
        return "  " + (change < 0 ? text("evaluation.report-card.down", -change) : text("evaluation.report-card.level"));
    }

    /**
     * A top-level part of the methodology as the card names it: the plan's five pillars by the card's own names (short
     * ones on the radar), the parts of any other framework by the methodology's names.
     */
    private record Part(String name, String shortName, NodeScore score) {
    }

    private List<Part> parts() {
        List<NodeScore> nodes = card.score().nodes();
        boolean plan = nodes.stream().map(NodeScore::code).collect(Collectors.toSet()).equals(PILLAR_NAMES.keySet());
        return nodes.stream().map(node -> plan
                ? new Part(keyed(PILLAR_NAMES, node.code()), keyed(PILLAR_SHORT_NAMES, node.code()), node)
                : new Part(localName(node), localName(node), node)).toList();
    }

    private String localName(NodeScore node) {
        return Languages.CHINESE.equals(locale) || node.nameEn() == null ? node.name() : node.nameEn();
    }

    private float pillars(Canvas canvas, float top) throws IOException {
        List<Part> parts = parts();
        canvas.text(text("evaluation.report-card.pillars"), LEFT, top, 12, Canvas.ACCENT);
        float y = top - 22;
        float[] columns = {LEFT, LEFT + 120, LEFT + 160, LEFT + 220};
        canvas.text(text("evaluation.report-card.pillar"), columns[0], y, 8, Canvas.MUTED);
        canvas.textRight(text("evaluation.report-card.score"), columns[1] + 30, y, 8, Canvas.MUTED);
        canvas.textRight(text("evaluation.report-card.weight"), columns[2] + 30, y, 8, Canvas.MUTED);
        canvas.textRight(text("evaluation.report-card.contribution"), columns[3] + 30, y, 8, Canvas.MUTED);
        y -= 6;
        canvas.line(LEFT, y, columns[3] + 30, y, 0.5f, Canvas.RULE);
        for (Part part : parts) {
            y -= 18;
            NodeScore node = part.score();
            canvas.text(part.name(), columns[0], y, 10, Canvas.INK);
            canvas.textRight(node.score() == null ? "—" : scoreText(node.score()), columns[1] + 30, y, 10, Canvas.INK);
            canvas.textRight(percent(node.weight()), columns[2] + 30, y, 10, Canvas.INK);
            canvas.textRight(node.compositeContribution() == null ? "—" : scoreText(node.compositeContribution()),
                    columns[3] + 30, y, 10, Canvas.INK);
            canvas.line(LEFT, y - 6, columns[3] + 30, y - 6, 0.25f, Canvas.RULE);
        }
        y -= 20;
        y = canvas.paragraph(text("evaluation.report-card.pillars-note"), LEFT, y, columns[3] + 30 - LEFT, 8, 11, Canvas.MUTED);
        // a radar needs three axes to enclose an area; with fewer parts the table says it all
        float radarBottom = parts.size() < 3 ? y : radar(canvas, parts, RIGHT - 110, top - 110, 65);
        return Math.min(y, radarBottom);
    }

    /** The parts on axes from the centre (0) to the outer ring (100), rings every 20 points. */
    private float radar(Canvas canvas, List<Part> parts, float cx, float cy, float radius) throws IOException {
        int axes = parts.size();
        for (int ring = 1; ring <= 5; ring++) {
            float[] points = new float[axes * 2];
            for (int i = 0; i < axes; i++) {
                points[2 * i] = cx + (float) (radius * ring / 5 * Math.sin(angle(i, axes)));
                points[2 * i + 1] = cy + (float) (radius * ring / 5 * Math.cos(angle(i, axes)));
            }
            canvas.polyline(closed(points), ring == 5 ? 0.75f : 0.3f, Canvas.RULE, null);
        }
        float[] values = new float[axes * 2];
        for (int i = 0; i < axes; i++) {
            double angle = angle(i, axes);
            float endX = cx + (float) (radius * Math.sin(angle));
            float endY = cy + (float) (radius * Math.cos(angle));
            canvas.line(cx, cy, endX, endY, 0.3f, Canvas.RULE);
            Double score = parts.get(i).score().score();
            double value = score == null ? 0 : score;
            values[2 * i] = cx + (float) (radius * value / 100 * Math.sin(angle));
            values[2 * i + 1] = cy + (float) (radius * value / 100 * Math.cos(angle));
            // a long name (another framework's) wraps, growing away from the radar
            List<String> lines = canvas.wrap(parts.get(i).shortName(), RADAR_LABEL_WIDTH, 8);
            float labelX = cx + (float) ((radius + 10) * Math.sin(angle));
            float labelY = cy + (float) ((radius + 10) * Math.cos(angle)) - 3;
            float firstY = Math.cos(angle) > 0.2 ? labelY + (lines.size() - 1) * 9
                    : Math.cos(angle) < -0.2 ? labelY : labelY + (lines.size() - 1) * 4.5f;
            for (int line = 0; line < lines.size(); line++) {
                float y = firstY - line * 9;
                if (Math.abs(Math.sin(angle)) < 0.2) {
                    canvas.textCentre(lines.get(line), labelX, y + 2, 8, Canvas.INK);
                } else if (Math.sin(angle) > 0) {
                    canvas.text(lines.get(line), labelX, y, 8, Canvas.INK);
                } else {
                    canvas.textRight(lines.get(line), labelX, y, 8, Canvas.INK);
                }
            }
        }
        canvas.polyline(values, 1.5f, Canvas.ACCENT, new float[] {0.75f, 0.84f, 0.93f});
        for (int i = 0; i < axes; i++) {
            canvas.marker(values[2 * i], values[2 * i + 1], 3, Canvas.ACCENT);
        }
        canvas.text("100", cx + 2, cy + radius - 9, 6, Canvas.MUTED);
        canvas.text("50", cx + 2, cy + radius / 2 - 3, 6, Canvas.MUTED);
        return cy - radius - 20;
    }

    private static double angle(int axis, int axes) {
        return 2 * Math.PI * axis / axes;
    }

    private static float[] closed(float[] points) {
        float[] closed = java.util.Arrays.copyOf(points, points.length + 2);
        closed[points.length] = points[0];
        closed[points.length + 1] = points[1];
        return closed;
    }

    /**
     * Composite (left axis, 0–100) and national rank (right axis, 1 at the top) per scored year, so that both lines
     * rise when the zone improves.
     */
    private void history(Canvas canvas, float top) throws IOException {
        canvas.text(text("evaluation.report-card.history"), LEFT, top, 12, Canvas.ACCENT);
        float chartTop = top - 30;
        float chartBottom = FOOTER + 60;
        float left = LEFT + 28;
        float right = RIGHT - 28;
        List<ScoreView> years = card.history();
        int worstRank = Math.max(1, years.stream().filter(y -> y.nationalRank() != null)
                .mapToInt(ScoreView::nationalRank).max().orElse(1));
        // 1 at the top, the bottom a rank four steps of whole ranks below, so every tick is a whole rank
        int rankAxis = 1 + 4 * Math.max(1, (worstRank - 1 + 3) / 4);
        for (int tick = 0; tick <= 4; tick++) {
            float y = chartBottom + (chartTop - chartBottom) * tick / 4;
            canvas.line(left, y, right, y, 0.3f, Canvas.RULE);
            canvas.textRight(Integer.toString(tick * 25), left - 4, y - 3, 7, Canvas.MUTED);
            canvas.text(Integer.toString(1 + (rankAxis - 1) * (4 - tick) / 4), right + 4, y - 3, 7, Canvas.MUTED);
        }
        canvas.text(text("evaluation.report-card.axis-composite"), LEFT - 4, chartTop + 10, 7, Canvas.ACCENT);
        canvas.textRight(text("evaluation.report-card.axis-rank"), RIGHT + 4, chartTop + 10, 7, Canvas.SECOND);
        int n = years.size();
        float step = n <= 1 ? 0 : (right - left - 30) / (n - 1);
        float start = n <= 1 ? (left + right) / 2 : left + 15;
        List<float[]> composite = new ArrayList<>();
        List<float[]> rank = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ScoreView year = years.get(i);
            float x = start + step * i;
            boolean label = n <= 12 || i % ((n + 11) / 12) == 0 || i == n - 1;
            if (label) {
                canvas.textCentre(year.period(), x, chartBottom - 12, 7, year.period().equals(score.period())
                        ? Canvas.INK : Canvas.MUTED);
            }
            if (year.composite() != null) {
                composite.add(new float[] {x, chartBottom + (float) (year.composite() / 100) * (chartTop - chartBottom)});
            }
            if (year.nationalRank() != null) {
                float share = rankAxis == 1 ? 1 : (float) (rankAxis - year.nationalRank()) / (rankAxis - 1);
                rank.add(new float[] {x, chartBottom + share * (chartTop - chartBottom)});
            }
        }
        series(canvas, composite, Canvas.ACCENT);
        series(canvas, rank, Canvas.SECOND);
        float legend = chartBottom - 30;
        canvas.line(left, legend + 3, left + 16, legend + 3, 1.5f, Canvas.ACCENT);
        canvas.text(text("evaluation.report-card.legend-composite"), left + 20, legend, 8, Canvas.INK);
        float second = left + 40 + canvas.width(text("evaluation.report-card.legend-composite"), 8);
        canvas.line(second, legend + 3, second + 16, legend + 3, 1.5f, Canvas.SECOND);
        canvas.text(text("evaluation.report-card.legend-rank"), second + 20, legend, 8, Canvas.INK);
    }

    private static void series(Canvas canvas, List<float[]> points, float[] colour) throws IOException {
        float[] path = new float[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            path[2 * i] = points.get(i)[0];
            path[2 * i + 1] = points.get(i)[1];
        }
        canvas.polyline(path, 1.5f, colour, null);
        for (float[] point : points) {
            canvas.marker(point[0], point[1], 4, colour);
        }
    }

    // ---- page 2: why, against what, what follows

    private void secondPage(Canvas canvas) throws IOException {
        float y = TOP;
        canvas.text(text("evaluation.report-card.title") + " · " + zoneName(score, locale) + " · "
                + text("evaluation.report-card.period", score.period()), LEFT, y,
                9, Canvas.MUTED);
        y -= 8;
        canvas.line(LEFT, y, RIGHT, y, 0.75f, Canvas.RULE);
        y = indicators(canvas, y - 24, text("evaluation.report-card.strongest"), card.strongest(), Canvas.GOOD);
        y = indicators(canvas, y - 18, text("evaluation.report-card.weakest"), card.weakest(), Canvas.BAD);
        y = canvas.paragraph(text("evaluation.report-card.indicators-note"), LEFT, y - 4, RIGHT - LEFT, 8, 11, Canvas.MUTED);
        y = targets(canvas, y - 18);
        y = flags(canvas, y - 18);
        methodology(canvas, y - 18);
    }

    private float indicators(Canvas canvas, float top, String heading, List<IndicatorAgainstPeers> lines,
                             float[] colour) throws IOException {
        canvas.text(heading, LEFT, top, 12, Canvas.ACCENT);
        float y = top - 20;
        if (lines.isEmpty()) {
            canvas.text(text("evaluation.report-card.none"), LEFT, y, 10, Canvas.MUTED);
            return y - 8;
        }
        float[] right = {LEFT + 300, LEFT + 365, LEFT + 430, RIGHT};
        canvas.text(text("evaluation.report-card.indicator"), LEFT, y, 8, Canvas.MUTED);
        canvas.textRight(text("evaluation.report-card.value"), right[0], y, 8, Canvas.MUTED);
        canvas.textRight(text("evaluation.report-card.normalised"), right[1], y, 8, Canvas.MUTED);
        canvas.textRight(text("evaluation.report-card.peer-median"), right[2], y, 8, Canvas.MUTED);
        canvas.textRight(text("evaluation.report-card.difference"), right[3], y, 8, Canvas.MUTED);
        y -= 6;
        canvas.line(LEFT, y, RIGHT, y, 0.5f, Canvas.RULE);
        for (IndicatorAgainstPeers line : lines) {
            y -= 16;
            String value = number(line.value()) + (line.unit() == null ? "" : " " + line.unit());
            String name = indicatorName(line);
            // a long English name gets smaller rather than run into the value
            float room = right[0] - canvas.width(value, 9) - 12 - LEFT;
            canvas.text(name, LEFT, y, Math.min(9, 9 * room / canvas.width(name, 9)), Canvas.INK);
            canvas.textRight(value, right[0], y, 9, Canvas.INK);
            canvas.textRight(scoreText(line.normalised()), right[1], y, 9, Canvas.INK);
            canvas.textRight(scoreText(line.peerMedian()), right[2], y, 9, Canvas.INK);
            canvas.textRight(signed(line.difference()), right[3], y, 9, colour);
            canvas.line(LEFT, y - 5, RIGHT, y - 5, 0.25f, Canvas.RULE);
        }
        return y - 10;
    }

    private float targets(Canvas canvas, float top) throws IOException {
        canvas.text(text("evaluation.report-card.targets"), LEFT, top, 12, Canvas.ACCENT);
        float y = top - 20;
        if (card.targets().isEmpty()) {
            return canvas.paragraph(text("evaluation.report-card.targets-none"), LEFT, y, RIGHT - LEFT, 9, 12, Canvas.MUTED);
        }
        float[] right = {LEFT + 250, LEFT + 320, LEFT + 390, RIGHT};
        canvas.text(text("evaluation.report-card.indicator"), LEFT, y, 8, Canvas.MUTED);
        canvas.textRight(text("evaluation.report-card.target"), right[0], y, 8, Canvas.MUTED);
        canvas.textRight(text("evaluation.report-card.path"), right[1], y, 8, Canvas.MUTED);
        canvas.textRight(text("evaluation.report-card.current"), right[2], y, 8, Canvas.MUTED);
        canvas.textRight(text("evaluation.report-card.status"), right[3], y, 8, Canvas.MUTED);
        y -= 6;
        canvas.line(LEFT, y, RIGHT, y, 0.5f, Canvas.RULE);
        for (TargetLine line : card.targets()) {
            y -= 15;
            canvas.text(keyed(DERIVED_NAMES, line.indicator()) + " (" + line.unit() + ")", LEFT, y, 9, Canvas.INK);
            canvas.textRight(number(line.target2015()), right[0], y, 9, Canvas.INK);
            canvas.textRight(number(line.path()), right[1], y, 9, Canvas.INK);
            canvas.textRight(number(line.current()), right[2], y, 9, Canvas.INK);
            canvas.textRight(keyed(STATUSES, line.status()), right[3], y, 9,
                    "ON_TRACK".equals(line.status()) ? Canvas.GOOD : "BEHIND".equals(line.status()) ? Canvas.BAD
                            : Canvas.MUTED);
            canvas.line(LEFT, y - 5, RIGHT, y - 5, 0.25f, Canvas.RULE);
        }
        return y - 10;
    }

    private float flags(Canvas canvas, float top) throws IOException {
        canvas.text(text("evaluation.report-card.flags"), LEFT, top, 12, Canvas.ACCENT);
        float y = top - 18;
        if (score.flags().isEmpty()) {
            canvas.text(text("evaluation.report-card.flags-none"), LEFT, y, 9, Canvas.INK);
            return y - 4;
        }
        for (String flag : score.flags()) {
            canvas.text(keyed(FLAGS, flag), LEFT, y, 9, Canvas.INK);
            y = canvas.paragraph(keyed(FLAG_NOTES, flag), LEFT + 110, y, RIGHT - LEFT - 110, 8, 11, Canvas.MUTED);
            y -= 3;
        }
        return y;
    }

    private void methodology(Canvas canvas, float top) throws IOException {
        canvas.text(text("evaluation.report-card.methodology"), LEFT, top, 12, Canvas.ACCENT);
        float y = top - 18;
        String[] version = score.methodology().split("@", 2);
        String[] lines = {
            text("evaluation.report-card.methodology-version", version[0], version.length > 1 ? version[1] : "—"),
            text("evaluation.report-card.snapshot", score.snapshotId(),
                    TIME.format(score.computedAt().withOffsetSameInstant(ZoneOffset.UTC))),
            text("evaluation.report-card.revision", score.revision()),
            text("evaluation.report-card.method-note")};
        for (String line : lines) {
            y = canvas.paragraph(line, LEFT, y, RIGHT - LEFT, 9, 13, Canvas.INK);
        }
    }

    private void footer(Canvas canvas, int page, int pages) throws IOException {
        canvas.line(LEFT, FOOTER + 12, RIGHT, FOOTER + 12, 0.5f, Canvas.RULE);
        canvas.text(score.zone() + " " + zoneName(score, locale) + " · "
                + text("evaluation.report-card.period", score.period()), LEFT, FOOTER,
                8, Canvas.MUTED);
        canvas.textRight(text("evaluation.report-card.page", page, pages), RIGHT, FOOTER, 8, Canvas.MUTED);
    }

    // ---- words and numbers

    private String text(String key, Object... args) {
        return Message.of(key, args).in(locale);
    }

    /** The text of a code's key (zone type, region group, pillar, status, flag …), or the code where there is none. */
    private String keyed(Map<String, String> keys, String code) {
        String key = keys.get(code);
        return key == null ? code : text(key);
    }

    /**
     * The indicator's name in the card's language with its code: a derived indicator's from the bundle, a catalogue
     * indicator's from the catalogue (an English card falls back to the Chinese name); any other is its code alone.
     */
    private String indicatorName(IndicatorAgainstPeers line) {
        String derived = DERIVED_NAMES.get(line.indicator());
        String name = derived != null ? text(derived)
                : Languages.CHINESE.equals(locale) ? line.name() : orElse(line.nameEn(), line.name());
        return name == null || name.isBlank() ? line.indicator() : name + " (" + line.indicator() + ")";
    }

    private static String zoneName(ScoreView score, Locale locale) {
        String name = Languages.CHINESE.equals(locale) ? score.name() : orElse(score.nameEn(), score.name());
        return name == null ? score.zone() : name;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A 0–100 score as the card shows it: one decimal. */
    public static String scoreText(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.1f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** Values in their unit: grouped thousands, at most two decimals, none where they are zeros. */
    private static String number(Double value) {
        if (value == null) {
            return "—";
        }
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
