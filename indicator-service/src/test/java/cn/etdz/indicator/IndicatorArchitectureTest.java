package cn.etdz.indicator;

import cn.etdz.common.architecture.ServiceArchitectureTest;
import cn.etdz.indicator.submission.SubmissionResource;

/** No package cycles, resources over services over repositories: the shared rules, on the indicator service. */
class IndicatorArchitectureTest extends ServiceArchitectureTest {

    IndicatorArchitectureTest() {
        super("cn.etdz.indicator", SubmissionResource.class);
    }
}
