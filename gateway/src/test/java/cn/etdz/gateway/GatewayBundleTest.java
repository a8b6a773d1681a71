package cn.etdz.gateway;

import cn.etdz.common.i18n.BundleCheck;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

class GatewayBundleTest {

    @Test
    void everyKeyOfTheGatewayBundleIsInBothLanguagesAndUsed() {
        BundleCheck.verify("gateway", Path.of("src/main/java"));
    }
}
