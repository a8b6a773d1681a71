package cn.etdz.evaluation.scores;

import cn.etdz.common.export.ExportFormat;
import cn.etdz.common.export.JsonRows;
import cn.etdz.common.export.TableWriter;
import cn.etdz.evaluation.snapshot.Basis;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** Exports of a peer group's ranking: the rows of {@code getRanking}, all pages at once, as JSON, CSV or XLSX. */
@ApplicationScoped
public class RankingExportService {

    /** The formats of a ranking export; the first is the default. */
    public static final List<ExportFormat> FORMATS = List.of(ExportFormat.JSON, ExportFormat.CSV, ExportFormat.XLSX);

    /** The columns of CSV and XLSX: the JSON properties of a ranking row, the pillars flattened. */
    static final List<String> COLUMNS = List.of("zone", "name", "zoneType", "province", "region", "regionGroup", "period",
            "composite", "economy", "innovation", "environment", "society", "institutions", "nationalRank", "regionRank",
            "coverage", "ranked", "flags", "revision", "snapshotId", "methodology", "computedAt", "basis");

    @Inject
    ScoreService scores;
    @Inject
    ObjectMapper json;

    /** The rows to export; unknown peer groups and periods are answered 404 before anything is written. */
    public List<ScoreView> rows(String period, String zoneType, String region, String province, OffsetDateTime asOf,
                                Basis basis) {
        return scores.rankingRows(period, zoneType, region, province, asOf, basis);
    }

    public void write(List<ScoreView> rows, ExportFormat format, boolean bom, OutputStream out) throws IOException {
        if (format == ExportFormat.JSON) {
            try (JsonRows json = new JsonRows(this.json, out)) {
                for (ScoreView row : rows) {
                    json.write(row);
                }
            }
            return;
        }
        try (TableWriter table = format == ExportFormat.CSV ? TableWriter.csv(out, bom) : TableWriter.xlsx(out, "排名")) {
            table.row(COLUMNS);
            for (ScoreView row : rows) {
                table.row(cells(row));
            }
        }
    }

    /** Flags are separated by spaces in one cell; the time is ISO-8601 as in the JSON. */
    static List<Object> cells(ScoreView row) {
        ScoreView.Pillars pillars = row.pillars();
        return Arrays.asList(row.zone(), row.name(), row.zoneType(), row.province(), row.region(), row.regionGroup(),
                row.period(), row.composite(), pillars.economy(), pillars.innovation(), pillars.environment(),
                pillars.society(), pillars.institutions(), row.nationalRank(), row.regionRank(), row.coverage(),
                row.ranked(), String.join(" ", row.flags()), row.revision(), row.snapshotId(), row.methodology(),
                row.computedAt() == null ? null : row.computedAt().toString(), row.basis());
    }

    /** 排名-ETDZ-2015, with the region and province filters. */
    static String fileName(String zoneType, String period, String region, String province) {
        StringBuilder name = new StringBuilder("排名-").append(zoneType).append('-').append(period);
        if (region != null) {
            name.append('-').append(region);
        }
        if (province != null) {
            name.append('-').append(province);
        }
        return name.toString();
    }
}
