package cn.etdz.evaluation.scores;

import cn.etdz.common.export.ExportFormat;
import cn.etdz.common.export.JsonRows;
import cn.etdz.common.export.Sdmx;
import cn.etdz.common.export.TableWriter;
import cn.etdz.evaluation.scoring.NodeScore;
import cn.etdz.evaluation.scoring.PillarCode;
import cn.etdz.evaluation.snapshot.Basis;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Exports of a peer group's ranking: the rows of {@code getRanking}, all pages at once, as JSON, CSV, XLSX or SDMX-CSV.
 */
@ApplicationScoped
public class RankingExportService {

    /** The formats of a ranking export; the first is the default. */
    public static final List<ExportFormat> FORMATS = List.of(ExportFormat.JSON, ExportFormat.CSV, ExportFormat.XLSX,
            ExportFormat.SDMX_CSV);

    /**
     * The columns of CSV and XLSX: the JSON properties of a ranking row, the pillars flattened. A methodology with
     * top-level nodes other than the five pillars adds a column for each (see {@link #columns(List)}).
     */
    static final List<String> COLUMNS = List.of("zone", "name", "zoneType", "province", "region", "regionGroup", "period",
            "composite", "economy", "innovation", "environment", "society", "institutions", "nationalRank", "regionRank",
            "coverage", "ranked", "flags", "revision", "snapshotId", "methodology", "computedAt", "basis");

    /** The SDMX-CSV 2.0 header: structure columns, dimensions, measure, attributes of {@code sdmx/zone-ranking-structure.json}. */
    static final List<String> SDMX_COLUMNS = Sdmx.header("ZONE", "MEASURE", "TIME_PERIOD", "OBS_VALUE", "BASIS",
            "COVERAGE", "RANKED", "FLAGS", "REVISION", "METHODOLOGY", "SNAPSHOT_ID");

    /** The dataflow of {@code sdmx/zone-ranking-structure.json} every SDMX-CSV row belongs to. */
    static final String SDMX_DATAFLOW = "ETDZ:DF_ZONE_RANKING(1.0.0)";

    static final String COMPOSITE = "COMPOSITE";
    static final String NATIONAL_RANK = "NATIONAL_RANK";
    static final String REGION_RANK = "REGION_RANK";

    private static final byte[] STRUCTURE = Sdmx.structure(RankingExportService.class, "/sdmx/zone-ranking-structure.json");

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
        switch (format) {
            case JSON -> {
                try (JsonRows json = new JsonRows(this.json, out)) {
                    for (ScoreView row : rows) {
                        json.write(row);
                    }
                }
            }
            case CSV, XLSX -> {
                List<String> otherNodes = otherNodes(rows);
                try (TableWriter table = format == ExportFormat.CSV ? TableWriter.csv(out, bom)
                        : TableWriter.xlsx(out, "排名")) {
                    table.row(columns(otherNodes));
                    for (ScoreView row : rows) {
                        table.row(cells(row, otherNodes));
                    }
                }
            }
            case SDMX_CSV -> {
                List<String> measures = measures(rows);
                try (TableWriter table = TableWriter.csv(out, bom)) {
                    table.row(SDMX_COLUMNS);
                    for (ScoreView row : rows) {
                        for (String measure : measures) {
                            table.row(observation(row, measure));
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException("Rankings are not exported as " + format);
        }
    }

    /** The data structure definition of the SDMX-CSV export, as an SDMX-JSON 2.0 structure message. */
    public byte[] structure() {
        return STRUCTURE.clone();
    }

    /** The columns of CSV and XLSX: {@link #COLUMNS}, then one per top-level node that is not one of the five pillars. */
    static List<String> columns(List<String> otherNodes) {
        List<String> columns = new ArrayList<>(COLUMNS);
        columns.addAll(otherNodes);
        return columns;
    }

    /**
     * The codes of the top-level nodes outside the five pillars, in the methodology's order: none for the plan's
     * methodologies, so their files stay as they were; a tree such as MOFCOM 2021 exports its own parts' scores.
     */
    static List<String> otherNodes(List<ScoreView> rows) {
        List<String> others = new ArrayList<>(topLevelNodes(rows));
        others.removeIf(RankingExportService::isPillar);
        return others;
    }

    /** The top-level node codes of the rows' methodology; a zone that did not report has none, so all rows count. */
    private static Set<String> topLevelNodes(List<ScoreView> rows) {
        Set<String> codes = new LinkedHashSet<>();
        for (ScoreView row : rows) {
            row.nodes().forEach(node -> codes.add(node.code()));
        }
        return codes;
    }

    private static boolean isPillar(String code) {
        return Arrays.stream(PillarCode.values()).anyMatch(pillar -> pillar.name().equals(code));
    }

    /** Flags are separated by spaces in one cell; the time is ISO-8601 as in the JSON; other nodes' scores at the end. */
    static List<Object> cells(ScoreView row, List<String> otherNodes) {
        ScoreView.Pillars pillars = row.pillars();
        List<Object> cells = new ArrayList<>(Arrays.asList(row.zone(), row.name(), row.zoneType(), row.province(),
                row.region(), row.regionGroup(), row.period(), row.composite(), pillars.economy(), pillars.innovation(),
                pillars.environment(), pillars.society(), pillars.institutions(), row.nationalRank(), row.regionRank(),
                row.coverage(), row.ranked(), String.join(" ", row.flags()), row.revision(), row.snapshotId(),
                row.methodology(), row.computedAt() == null ? null : row.computedAt().toString(), row.basis()));
        for (String code : otherNodes) {
            cells.add(nodeScore(row, code));
        }
        return cells;
    }

    /**
     * The measures of the SDMX-CSV rows of each zone: the composite, each top-level node of the methodology (the five
     * pillars of a plan methodology), the national and the regional rank.
     */
    static List<String> measures(List<ScoreView> rows) {
        Set<String> nodes = topLevelNodes(rows);
        List<String> measures = new ArrayList<>();
        measures.add(COMPOSITE);
        if (nodes.isEmpty()) {
            Arrays.stream(PillarCode.values()).forEach(pillar -> measures.add(pillar.name()));
        } else {
            measures.addAll(nodes);
        }
        measures.add(NATIONAL_RANK);
        measures.add(REGION_RANK);
        return measures;
    }

    /** One observation: a measure of a zone, empty when the zone has no such score or rank (see RANKED and FLAGS). */
    static List<Object> observation(ScoreView row, String measure) {
        Object value = switch (measure) {
            case COMPOSITE -> row.composite();
            case NATIONAL_RANK -> row.nationalRank();
            case REGION_RANK -> row.regionRank();
            default -> nodeScore(row, measure);
        };
        return Sdmx.observation(SDMX_DATAFLOW, row.zone(), measure, row.period(), value, row.basis(), row.coverage(),
                row.ranked(), String.join(" ", row.flags()), row.revision(), row.methodology(), row.snapshotId());
    }

    /** The score of the zone's top-level node; a pillar's from the pillar fields when the row has no nodes. */
    private static Double nodeScore(ScoreView row, String code) {
        for (NodeScore node : row.nodes()) {
            if (node.code().equals(code)) {
                return node.score();
            }
        }
        if (!isPillar(code)) {
            return null;
        }
        ScoreView.Pillars pillars = row.pillars();
        return switch (PillarCode.valueOf(code)) {
            case ECONOMY -> pillars.economy();
            case INNOVATION -> pillars.innovation();
            case ENVIRONMENT -> pillars.environment();
            case SOCIETY -> pillars.society();
            case INSTITUTIONS -> pillars.institutions();
        };
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
