package cn.etdz.indicator.timeliness;

import cn.etdz.indicator.config.IndicatorConfig;
import cn.etdz.indicator.review.ReviewRepository;
import cn.etdz.indicator.review.ReviewState;
import cn.etdz.indicator.security.Caller;
import cn.etdz.indicator.submission.SubmissionRepository;
import cn.etdz.indicator.zone.ZoneEntity;
import cn.etdz.indicator.zone.ZoneRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which zones reported a period, on time or late, which are missing, and how far the province's review of the reported
 * ones got (approved, approved by the deadline, awaiting review, returned), per province and zone.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TimelinessService {

    @Inject
    ZoneRepository zones;
    @Inject
    SubmissionRepository submissions;
    @Inject
    ReviewRepository reviews;
    @Inject
    Caller caller;
    @Inject
    IndicatorConfig config;

    /** Zones count as expected when not exited and approved by the period's end; the caller's provinces only. */
    public TimelinessView timeliness(String period) {
        LocalDate periodEnd = LocalDate.of(Integer.parseInt(period), 12, 31);
        Map<String, Boolean> firstLate = submissions.firstRevisionLate(period);

        Map<String, List<ZoneEntity>> byProvince = new TreeMap<>();
        for (ZoneEntity zone : zones.listAll()) {
            boolean expected = !"EXITED".equals(zone.status) && (zone.approvedOn == null || !zone.approvedOn.isAfter(periodEnd));
            if (expected && caller.mayActFor(zone.province)) {
                byProvince.computeIfAbsent(zone.province, p -> new ArrayList<>()).add(zone);
            }
        }
        LocalDate deadline = config.submissions().deadline().atYear(Integer.parseInt(period) + 1);
        ZoneId deadlineZone = ZoneId.of(config.submissions().deadlineZone());
        Map<String, ReviewRepository.NewestReview> newest = reviews.newestReviews(period);
        List<TimelinessView.Province> provinces = new ArrayList<>();
        TimelinessView.Counts total = new TimelinessView.Counts(0, 0, 0, 0, 0, 0, 0, 0, 0);
        for (var entry : byProvince.entrySet()) {
            int submitted = 0;
            int late = 0;
            int approved = 0;
            int approvedOnTime = 0;
            int awaiting = 0;
            int returned = 0;
            List<String> missing = new ArrayList<>();
            List<TimelinessView.Zone> zoneRows = new ArrayList<>();
            for (ZoneEntity zone : entry.getValue()) {
                Boolean wasLate = firstLate.get(zone.code);
                ReviewRepository.NewestReview review = newest.get(zone.code);
                if (wasLate == null || review == null) {
                    missing.add(zone.code);
                    zoneRows.add(new TimelinessView.Zone(zone.code, false, null, null, null, null, false));
                    continue;
                }
                submitted++;
                late += wasLate ? 1 : 0;
                boolean isApproved = review.state() == ReviewState.APPROVED;
                boolean inTime = isApproved
                        && !review.decidedAt().atZoneSameInstant(deadlineZone).toLocalDate().isAfter(deadline);
                approved += isApproved ? 1 : 0;
                approvedOnTime += inTime ? 1 : 0;
                awaiting += review.state() == ReviewState.SUBMITTED ? 1 : 0;
                returned += review.state() == ReviewState.RETURNED ? 1 : 0;
                zoneRows.add(new TimelinessView.Zone(zone.code, true, wasLate, review.revision(), review.state(),
                        isApproved ? review.decidedAt() : null, inTime));
            }
            missing.sort(null);
            zoneRows.sort(java.util.Comparator.comparing(TimelinessView.Zone::zone));
            TimelinessView.Counts counts = new TimelinessView.Counts(entry.getValue().size(), submitted,
                    submitted - late, late, missing.size(), approved, approvedOnTime, awaiting, returned);
            provinces.add(new TimelinessView.Province(entry.getKey(), counts, missing, zoneRows));
            total = total.plus(counts);
        }
        return new TimelinessView(period, deadline, provinces, total);
    }
}
