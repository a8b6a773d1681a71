package cn.etdz.evaluation.bench;

import cn.etdz.evaluation.scoring.PeerGroupData;
import cn.etdz.evaluation.scoring.Region;
import cn.etdz.evaluation.scoring.Zone;
import cn.etdz.evaluation.scoring.ZoneType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded synthetic ETDZ peer group for the benchmark: every zone reports all 27 raw indicators (the engine derives
 * the 13 others, 40 in all) for this and the previous year, sized around the plan's 2010 averages per zone, with 2 %
 * of values missing. Values are synthetic.
 */
final class SyntheticPeerGroup {

    private SyntheticPeerGroup() {
    }

    static PeerGroupData generate(int size, long seed) {
        Random random = new Random(seed);
        List<Zone> zones = new ArrayList<>(size);
        Map<String, Map<String, Double>> current = new HashMap<>();
        Map<String, Map<String, Double>> previous = new HashMap<>();
        for (int z = 0; z < size; z++) {
            String code = String.format("ZONE-%04d", z);
            zones.add(new Zone(code, ZoneType.ETDZ, Region.values()[random.nextInt(Region.values().length)]));
            Map<String, Double> values = zone(random);
            current.put(code, values);
            Map<String, Double> before = new HashMap<>();
            values.forEach((indicator, value) -> before.put(indicator, value / (1 + 0.05 + 0.15 * random.nextDouble())));
            previous.put(code, before);
            values.keySet().removeIf(indicator -> random.nextDouble() < 0.02);
        }
        return new PeerGroupData(zones, current, previous);
    }

    private static Map<String, Double> zone(Random random) {
        double gdp = 230 * Math.exp(random.nextGaussian());            // 亿元, 26 849 / 116 in 2010
        double indVa = gdp * between(random, 0.5, 0.8);
        double indOutput = indVa * between(random, 2.5, 4);
        double trade = gdp * between(random, 0.1, 0.4);                  // 亿美元
        double employees = gdp / between(random, 20, 45);                // 万人
        Map<String, Double> values = new HashMap<>();
        values.put("GDP", gdp);
        values.put("IND_VA", indVa);
        values.put("IND_OUTPUT", indOutput);
        values.put("SERV_VA", gdp * between(random, 0.15, 0.4));
        values.put("TAX", gdp * between(random, 0.1, 0.25));
        values.put("FDI", gdp * between(random, 0.005, 0.02));
        values.put("EXPORTS", trade * between(random, 0.4, 0.7));
        values.put("TRADE", trade);
        values.put("RD_EXP", gdp * between(random, 0.01, 0.05));
        values.put("HT_OUTPUT", indOutput * between(random, 0.2, 0.6));
        values.put("HT_TRADE", trade * between(random, 0.3, 0.8));
        values.put("RD_CENTERS", (double) random.nextInt(60));
        values.put("HT_FIRMS", (double) random.nextInt(400));
        values.put("GRADUATES", employees * between(random, 0.2, 0.5));
        values.put("ENERGY", gdp * between(random, 0.3, 0.7));           // 万吨标准煤
        values.put("SO2", gdp * between(random, 5, 40));                 // 吨
        values.put("COD", gdp * between(random, 2, 20));
        values.put("ISO14000", random.nextBoolean() ? 1.0 : 0.0);
        values.put("ECO_PARK", random.nextDouble() < 0.2 ? 1.0 : 0.0);
        values.put("EMPLOYEES", employees);
        values.put("SOCIAL_INS", between(random, 60, 100));
        values.put("SAFETY_ACC", (double) random.nextInt(3));
        values.put("LEGAL_BASIS", random.nextDouble() < 0.7 ? 1.0 : 0.0);
        values.put("ONE_STOP", random.nextDouble() < 0.8 ? 1.0 : 0.0);
        values.put("APPROVAL_DAYS", between(random, 3, 40));
        values.put("ONLINE_RATE", between(random, 20, 100));
        values.put("AREA_BUILT", gdp / between(random, 8, 25));          // km²
        return values;
    }

    private static double between(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
