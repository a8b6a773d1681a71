package cn.etdz.indicator.history;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.indicator.catalogue.IndicatorRepository;
import cn.etdz.indicator.catalogue.IndicatorRule;
import cn.etdz.indicator.security.Caller;
import cn.etdz.indicator.submission.SubmissionEntity;
import cn.etdz.indicator.submission.SubmissionRepository;
import cn.etdz.indicator.submission.SubmissionValueEntity;
import cn.etdz.indicator.zone.ZoneEntity;
import cn.etdz.indicator.zone.ZoneRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** A zone's submissions read over time: its revisions with their changes, and its newest values as series. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ZoneHistoryService {

    @Inject
    ZoneRepository zones;
    @Inject
    SubmissionRepository submissions;
    @Inject
    IndicatorRepository indicators;
    @Inject
    Caller caller;

    /**
     * Every revision of a zone (one period, or all), oldest first, each with its changes against the previous one: a
     * value added, removed, or changed in its number, provisional mark or note.
     */
    public List<RevisionView> revisions(String zoneCode, String period) {
        ZoneEntity zone = readableZone(zoneCode);
        List<RevisionView> revisions = new ArrayList<>();
        Map<String, Map<String, SubmissionValueEntity>> previousByPeriod = new HashMap<>();
        for (SubmissionEntity submission : submissions.revisions(zone.code, period)) {
            Map<String, SubmissionValueEntity> previous = previousByPeriod.getOrDefault(submission.period, Map.of());
            Map<String, SubmissionValueEntity> current = new LinkedHashMap<>();
            submission.values.forEach(value -> current.put(value.indicator, value));
            List<RevisionView.Change> changes = new ArrayList<>();
            current.forEach((indicator, value) -> {
                SubmissionValueEntity before = previous.get(indicator);
                if (before == null) {
                    changes.add(new RevisionView.Change(indicator, "ADDED", null, value.value, null, null,
                            value.provisional, null, value.note));
                } else {
                    List<String> changed = differences(before, value);
                    if (!changed.isEmpty()) {
                        changes.add(new RevisionView.Change(indicator, "CHANGED", before.value, value.value, changed,
                                before.provisional, value.provisional, before.note, value.note));
                    }
                }
            });
            previous.forEach((indicator, value) -> {
                if (!current.containsKey(indicator)) {
                    changes.add(new RevisionView.Change(indicator, "REMOVED", value.value, null, null,
                            value.provisional, null, value.note, null));
                }
            });
            previousByPeriod.put(submission.period, current);
            revisions.add(new RevisionView(submission.zoneCode, submission.period, submission.revision, submission.id,
                    submission.late, submission.receivedAt, submission.submittedBy, submission.submitterProvince, changes,
                    submission.mode.name()));
        }
        return revisions;
    }

    /** What differs between two revisions' entries of one value: its number, its provisional mark, its note. */
    static List<String> differences(SubmissionValueEntity before, SubmissionValueEntity after) {
        List<String> changed = new ArrayList<>();
        if (Double.compare(before.value, after.value) != 0) {
            changed.add("value");
        }
        if (before.provisional != after.provisional) {
            changed.add("provisional");
        }
        if (!Objects.equals(before.note, after.note)) {
            changed.add("note");
        }
        return changed;
    }

    /** The newest accepted value of each period, per indicator; optional indicator and period range filters. */
    public ValueSeries values(String zoneCode, String indicator, String from, String to) {
        ZoneEntity zone = readableZone(zoneCode);
        Map<String, IndicatorRule> rules = indicators.rules();
        Map<String, List<ValueSeries.Point>> series = new TreeMap<>();
        for (SubmissionEntity submission : submissions.newestRevisions(zone.code)) {
            if ((from != null && submission.period.compareTo(from) < 0) || (to != null && submission.period.compareTo(to) > 0)) {
                continue;
            }
            for (SubmissionValueEntity value : submission.values) {
                if (indicator == null || indicator.equals(value.indicator)) {
                    series.computeIfAbsent(value.indicator, code -> new ArrayList<>()).add(new ValueSeries.Point(
                            submission.period, value.value, value.provisional, value.note, submission.revision,
                            submission.id));
                }
            }
        }
        return new ValueSeries(zone.code, series.entrySet().stream()
                .map(entry -> new ValueSeries.Series(entry.getKey(),
                        Optional.ofNullable(rules.get(entry.getKey())).map(IndicatorRule::unit).orElse(null),
                        entry.getValue()))
                .toList());
    }

    private ZoneEntity readableZone(String code) {
        ZoneEntity zone = zones.findByIdOptional(code)
                .orElseThrow(() -> ProblemException.notFound(Message.of("indicator.zone.unknown", code)));
        caller.requireProvince(zone.province);
        return zone;
    }
}
