package cn.etdz.indicator.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A query on one value of a revision, with what was said on it.
 *
 * @param revision    the revision whose value is queried
 * @param status      OPEN until the raiser or an admin closes it
 * @param answered    the province has answered at least once
 * @param warningCode the plausibility warning it was raised from ({@code large-change}, {@code outlier}), if any
 * @param messages    raised, answered, closed: who wrote what and when, oldest first
 */
@Schema(name = "ValueQuery", description = "A query on one value of a revision and what was said on it.")
public record QueryView(long id, String zone, String province, String period, int revision, String indicator,
                        QueryStatus status, boolean answered, String warningCode, String raisedBy,
                        OffsetDateTime raisedAt, List<Entry> messages) {

    @Schema(name = "ValueQueryMessage", description = "One step of a query: raised, answered or closed.")
    public record Entry(QueryStep kind, String text, String author, OffsetDateTime writtenAt) {
    }
}
