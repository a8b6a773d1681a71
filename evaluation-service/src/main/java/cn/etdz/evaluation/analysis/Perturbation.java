package cn.etdz.evaluation.analysis;

import cn.etdz.evaluation.scoring.Aggregation;
import cn.etdz.evaluation.scoring.Imputation;
import cn.etdz.evaluation.scoring.IndicatorSpec;
import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.Normalisation;
import cn.etdz.evaluation.scoring.MethodologyNode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the methodology of one replication from the nominal one and one uniform number in [0, 1) per uncertain
 * input. Discrete choices take alternative {@code floor(u × count)}; weight noise seeds a generator with {@code u},
 * so the same {@code u} always gives the same weights — what the sensitivity analysis needs when it keeps one input's
 * draw and changes the others'. The only place that knows the methodology's shape. On a tree, "pillar" weights and
 * aggregations are those of every node, drawn depth first; indicators may be left out of any node with two or more.
 */
public final class Perturbation {

    private final Methodology nominal;
    private final UncertainInputs inputs;
    private final List<UncertainInput> active;
    /** Nodes of the tree, depth first: the order of their weight factors. */
    private final int nodeCount;
    /** Indicators that may be left out: those of nodes with at least two, as (node, indicator) positions. */
    private final List<int[]> removable = new ArrayList<>();

    public Perturbation(Methodology nominal, UncertainInputs inputs) {
        this.nominal = nominal;
        this.inputs = inputs;
        this.active = inputs.active();
        this.nodeCount = count(nominal.tree(), 0);
    }

    /** Numbers the nodes depth first from {@code next}, noting their removable indicators; returns the next number. */
    private int count(List<MethodologyNode> nodes, int next) {
        int n = next;
        for (MethodologyNode node : nodes) {
            int size = node.indicators().size();
            for (int i = 0; size > 1 && i < size; i++) {
                removable.add(new int[] {n, i});
            }
            n = count(node.nodes(), n + 1);
        }
        return n;
    }

    /** The draws of one replication, read while the tree is rebuilt depth first. */
    private record Draws(double[] nodeFactors, SplittableRandom indicatorNoise, Normalisation normalisation,
                         Aggregation nodeAggregation, int[] leftOut) {
    }

    /** The factors, in the order {@link #methodology(double[])} reads them. */
    public List<UncertainInput> factors() {
        return active;
    }

    /** The methodology of one replication; {@code u[k]} drives {@code factors().get(k)}. */
    public Methodology methodology(double[] u) {
        double[] pillarFactors = new double[nodeCount];
        java.util.Arrays.fill(pillarFactors, 1);
        SplittableRandom indicatorNoise = null;
        Normalisation normalisation = null;
        Aggregation pillarAggregation = null;
        Aggregation compositeAggregation = nominal.compositeAggregation();
        int[] leftOut = null;
        Imputation imputation = nominal.imputation();
        for (int k = 0; k < active.size(); k++) {
            switch (active.get(k)) {
                case PILLAR_WEIGHTS -> {
                    SplittableRandom noise = noise(u[k]);
                    for (int p = 0; p < pillarFactors.length; p++) {
                        pillarFactors[p] = factor(noise, inputs.pillarWeightNoise());
                    }
                }
                case INDICATOR_WEIGHTS -> indicatorNoise = noise(u[k]);
                case NORMALISATION -> normalisation = pick(inputs.normalisations(), u[k]);
                case PILLAR_AGGREGATION -> pillarAggregation = pick(inputs.pillarAggregations(), u[k]);
                case COMPOSITE_AGGREGATION -> compositeAggregation = pick(inputs.compositeAggregations(), u[k]);
                case LEFT_OUT_INDICATOR -> {
                    int choice = (int) Math.min(removable.size(), Math.floor(u[k] * (removable.size() + 1)));
                    leftOut = choice == 0 ? null : removable.get(choice - 1);
                }
                case IMPUTATION -> imputation = pick(inputs.imputations(), u[k]);
            }
        }
        Draws draws = new Draws(pillarFactors, indicatorNoise, normalisation, pillarAggregation, leftOut);
        return new Methodology(nominal.id(), nominal.version(), nominal.zoneType(), compositeAggregation,
                nominal.regionGrouping(), List.of(), nominal.zeroRule(), imputation,
                rebuild(nominal.tree(), new int[] {0}, draws), nominal.flagRules());
    }

    /** The nodes of one replication; {@code next[0]} is the depth-first number of the first of them. */
    private List<MethodologyNode> rebuild(List<MethodologyNode> nodes, int[] next, Draws draws) {
        List<MethodologyNode> rebuilt = new ArrayList<>(nodes.size());
        for (MethodologyNode node : nodes) {
            int n = next[0]++;
            List<IndicatorSpec> indicators = new ArrayList<>(node.indicators().size());
            for (int i = 0; i < node.indicators().size(); i++) {
                IndicatorSpec spec = node.indicators().get(i);
                // drawn for every indicator, left out or not, so one left out does not shift the others' noise
                double weightFactor = draws.indicatorNoise() == null ? 1
                        : factor(draws.indicatorNoise(), inputs.indicatorWeightNoise());
                if (draws.leftOut() != null && draws.leftOut()[0] == n && draws.leftOut()[1] == i) {
                    continue;
                }
                Normalisation chosen = draws.normalisation() != null && spec.normalisation().peerRelative()
                        ? draws.normalisation() : spec.normalisation();
                indicators.add(new IndicatorSpec(spec.code(), spec.weight() * weightFactor, spec.direction(),
                        spec.transform(), chosen, chosen == spec.normalisation() ? spec.parameters() : null));
            }
            List<MethodologyNode> children = rebuild(node.nodes(), next, draws);
            rebuilt.add(new MethodologyNode(node.code(), node.name(), node.nameEn(), node.weight() * draws.nodeFactors()[n],
                    draws.nodeAggregation() == null ? node.aggregation() : draws.nodeAggregation(), children,
                    indicators));
        }
        return rebuilt;
    }

    private static SplittableRandom noise(double u) {
        return new SplittableRandom(Double.doubleToLongBits(u));
    }

    private static double factor(SplittableRandom noise, double epsilon) {
        return 1 - epsilon + 2 * epsilon * noise.nextDouble();
    }

    private static <T> T pick(List<T> alternatives, double u) {
        return alternatives.get((int) Math.min(alternatives.size() - 1, Math.floor(u * alternatives.size())));
    }
}
