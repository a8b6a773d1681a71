package cn.etdz.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The deterministic synthetic data set the local run loads: the zones of {@code demo/zones.txt} (real names and
 * provinces) with values for 2010–2015 that are <b>all synthetic</b>. Zone sizes are drawn from a log-normal law;
 * the 2010 values of each indicator the plan gives a baseline for add up exactly to that baseline per zone type; later
 * years grow around the plan's annual targets (GDP, FDI, tax), the service share and high-tech share move towards the
 * plan's 2015 targets and energy intensity falls about 3 % a year. A few submissions arrive after the deadline, two
 * carry implausible values (a tenfold GDP typing error, later corrected by a second revision, and a collapsed tax
 * figure) so that the warnings, revisions and timeliness reports have something to show.
 */
public final class DemoDataSet {

    /** The seed of the data set the local run loads. */
    public static final long DEMO_SEED = 2012;
    public static final int FIRST_YEAR = 2010;
    public static final int LAST_YEAR = 2015;

    /** A zone of the registry. */
    public record Zone(String type, String province, String code, String name, String nameEn, LocalDate approvedOn) {
    }

    /** One zone-period as a province's system sends it; {@code receivedAt} decides whether it was late. */
    public record Submission(String zone, String period, Map<String, Double> values, OffsetDateTime receivedAt,
                             String note) {
    }

    /** The plan's 2010 baselines (亿元 / 亿美元 / 万人) that the generated 2010 values add up to, per zone type. */
    static final Map<String, Map<String, Double>> BASELINES_2010 = Map.of(
            "ETDZ", Map.of("GDP", 26_849.0, "IND_VA", 18_661.0, "SERV_VA", 6_405.0, "TAX", 4_650.0,
                    "EXPORTS", 2_536.0, "FDI", 305.0, "TRADE", 4_900.0, "HT_TRADE", 2_915.0, "HT_OUTPUT", 33_922.0,
                    "EMPLOYEES", 920.0),
            "BECZ", Map.of("GDP", 390.0, "IND_VA", 145.0, "IND_OUTPUT", 455.0, "TAX", 41.0, "EXPORTS", 50.0,
                    "TRADE", 95.0, "FDI", 4.1));

    /** The plan's annual growth targets 2011–2015 (GDP, FDI, tax), per zone type. */
    static final Map<String, double[]> GROWTH = Map.of("ETDZ", new double[]{0.15, 0.09, 0.18},
            "BECZ", new double[]{0.20, 0.14, 0.17});

    private final List<Zone> zones;
    private final List<Submission> submissions = new ArrayList<>();
    private final List<Submission> corrections = new ArrayList<>();

    private DemoDataSet(List<Zone> zones) {
        this.zones = zones;
    }

    public List<Zone> zones() {
        return zones;
    }

    /** First submissions of every zone and year, in year order. */
    public List<Submission> submissions() {
        return submissions;
    }

    /** Later revisions correcting earlier submissions. */
    public List<Submission> corrections() {
        return corrections;
    }

    public List<String> provinces() {
        return zones.stream().map(Zone::province).distinct().sorted().toList();
    }

    /** The data set for a seed; the same seed always gives the same data. */
    public static DemoDataSet generate(long seed) {
        Random random = new Random(seed);
        List<Zone> zones = readZones(random);
        DemoDataSet data = new DemoDataSet(zones);
        for (String type : List.of("ETDZ", "BECZ")) {
            List<Zone> ofType = zones.stream().filter(z -> z.type().equals(type)).toList();
            data.generate(type, ofType, random);
        }
        data.submissions.sort(java.util.Comparator.comparing(Submission::period));
        return data;
    }

