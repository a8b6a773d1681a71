package cn.etdz.common.export;

import cn.etdz.common.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportFormatTest {

    private static final List<ExportFormat> ALL = List.of(ExportFormat.JSON, ExportFormat.CSV, ExportFormat.XLSX,
            ExportFormat.SDMX_CSV);

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "null     | null                                                              | JSON",
        "null     | */*                                                               | JSON",
        "null     | text/csv                                                          | CSV",
        "null     | text/*                                                            | CSV",
        "null     | application/vnd.openxmlformats-officedocument.spreadsheetml.sheet | XLSX",
        "null     | application/vnd.sdmx.data+csv; version=2.0.0                      | SDMX_CSV",
        "null     | application/json;q=0.5, text/csv                                  | CSV",
        "null     | text/csv;q=0.2, application/json                                  | JSON",
        "csv      | application/json                                                  | CSV",
        "XLSX     | null                                                              | XLSX",
        "sdmx-csv | text/csv                                                          | SDMX_CSV",
    })
    void theParameterWinsOverTheAcceptHeader(String format, String accept, ExportFormat expected) {
        assertThat(ExportFormat.choose(format, accept, ALL)).isEqualTo(expected);
    }

    @Test
    void anUnknownOrNotOfferedFormatIsABadRequestNamingTheOfferedOnes() {
        assertThatThrownBy(() -> ExportFormat.choose("pdf", null, ALL)).isInstanceOfSatisfying(ProblemException.class,
                e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().violations().get(0).message()).contains("json, csv, xlsx, sdmx-csv");
                });
        assertThatThrownBy(() -> ExportFormat.choose("sdmx-csv", null, List.of(ExportFormat.JSON, ExportFormat.CSV)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(400));
    }

    @Test
    void anAcceptHeaderAdmittingNothingOfferedIsNotAcceptable() {
        assertThatThrownBy(() -> ExportFormat.choose(null, "application/pdf, text/csv;q=0", ALL))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(406));
    }
}
