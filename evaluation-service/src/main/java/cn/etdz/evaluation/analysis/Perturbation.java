package cn.etdz.evaluation.analysis;

import cn.etdz.evaluation.scoring.Aggregation;
import cn.etdz.evaluation.scoring.Imputation;
import cn.etdz.evaluation.scoring.IndicatorSpec;
import cn.etdz.evaluation.scoring.Methodology;
import cn.etdz.evaluation.scoring.Normalisation;
import cn.etdz.evaluation.scoring.Pillar;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the methodology of one replication from the nominal one and one uniform number in [0, 1) per uncertain
 * input. Discrete choices take alternative {@code floor(u × count)}; weight noise seeds a generator with {@code u},
 * so the same {@code u} always gives the same weights — what the sensitivity analysis needs when it keeps one input's
 * draw and changes the others'. The only place that knows the methodology's shape.
 */
public final class Perturbation {

    private final Methodology nominal;
    private final UncertainInputs inputs;
    private final List<UncertainInput> active;
    /** Indicators that may be left out: those of pillars with at least two, as (pillar, indicator) positions. */
    private final List<int[]> removable = new ArrayList<>();

    public Perturbation(Methodology nominal, UncertainInputs inputs) {
        this.nominal = nominal;
        this.inputs = inputs;
        this.active = inputs.active();
        for (int p = 0; p < nominal.pillars().size(); p++) {
            int size = nominal.pillars().get(p).indicators().size();
            for (int i = 0; size > 1 && i < size; i++) {
                removable.add(new int[] {p, i});
            }
        }
    }

    /** The factors, in the order {@link #methodology(double[])} reads them. */
    public List<UncertainInput> factors() {
        return active;
    }

    /** The methodology of one replication; {@code u[k]} drives {@code factors().get(k)}. */
    public Methodology methodology(double[] u) {
        double[] pillarFactors = new double[nominal.pillars().size()];
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
        List<Pillar> pillars = new ArrayList<>(nominal.pillars().size());
        for (int p = 0; p < nominal.pillars().size(); p++) {
            Pillar pillar = nominal.pillars().get(p);
            List<IndicatorSpec> indicators = new ArrayList<>(pillar.indicators().size());
            for (int i = 0; i < pillar.indicators().size(); i++) {
                IndicatorSpec spec = pillar.indicators().get(i);
                // drawn for every indicator, left out or not, so one left out does not shift the others' noise
                double weightFactor = indicatorNoise == null ? 1 : factor(indicatorNoise, inputs.indicatorWeightNoise());
                if (leftOut != null && leftOut[0] == p && leftOut[1] == i) {
                    continue;
                }
                Normalisation chosen = normalisation != null && spec.normalisation().peerRelative()
                        ? normalisation : spec.normalisation();
                indicators.add(new IndicatorSpec(spec.code(), spec.weight() * weightFactor, spec.direction(),
                        spec.transform(), chosen, chosen == spec.normalisation() ? spec.parameters() : null));
            }
            pillars.add(new Pillar(pillar.code(), pillar.weight() * pillarFactors[p],
                    pillarAggregation == null ? pillar.aggregation() : pillarAggregation, indicators));
        }
        return new Methodology(nominal.id(), nominal.version(), nominal.zoneType(), compositeAggregation,
                nominal.regionGrouping(), pillars, nominal.zeroRule(), imputation);
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
