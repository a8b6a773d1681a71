package cn.etdz.common.problem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableMapperTest {

    @ParameterizedTest(name = "{0} / {1} -> unavailable {2}")
    @CsvSource(nullValues = "null", value = {
            "08001, 'Connection to localhost:5432 refused.', true",
            "08006, 'An I/O error occurred while sending to the backend.', true",
            "57P01, 'terminating connection due to administrator command', true",
            "57P03, 'the database system is starting up', true",
            "null, 'Sorry, acquisition timeout!', true",
            "22021, 'invalid byte sequence for encoding \"UTF8\": 0x00', false",
            "23505, 'duplicate key value violates unique constraint', false",
            "null, 'something else', false"})
    void onlyALostOrRefusedConnectionCountsAsTheDatabaseBeingUnavailable(String state, String message,
                                                                          boolean unavailable) {
        // wrapped as Hibernate and the transaction interceptor wrap it
        RuntimeException thrown = new IllegalStateException("could not execute statement",
                new RuntimeException("JDBC exception", new SQLException(message, state)));
        assertThat(DatabaseUnavailableMapper.isDatabaseUnavailable(thrown)).isEqualTo(unavailable);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"08001, 503", "23505, 500"})
    void answersA503ProblemWithRetryAfterOrTheUsual500(String state, int status) {
        var response = new DatabaseUnavailableMapper().toResponse(
                new RuntimeException(new SQLException("failed", state)));
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(status == 503 ? "5" : null);
        assertThat(((Problem) response.getEntity()).status()).isEqualTo(status);
    }
}
