package cn.etdz.evaluation;

import cn.etdz.common.architecture.ServiceArchitectureTest;
import cn.etdz.evaluation.scores.ScoreResource;

/**
 * No package cycles, resources over services over repositories: the shared rules, on the evaluation service. The
 * scoring engine's own rule is {@code scoring.ScoringArchitectureTest}.
 */
class EvaluationArchitectureTest extends ServiceArchitectureTest {

    EvaluationArchitectureTest() {
        super("cn.etdz.evaluation", ScoreResource.class);
    }
}
