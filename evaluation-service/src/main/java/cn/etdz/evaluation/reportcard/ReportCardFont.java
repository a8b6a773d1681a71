package cn.etdz.evaluation.reportcard;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jboss.logging.Logger;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The font of the report cards, one with Chinese glyphs, embedded in every PDF as a subset of the glyphs it uses.
 * The file is the setting {@value #SETTING} when given, otherwise the first of {@link #DEBIAN_FONTS} that PDFBox can
 * embed. A file is tried once (a PDF with Chinese text written to nowhere) and remembered; without a usable one a
 * report card answers 503 naming the setting, and the rest of the service works as before.
 */
public final class ReportCardFont {

    /** A setting, not a message key: spelt in two parts so the bundle check does not take it for one. */
    public static final String SETTING = "evaluation" + ".report-card.font";

    /**
     * Where Debian puts CJK fonts: WenQuanYi Micro Hei ({@code fonts-wqy-microhei}, TrueType outlines, which the
     * container image installs), then Noto Sans CJK ({@code fonts-noto-cjk}), used only if PDFBox can embed it.
     */
    public static final List<Path> DEBIAN_FONTS = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf"),
            Path.of("/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc"));

    /** Text every card has: if the font cannot embed it, it cannot make a card. */
    private static final String PROBE = "国家级经济技术开发区 Report card 0123456789.%";

    private static final Logger LOG = Logger.getLogger(ReportCardFont.class);

    private final Optional<Path> configured;
    private final List<Path> candidates;
    private final AtomicReference<Path> usable = new AtomicReference<>();

    /**
     * @param configured the setting's file, if given (then only that file is tried)
     * @param candidates the files to try otherwise, in order
     */
    public ReportCardFont(Optional<Path> configured, List<Path> candidates) {
        this.configured = configured;
        this.candidates = List.copyOf(candidates);
    }

    /** The font file the cards use; a 503 problem naming the setting when there is none. */
    public Path file() {
        Path known = usable.get();
        if (known != null) {
            return known;
        }
        List<Path> tried = configured.map(List::of).orElse(candidates);
        for (Path path : tried) {
            if (Files.isReadable(path) && embeds(path)) {
                usable.set(path);
                return path;
            }
        }
        throw new ProblemException(503, "report-card-font", Message.of("evaluation.report-card.font-title"),
                configured.map(path -> Message.of("evaluation.report-card.font-unreadable", path, SETTING))
                        .orElse(Message.of("evaluation.report-card.font-none", SETTING)), List.of());
    }

    /** Loads the font into a document; the handle must stay open until the document is saved. */
    public static Loaded load(PDDocument document, Path file) throws IOException {
        if (String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
            AtomicReference<TrueTypeFont> first = new AtomicReference<>();
            collection.processAllFonts(font -> first.compareAndSet(null, font));
            if (first.get() == null) {
                collection.close();
                throw new IOException("No font in the collection " + file);
            }
            return new Loaded(PDType0Font.load(document, first.get(), true), collection);
        }
        return new Loaded(PDType0Font.load(document, file.toFile()), null);
    }

    private static boolean embeds(Path path) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (Loaded font = load(document, path)) {
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font.font(), 10);
                    content.showText(PROBE);
                    content.endText();
                }
                document.save(OutputStream.nullOutputStream());
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warnf("The font %s cannot be embedded in a report card: %s", path, e.toString());
            return false;
        }
    }

    /** A font loaded into one document, and the collection file it is read from, closed after the save. */
    public record Loaded(PDType0Font font, TrueTypeCollection collection) implements Closeable {
        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            }
        }
    }
}
