package cn.etdz.common.export;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The formats of the exports and how one is chosen: the {@code format} query parameter when given, otherwise the
 * {@code Accept} header (the acceptable offered type of highest quality, the offered order breaking ties), otherwise
 * the first offered format (JSON). A query parameter wins because a link in a browser or a spreadsheet cannot set a header.
 */
public enum ExportFormat {
    JSON("json", "application/json", "json"),
    CSV("csv", "text/csv; charset=UTF-8", "csv"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    /** SDMX-CSV 2.0: the media type SDMX registers for it, with the format's version. */
    SDMX_CSV("sdmx-csv", "application/vnd.sdmx.data+csv; version=2.0.0", "csv");

    /** The value of the {@code format} query parameter. */
    public final String parameter;
    /** The {@code Content-Type} of the answer. */
    public final String mediaType;
    /** The file name extension of the download. */
    public final String extension;

    ExportFormat(String parameter, String mediaType, String extension) {
        this.parameter = parameter;
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type without parameters, lower case, as an {@code Accept} header names it. */
    String baseType() {
        return mediaType.split(";")[0].trim();
    }

    /**
     * The format of an export offering {@code offered}.
     *
     * @throws ProblemException 400 for an unknown or not offered {@code format}, 406 when the {@code Accept} header
     *                          admits none of the offered types
     */
    public static ExportFormat choose(String format, String accept, List<ExportFormat> offered) {
        if (format != null && !format.isBlank()) {
            return offered.stream().filter(f -> f.parameter.equalsIgnoreCase(format.trim())).findFirst()
                    .orElseThrow(() -> ProblemException.badRequest(Message.of("common.export.format.unknown"), List.of(new Violation(
                            "format", "unknown-value", Message.of("common.export.format.one-of", names(offered))))));
        }
        if (accept == null || accept.isBlank()) {
            return offered.get(0);
        }
        ExportFormat best = null;
        double bestQuality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = quality(parts);
            // the first offered format the range admits: a wildcard gets the export's first (default) format
            ExportFormat admitted = offered.stream().filter(candidate -> admits(type, candidate)).findFirst().orElse(null);
            if (admitted != null && quality > bestQuality) {
                best = admitted;
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw new ProblemException(406, "not-acceptable", Message.of("common.status.406.title"), Message.of(
                    "common.export.not-acceptable", offered.stream().map(f -> f.baseType()).collect(Collectors.joining(", "))),
                    List.of());
        }
        return best;
    }

    private static boolean admits(String range, ExportFormat candidate) {
        return range.equals("*/*") || range.equals(candidate.baseType())
                || (range.endsWith("/*") && candidate.baseType().startsWith(range.substring(0, range.length() - 1)));
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().replace(" ", "");
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static String names(List<ExportFormat> offered) {
        return offered.stream().map(f -> f.parameter).collect(Collectors.joining(", "));
    }

    /** The values of the {@code format} parameter, for the OpenAPI document. */
    public static Set<String> parameters() {
        return Arrays.stream(values()).map(f -> f.parameter).collect(Collectors.toSet());
    }
}
