package cn.etdz.gateway.request;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @ParameterizedTest
    @ValueSource(strings = {"req-123", "a", "2026-11-30T14:05:38.123Z:batch_7", "ABC.def-0"})
    void theCallersIdIsKeptWhenLogsAndProblemsCanCarryIt(String given) {
        assertThat(RequestId.accept(given)).isEqualTo(given);
    }

    @Test
    void anIdOfUpTo128CharactersIsKeptAndALongerOneReplaced() {
        assertThat(RequestId.accept("x".repeat(128))).isEqualTo("x".repeat(128));
        assertThat(RequestId.accept("x".repeat(129))).matches(UUID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "line\nbreak", "quote\"", "<script>", "semi;colon", "路径"})
    void aMissingOrUnsafeIdIsReplacedByANewUuid(String given) {
        assertThat(RequestId.accept(given)).matches(UUID);
    }

    @Test
    void everyGeneratedIdIsNew() {
        assertThat(RequestId.accept(null)).isNotEqualTo(RequestId.accept(null));
    }
}
