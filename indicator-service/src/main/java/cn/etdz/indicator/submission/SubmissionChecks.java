package cn.etdz.indicator.submission;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.catalogue.IndicatorRepository;
import cn.etdz.indicator.catalogue.IndicatorRule;
import cn.etdz.indicator.config.IndicatorConfig;
import cn.etdz.indicator.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks submissions before anything is stored: the hard rules ({@link SubmissionRules}), the caller's right to act for
 * the zone, lateness, and the soft plausibility checks against the zone's previous year and its peers
 * ({@link Plausibility}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SubmissionChecks {

    @Inject
    SubmissionQueries queries;
    @Inject
    IndicatorRepository indicators;
    @Inject
    Caller caller;
    @Inject
    IndicatorConfig config;

    Clock clock = Clock.systemUTC();

    /** Hard rules, the caller's rights and the soft checks for each submission, reading the database once per group. */
    List<Evaluated> evaluate(List<SubmissionRequest> requests, Map<Integer, List<Violation>> readProblems) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Map<String, IndicatorRule> rules = indicators.rules();
        Year currentYear = Year.now(clock);
        Set<String> codes = requests.stream().map(SubmissionRequest::zone).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, SubmissionRules.ZoneFacts> known = queries.zoneFacts(codes);
        Deadlines deadlines = new Deadlines(config.submissions().deadline(), ZoneId.of(config.submissions().deadlineZone()));

        List<Evaluated> firstPass = new ArrayList<>(requests.size());
        for (int index = 0; index < requests.size(); index++) {
            SubmissionRequest request = requests.get(index);
            Optional<SubmissionRules.ZoneFacts> zone = Optional.ofNullable(request.zone()).map(known::get);
            List<Violation> violations = new ArrayList<>(SubmissionRules.check(request, zone, rules, currentYear));
            violations.addAll(0, readProblems.getOrDefault(index, List.of()));
            boolean forbidden = zone.isPresent() && !caller.mayActFor(zone.get().province());
            if (forbidden) {
                violations.add(0, new Violation("zone", "forbidden",
                        Message.of("indicator.submission.forbidden-zone")));
            }
            OffsetDateTime receivedAt = now;
            if (request.receivedAt() != null) {
                if (!caller.isAdmin()) {
                    violations.add(new Violation("receivedAt", "not-allowed",
                            Message.of("indicator.received-at.not-allowed")));
                } else if (request.receivedAt().isAfter(now)) {
                    violations.add(new Violation("receivedAt", "in-future", Message.of("indicator.received-at.future")));
                } else if (request.receivedAt().getYear() < SubmissionRules.FIRST_PERIOD) {
                    violations.add(new Violation("receivedAt", "out-of-range",
                            Message.of("indicator.received-at.range", SubmissionRules.FIRST_PERIOD)));
                } else {
                    receivedAt = request.receivedAt().withOffsetSameInstant(ZoneOffset.UTC);
                }
            }
            boolean late = violations.isEmpty() && deadlines.isLate(request.period(), receivedAt);
            firstPass.add(new Evaluated(request, violations, forbidden, List.of(), late, receivedAt, caller.subject(),
                    caller.province().orElse(null)));
        }
        return withWarnings(firstPass, known, rules);
    }

    private List<Evaluated> withWarnings(List<Evaluated> items, Map<String, SubmissionRules.ZoneFacts> known,
                                         Map<String, IndicatorRule> rules) {
        Map<String, List<Evaluated>> byPeriod = items.stream().filter(Evaluated::accepted)
                .collect(Collectors.groupingBy(item -> item.request().period(), LinkedHashMap::new, Collectors.toList()));
        // by identity: a record's hashCode would hash the whole submission, all its values, on every lookup
        Map<Evaluated, List<Violation>> warnings = new IdentityHashMap<>();
        byPeriod.forEach((period, group) -> {
            Map<String, Map<String, Double>> previous = queries.newestValues(
                    group.stream().map(item -> item.request().zone()).collect(Collectors.toSet()),
                    String.valueOf(Integer.parseInt(period) - 1));
            group.stream().collect(Collectors.groupingBy(item -> known.get(item.request().zone()).type()))
                    .forEach((type, peers) -> {
                        // the group's stored values with this request's in place of (or besides) its zones' own
                        SubmissionQueries.PeerGroup stored = queries.peerGroup(period, type.name());
                        Map<String, Map<String, Double>> overlay = new HashMap<>();
                        for (Evaluated item : peers) {
                            for (SubmissionRequest.Value value : item.request().values()) {
                                overlay.computeIfAbsent(value.indicator(), code -> new HashMap<>())
                                        .put(item.request().zone(), value.value());
                            }
                        }
                        Map<String, Plausibility.PeerStats> stats = new HashMap<>();
                        overlay.forEach((code, byZone) -> {
                            IndicatorRule rule = rules.get(code);
                            Plausibility.PeerStats peerStats = rule == null ? null
                                    : stored.sample(code, Plausibility.logScale(rule)).with(byZone);
                            if (peerStats != null) {
                                stats.put(code, peerStats);
                            }
                        });
                        for (Evaluated item : peers) {
                            warnings.put(item, Plausibility.check(item.request(), rules,
                                    previous.getOrDefault(item.request().zone(), Map.of()), stats));
                        }
                    });
        });
        return items.stream().map(item -> !warnings.containsKey(item) ? item
                : new Evaluated(item.request(), item.violations(), item.forbidden(), warnings.get(item), item.late(),
                item.receivedAt(), item.submittedBy(), item.submitterProvince())).toList();
    }
}
