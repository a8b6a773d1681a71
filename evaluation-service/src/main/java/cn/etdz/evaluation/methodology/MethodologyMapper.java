package cn.etdz.evaluation.methodology;

import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.Violation;
import cn.etdz.evaluation.scoring.Aggregation;
import cn.etdz.evaluation.scoring.Direction;
import cn.etdz.evaluation.scoring.Imputation;
import cn.etdz.evaluation.scoring.IndicatorCatalogue;
import cn.etdz.evaluation.scoring.IndicatorSpec;
import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.MethodologyValidator;
import cn.etdz.evaluation.scoring.Normalisation;
import cn.etdz.evaluation.scoring.Pillar;
import cn.etdz.evaluation.scoring.PillarCode;
import cn.etdz.evaluation.scoring.RegionGrouping;
import cn.etdz.evaluation.scoring.Transform;
import cn.etdz.evaluation.scoring.ZeroRule;
import cn.etdz.evaluation.scoring.ZeroRuleType;
import cn.etdz.evaluation.scoring.ZoneType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a {@link MethodologyRequest} into the engine's {@link Methodology}, collecting every problem: names that are
 * not one of an enumeration's values here, everything else from {@link MethodologyValidator}.
 */
public final class MethodologyMapper {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-zA-Z0-9-]{1,59}");

    /** The methodology, or the violations that keep it from being used (then the methodology is {@code null}). */
    public record Mapped(Methodology methodology, List<Violation> violations) {
    }

    private MethodologyMapper() {
    }

    /** The methodology checked whole, its indicator codes against the catalogue. */
    public static Mapped map(MethodologyRequest request, String version, IndicatorCatalogue catalogue) {
        List<Violation> violations = new ArrayList<>();
        if (request == null) {
            return new Mapped(null, List.of(new Violation("", "required", Message.of("evaluation.methodology.required"))));
        }
        if (request.id() != null && !ID.matcher(request.id()).matches()) {
            violations.add(new Violation("id", "invalid-format",
                    Message.of("evaluation.methodology.id-format")));
        }
        ZoneType zoneType = parse(ZoneType.class, request.zoneType(), "zoneType", violations, true);
        Aggregation composite = parse(Aggregation.class, request.compositeAggregation(), "compositeAggregation",
                violations, false);
        RegionGrouping grouping = request.regionGrouping() == null ? RegionGrouping.PLAN_GROUPS
                : parse(RegionGrouping.class, request.regionGrouping(), "regionGrouping", violations, true);
        List<Pillar> pillars = new ArrayList<>();
        List<MethodologyRequest.PillarRequest> pillarRequests = request.pillars() == null ? List.of() : request.pillars();
        for (int p = 0; p < pillarRequests.size(); p++) {
            MethodologyRequest.PillarRequest pillar = pillarRequests.get(p);
            String field = "pillars[" + p + "]";
            if (pillar == null) {
                pillars.add(null);
                continue;
            }
            List<IndicatorSpec> indicators = new ArrayList<>();
            List<MethodologyRequest.IndicatorRequest> indicatorRequests =
                    pillar.indicators() == null ? List.of() : pillar.indicators();
            for (int i = 0; i < indicatorRequests.size(); i++) {
                MethodologyRequest.IndicatorRequest indicator = indicatorRequests.get(i);
                String at = field + ".indicators[" + i + "]";
                if (indicator == null) {
                    indicators.add(null);
                    continue;
                }
                indicators.add(new IndicatorSpec(indicator.code(), weight(indicator.weight()),
                        parse(Direction.class, indicator.direction(), at + ".direction", violations, true),
                        indicator.transform() == null ? Transform.NONE
                                : parse(Transform.class, indicator.transform(), at + ".transform", violations, true),
                        parse(Normalisation.class, indicator.normalisation(), at + ".normalisation", violations, true),
                        indicator.parameters()));
            }
            pillars.add(new Pillar(parse(PillarCode.class, pillar.code(), field + ".code", violations, true),
                    weight(pillar.weight()),
                    parse(Aggregation.class, pillar.aggregation(), field + ".aggregation", violations, false),
                    indicators));
        }
        ZeroRule zeroRule = request.zeroRule() == null ? null
                : new ZeroRule(parse(ZeroRuleType.class, request.zeroRule().type(), "zeroRule.type", violations, true),
                        request.zeroRule().value());
        Imputation imputation = parse(Imputation.class, request.imputation(), "imputation", violations, false);
        Methodology methodology = new Methodology(request.id(), version, zoneType, composite, grouping, pillars,
                zeroRule, imputation);
        // the validator reports what is missing; an unparseable value is already reported above (as a null the
        // validator would call missing)
        java.util.Set<String> unparseable = new java.util.HashSet<>();
        violations.forEach(v -> unparseable.add(v.field()));
        for (var problem : MethodologyValidator.validate(methodology, catalogue)) {
            if (!unparseable.contains(problem.field())) {
                violations.add(new Violation(problem.field(), problem.code(), new Message(problem.key(), problem.args())));
            }
        }
        return new Mapped(violations.isEmpty() ? methodology : null, violations);
    }

    private static double weight(Double weight) {
        return weight == null ? Double.NaN : weight;
    }

    /**
     * The enumeration value named by text (case-insensitive); {@code null} when absent (reported by the validator) or
     * unknown (reported here). Optional values default to their enumeration's first (ARITHMETIC, NONE) when absent.
     */
    private static <E extends Enum<E>> E parse(Class<E> type, String text, String field, List<Violation> violations,
                                               boolean required) {
        if (text == null || text.isBlank()) {
            return required ? null : type.getEnumConstants()[0];
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "unknown-value", Message.of("evaluation.methodology.unknown-value", text,
                    Arrays.toString(type.getEnumConstants()))));
            return null;
        }
    }
}