    private void generate(String type, List<Zone> ofType, Random random) {
        boolean border = type.equals("BECZ");
        int n = ofType.size();
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            size[i] = Math.exp(random.nextGaussian() * 0.8);
        }
        // Per-zone structure, drawn once and kept over the years.
        double[] industryShare = draw(random, n, 0.50, 0.80);
        double[] serviceShare = new double[n];
        for (int i = 0; i < n; i++) {
            serviceShare[i] = (1 - industryShare[i]) * (0.55 + 0.4 * random.nextDouble());
        }
        double[] taxRate = draw(random, n, 0.12, 0.22);
        double[] tradeRate = draw(random, n, 0.12, 0.30);
        double[] exportShare = draw(random, n, 0.40, 0.62);
        double[] htTradeShare = draw(random, n, 0.35, 0.75);
        double[] fdiRate = draw(random, n, 0.008, 0.016);
        double[] outputPerVa = draw(random, n, 3.2, 4.6);
        double[] htOutputShare = draw(random, n, 0.25, 0.60);
        double[] workersPerGdp = draw(random, n, 0.025, 0.045);
        double[] graduateShare = draw(random, n, 0.22, 0.46);
        double[] energyIntensity = draw(random, n, 0.30, 0.66);
        double[] gdpPerKm2 = draw(random, n, 6, 22);
        double[] rdIntensity = draw(random, n, 0.015, 0.045);
        double[] so2PerGdp = draw(random, n, 2, 10);
        double[] codPerGdp = draw(random, n, 1, 5);
        double[] borderShare = draw(random, n, 0.35, 0.65);
        double[] socialInsurance = draw(random, n, 78, 93);
        double[] approvalDays = draw(random, n, 20, 45);
        double[] onlineRate = draw(random, n, 25, 40);

        Map<String, double[]> year = new LinkedHashMap<>();
        year.put("GDP", size.clone());
        scaleTo(year.get("GDP"), border ? 390.0 : 26_849.0);
        double[] gdp = year.get("GDP");
        year.put("IND_VA", times(gdp, industryShare));
        year.put("SERV_VA", times(gdp, serviceShare));
        year.put("IND_OUTPUT", times(year.get("IND_VA"), outputPerVa));
        year.put("TAX", times(gdp, taxRate));
        year.put("TRADE", times(gdp, tradeRate));
        year.put("EXPORTS", times(year.get("TRADE"), exportShare));
        year.put("HT_TRADE", times(year.get("TRADE"), htTradeShare));
        year.put("FDI", times(gdp, fdiRate));
        year.put("HT_OUTPUT", times(year.get("IND_OUTPUT"), htOutputShare));
        year.put("EMPLOYEES", times(gdp, workersPerGdp));
        for (var baseline : BASELINES_2010.get(type).entrySet()) {
            scaleTo(year.get(baseline.getKey()), baseline.getValue());
        }

