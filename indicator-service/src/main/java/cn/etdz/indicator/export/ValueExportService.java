package cn.etdz.indicator.export;

import cn.etdz.common.export.ExportFormat;
import cn.etdz.common.export.JsonRows;
import cn.etdz.common.export.Sdmx;
import cn.etdz.common.export.TableWriter;
import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.indicator.catalogue.IndicatorRepository;
import cn.etdz.indicator.security.Caller;
import cn.etdz.indicator.zone.ZoneEntity;
import cn.etdz.indicator.zone.ZoneRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Exports of indicator values. Everything a request can get wrong — an unknown zone or indicator, another province's
 * data asked for by a submitter — is checked before the first byte is written, so it is answered as a problem; the
 * rows are then written as they come from the database.
 */
@ApplicationScoped
public class ValueExportService {

    /** The formats of a values export; the first is the default. */
    public static final List<ExportFormat> FORMATS = List.of(ExportFormat.JSON, ExportFormat.CSV, ExportFormat.XLSX,
            ExportFormat.SDMX_CSV);

    private static final Pattern PROVINCE = Pattern.compile("\\d{6}");

    @Inject
    ZoneRepository zones;
    @Inject
    IndicatorRepository indicators;
    @Inject
    ValueExportRepository repository;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;

    /**
     * The filter of an export as the caller may read it: a submitter reads their own province only (403 for another
     * province or another province's zone), and every other filter of theirs is narrowed to it.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ValueFilter filter(String zoneType, String province, String zone, String indicator, String from, String to,
                              OffsetDateTime asOf) {
        if (province != null && !PROVINCE.matcher(province).matches()) {
            throw ProblemException.badRequest(Message.of("indicator.export.province-invalid"), List.of(new Violation("province",
                    "invalid-format", Message.of("indicator.zone.province"))));
        }
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw ProblemException.badRequest(Message.of("indicator.export.period-range-empty"), List.of(new Violation("from",
                    "out-of-range", Message.of("indicator.export.from-after-to"))));
        }
        if (province != null) {
            caller.requireProvince(province);
        }
        if (zone != null) {
            ZoneEntity found = zones.findByIdOptional(zone)
                    .orElseThrow(() -> ProblemException.notFound(Message.of("indicator.zone.unknown", zone)));
            caller.requireProvince(found.province);
        }
        if (indicator != null && indicators.findByIdOptional(indicator).isEmpty()) {
            throw ProblemException.notFound(Message.of("indicator.catalogue.unknown", indicator));
        }
        String readable = province != null || !caller.isProvincial() ? province : caller.province().orElseThrow(() ->
                ProblemException.forbidden(Message.of("indicator.forbidden.read-no-province")));
        return new ValueFilter(zoneType, readable, zone, indicator, from, to, asOf);
    }

    /** Writes the filter's values in the format, row by row as the database cursor delivers them. */
    public void write(ValueFilter filter, ExportFormat format, boolean bom, OutputStream out) throws IOException {
        switch (format) {
            case JSON -> {
                try (JsonRows rows = new JsonRows(json, out)) {
                    repository.stream(filter, rows::write);
                }
            }
            case CSV, XLSX -> {
                try (TableWriter table = format == ExportFormat.CSV ? TableWriter.csv(out, bom)
                        : TableWriter.xlsx(out, "开发区指标值")) {
                    table.row(ExportedValue.COLUMNS);
                    repository.stream(filter, value -> table.row(value.cells()));
                }
            }
            case SDMX_CSV -> {
                try (TableWriter table = TableWriter.csv(out, bom)) {
                    table.row(ExportedValue.SDMX_COLUMNS);
                    repository.stream(filter, value -> table.row(value.sdmxCells()));
                }
            }
            default -> throw new IllegalArgumentException("Values are not exported as " + format);
        }
    }

    /** The data structure definition of the SDMX-CSV export, as an SDMX-JSON 2.0 structure message. */
    public byte[] structure() {
        return STRUCTURE.clone();
    }

    private static final byte[] STRUCTURE = Sdmx.structure(ValueExportService.class, "/sdmx/zone-values-structure.json");
}
