package cn.etdz.indicator.review;

import cn.etdz.common.i18n.Localisable;
import cn.etdz.indicator.submission.SubmissionView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Locale;

/**
 * A return waiting for its province's review: the newest revision of a zone-period, still SUBMITTED.
 *
 * @param submission  the revision with its values and plausibility warnings
 * @param openQueries queries on the zone-period's values that are not closed yet
 */
@Schema(name = "ReviewQueueItem", description = "A zone-period's newest revision waiting for review, with its warnings "
        + "and open queries.")
public record QueueItem(String zone, String zoneName, String province, String period, int revision,
                        SubmissionView submission, List<QueryView> openQueries) implements Localisable<QueueItem> {

    @Override
    public QueueItem in(Locale locale) {
        return new QueueItem(zone, zoneName, province, period, revision, submission.in(locale), openQueries);
    }
}