        double[] growth = GROWTH.get(type);
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            if (y > FIRST_YEAR) {
                for (int i = 0; i < n; i++) {
                    double g = growth[0] + random.nextGaussian() * 0.05;
                    year.get("GDP")[i] *= 1 + g;
                    year.get("IND_VA")[i] *= 1 + g - 0.02;
                    year.get("SERV_VA")[i] *= 1 + g + 0.05;
                    year.get("IND_OUTPUT")[i] *= 1 + g - 0.02;
                    year.get("HT_OUTPUT")[i] *= 1 + g + 0.01;
                    year.get("TAX")[i] *= 1 + growth[2] + random.nextGaussian() * 0.05;
                    year.get("FDI")[i] *= 1 + growth[1] + random.nextGaussian() * 0.08;
                    double t = 1 + g * 0.8 + random.nextGaussian() * 0.04;
                    year.get("TRADE")[i] *= t;
                    year.get("EXPORTS")[i] *= t;
                    year.get("HT_TRADE")[i] *= t + 0.01;
                    year.get("EMPLOYEES")[i] *= 1 + g * 0.45;
                    energyIntensity[i] *= 0.97;
                    graduateShare[i] = Math.min(0.7, graduateShare[i] * 1.03);
                }
            }
            int t = y - FIRST_YEAR;
            for (int i = 0; i < n; i++) {
                Zone zone = ofType.get(i);
                Map<String, Double> values = new LinkedHashMap<>();
                double zoneGdp = year.get("GDP")[i];
                double industry = Math.min(year.get("IND_VA")[i], zoneGdp * 0.9);
                double services = Math.min(year.get("SERV_VA")[i], zoneGdp - industry);
                double output = Math.max(year.get("IND_OUTPUT")[i], industry);
                double trade = year.get("TRADE")[i];
                double workers = year.get("EMPLOYEES")[i];
                values.put("GDP", round(zoneGdp));
                values.put("IND_VA", round(industry));
                values.put("IND_OUTPUT", round(output));
                values.put("SERV_VA", round(services));
                values.put("TAX", round(year.get("TAX")[i]));
                values.put("FDI", round(year.get("FDI")[i]));
                values.put("EXPORTS", round(Math.min(year.get("EXPORTS")[i], trade)));
                values.put("TRADE", round(trade));
                if (border) {
                    values.put("BORDER_TRADE", round(trade * borderShare[i]));
                    values.put("PORT_THROUGHPUT", round(50 + 400 * size[i] / (1 + size[i]) * (1 + 0.08 * t)));
                }
                values.put("RD_EXP", round(zoneGdp * rdIntensity[i] * (1 + 0.04 * t)));
                values.put("HT_OUTPUT", round(Math.min(year.get("HT_OUTPUT")[i], output)));
                values.put("HT_TRADE", round(Math.min(year.get("HT_TRADE")[i], trade)));
                values.put("RD_CENTERS", (double) Math.round(size[i] * 20 * (1 + 0.1 * t)));
                values.put("HT_FIRMS", (double) Math.round(size[i] * 60 * (1 + 0.12 * t)));
                values.put("GRADUATES", round(Math.min(workers * graduateShare[i], workers)));
                values.put("ENERGY", round(zoneGdp * energyIntensity[i]));
                values.put("SO2", round(zoneGdp * so2PerGdp[i] * Math.pow(0.95, t)));
                values.put("COD", round(zoneGdp * codPerGdp[i] * Math.pow(0.95, t)));
                values.put("ISO14000", random.nextDouble() < 0.55 + 0.06 * t ? 1.0 : 0.0);
                values.put("ECO_PARK", random.nextDouble() < 0.08 + 0.03 * t ? 1.0 : 0.0);
                values.put("EMPLOYEES", round(workers));
                values.put("SOCIAL_INS", round(Math.min(100, socialInsurance[i] + t + random.nextDouble())));
                values.put("SAFETY_ACC", (double) (random.nextDouble() < 0.15 ? 1 + random.nextInt(2) : 0));
                values.put("LEGAL_BASIS", random.nextDouble() < 0.6 + 0.04 * t ? 1.0 : 0.0);
                values.put("ONE_STOP", random.nextDouble() < 0.75 + 0.04 * t ? 1.0 : 0.0);
                values.put("APPROVAL_DAYS", round(Math.max(3, approvalDays[i] * Math.pow(0.92, t) + random.nextGaussian())));
                values.put("ONLINE_RATE", round(Math.min(100, onlineRate[i] + 9 * t + 2 * random.nextDouble())));
                values.put("AREA_BUILT", round(zoneGdp / gdpPerKm2[i] / Math.pow(1.08, t)));
                submissions.add(new Submission(zone.code(), String.valueOf(y), values, receivedAt(y, random), null));
            }
        }
        matchBaselines(type, ofType);
        plantImplausibleValues(type);
    }

    /** Puts the rounding remainder of each baselined 2010 total on the largest zone, so the totals are exact. */
    private void matchBaselines(String type, List<Zone> ofType) {
        List<String> codes = ofType.stream().map(Zone::code).toList();
        List<Submission> first = submissions.stream()
                .filter(s -> s.period().equals(String.valueOf(FIRST_YEAR)) && codes.contains(s.zone())).toList();
        for (var baseline : BASELINES_2010.get(type).entrySet()) {
            String indicator = baseline.getKey();
            BigDecimal sum = first.stream().map(s -> BigDecimal.valueOf(s.values().get(indicator)))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal remainder = BigDecimal.valueOf(baseline.getValue()).subtract(sum);
            Submission largest = first.stream()
                    .max(java.util.Comparator.comparingDouble(s -> s.values().get(indicator))).orElseThrow();
            largest.values().put(indicator,
                    BigDecimal.valueOf(largest.values().get(indicator)).add(remainder).doubleValue());
        }
    }

    /** Two typing errors, so warnings show; the GDP one is corrected by a second revision later. */
    private void plantImplausibleValues(String type) {
        List<Submission> ofType = submissions.stream()
                .filter(s -> zones.stream().anyMatch(z -> z.code().equals(s.zone()) && z.type().equals(type)))
                .toList();
        Submission gdpError = ofType.stream().filter(s -> s.period().equals("2013")).skip(3).findFirst().orElseThrow();
        Submission taxError = ofType.stream().filter(s -> s.period().equals("2014")).skip(5).findFirst().orElseThrow();
        Map<String, Double> tenfold = new LinkedHashMap<>(gdpError.values());
        tenfold.put("GDP", round(tenfold.get("GDP") * 10));
        replace(gdpError, new Submission(gdpError.zone(), gdpError.period(), tenfold, gdpError.receivedAt(),
                "GDP keyed in 10× too large"));
        corrections.add(new Submission(gdpError.zone(), gdpError.period(), gdpError.values(),
                gdpError.receivedAt().plusDays(20), "correction of the GDP typing error"));
        Map<String, Double> collapsed = new LinkedHashMap<>(taxError.values());
        collapsed.put("TAX", round(collapsed.get("TAX") * 0.3));
        replace(taxError, new Submission(taxError.zone(), taxError.period(), collapsed, taxError.receivedAt(),
                "tax revenue collapsed"));
    }

    private void replace(Submission original, Submission replacement) {
        submissions.set(submissions.indexOf(original), replacement);
    }

    /** Mostly in February and March of the next year; about one in twenty after the 31 March deadline. */
    private static OffsetDateTime receivedAt(int year, Random random) {
        boolean late = random.nextDouble() < 0.05;
        LocalDate day = late ? LocalDate.of(year + 1, 4, 1).plusDays(random.nextInt(60))
                : LocalDate.of(year + 1, 2, 1).plusDays(random.nextInt(59));
        return day.atTime(9 + random.nextInt(8), random.nextInt(60)).atOffset(ZoneOffset.ofHours(8));
    }

    private static List<Zone> readZones(Random random) {
        try (InputStream in = DemoDataSet.class.getResourceAsStream("/demo/zones.txt")) {
            if (in == null) {
                throw new IllegalStateException("demo/zones.txt is missing from the classpath");
            }
            List<Zone> zones = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|");
                zones.add(new Zone(f[0], f[1], f[2], f[3], f[4],
                        LocalDate.of(1984 + random.nextInt(24), 1 + random.nextInt(12), 1 + random.nextInt(28))));
            }
            return zones;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] draw(Random random, int n, double low, double high) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = low + (high - low) * random.nextDouble();
        }
        return values;
    }

    private static double[] times(double[] a, double[] b) {
        double[] product = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            product[i] = a[i] * b[i];
        }
        return product;
    }

    private static void scaleTo(double[] values, double total) {
        double sum = java.util.Arrays.stream(values).sum();
        for (int i = 0; i < values.length; i++) {
            values[i] *= total / sum;
        }
    }

    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Sum of an indicator's values over the first submissions of a type and year (for checks and docs). */
    public double total(String type, String period, String indicator) {
        return submissions.stream()
                .filter(s -> s.period().equals(period))
                .filter(s -> zones.stream().anyMatch(z -> z.code().equals(s.zone()) && z.type().equals(type)))
                .mapToDouble(s -> s.values().getOrDefault(indicator, 0.0))
                .sum();
    }
}
