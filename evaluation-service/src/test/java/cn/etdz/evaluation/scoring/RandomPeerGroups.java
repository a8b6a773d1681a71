package cn.etdz.evaluation.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded random peer groups and methodologies for the property tests. */
final class RandomPeerGroups {

    private RandomPeerGroups() {
    }

    /** 1–40 zones with every raw indicator of the type: log-normal values, some missing, some zero, some tied. */
    static PeerGroupData peerGroup(Random random, ZoneType type) {
        int n = 1 + random.nextInt(40);
        List<Zone> zones = new ArrayList<>();
        Map<String, Map<String, Double>> values = new HashMap<>();
        Map<String, Map<String, Double>> previous = new HashMap<>();
        for (int z = 0; z < n; z++) {
            String code = String.format("Z%03d", z);
            zones.add(new Zone(code, type, Region.values()[random.nextInt(Region.values().length)]));
            values.put(code, new HashMap<>());
            previous.put(code, new HashMap<>());
        }
        for (String indicator : IndicatorCatalogue.PLAN.rawIndicators(type)) {
            for (Map<String, Map<String, Double>> period : List.of(values, previous)) {
                for (int z = 0; z < n; z++) {
                    Double value = value(random);
                    if (value != null && z > 0 && random.nextDouble() < 0.1) {
                        value = period.get(zones.get(random.nextInt(z)).code()).get(indicator); // a tie
                    }
                    if (value != null) {
                        period.get(zones.get(z).code()).put(indicator, value);
                    }
                }
            }
        }
        return new PeerGroupData(zones, values, previous);
    }

    private static Double value(Random random) {
        double u = random.nextDouble();
        if (u < 0.08) {
            return null;
        }
        if (u < 0.12) {
            return 0.0;
        }
        return Math.exp(3 + 1.5 * random.nextGaussian());
    }

    /**
     * Five pillars of 1–4 distinct raw indicators each, random weights, directions, normalisations (with valid
     * parameters), transforms and aggregations. Raw indicators only, so that a change of one input changes one column.
     */
    static Methodology methodology(Random random, ZoneType type) {
        List<String> pool = new ArrayList<>(IndicatorCatalogue.PLAN.rawIndicators(type));
        Collections.shuffle(pool, random);
        List<Pillar> pillars = new ArrayList<>();
        int next = 0;
        for (PillarCode code : PillarCode.values()) {
            List<IndicatorSpec> specs = new ArrayList<>();
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                specs.add(spec(random, pool.get(next++), anyOf(random, Normalisation.values())));
            }
            pillars.add(new Pillar(code, 0.5 + 3 * random.nextDouble(), anyOf(random, Aggregation.values()), specs));
        }
        return new Methodology("random", "1", type, anyOf(random, Aggregation.values()),
                anyOf(random, RegionGrouping.values()), pillars);
    }

    /** Like {@link #methodology} with every indicator min-max and no transform. */
    static Methodology minMaxMethodology(Random random, ZoneType type) {
        Methodology any = methodology(random, type);
        List<Pillar> pillars = new ArrayList<>();
        for (Pillar pillar : any.pillars()) {
            pillars.add(new Pillar(pillar.code(), pillar.weight(), pillar.aggregation(), pillar.indicators().stream()
                    .map(spec -> IndicatorSpec.minMax(spec.code(), spec.weight(), spec.direction()))
                    .toList()));
        }
        return new Methodology(any.id(), any.version(), type, any.compositeAggregation(), any.regionGrouping(),
                pillars);
    }

    private static IndicatorSpec spec(Random random, String code, Normalisation normalisation) {
        double weight = 0.5 + 2.5 * random.nextDouble();
        Direction direction = anyOf(random, Direction.values());
        double low = 100 * random.nextDouble();
        double high = low + 1 + 200 * random.nextDouble();
        return switch (normalisation) {
            case MINMAX -> random.nextBoolean() ? IndicatorSpec.logMinMax(code, weight, direction)
                    : IndicatorSpec.minMax(code, weight, direction);
            case GOALPOST -> IndicatorSpec.goalpost(code, weight, direction, low, high);
            case ZSCORE -> new IndicatorSpec(code, weight, direction,
                    random.nextBoolean() ? Transform.LOG : Transform.NONE, Normalisation.ZSCORE, Map.of());
            case TARGET -> IndicatorSpec.target(code, weight, direction, high);
            case EFFICACY -> direction == Direction.HIGHER
                    ? IndicatorSpec.efficacy(code, weight, direction, high, low)
                    : IndicatorSpec.efficacy(code, weight, direction, low, high);
            case RANK -> IndicatorSpec.rank(code, weight, direction);
        };
    }

    private static <T> T anyOf(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
