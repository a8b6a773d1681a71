package cn.etdz.indicator.history;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A zone's newest accepted values over time, one series per indicator. */
public record ValueSeries(String zone, List<Series> series) {

    @Schema(name = "IndicatorSeries", description = "One indicator's newest accepted values over the periods.")
    public record Series(String indicator, String unit, List<Point> points) {
    }

    /** The newest accepted value of one period, and the revision it comes from. */
    @Schema(name = "SeriesPoint", description = "The newest accepted value of one period, and the revision it comes from.")
    public record Point(String period, double value, boolean provisional, String note, int revision, long submissionId) {
    }
}
