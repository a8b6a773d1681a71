package cn.etdz.evaluation.scores;

import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.export.ExportFormat;
import cn.etdz.common.export.ExportResponses;
import cn.etdz.common.export.Sdmx;
import cn.etdz.common.problem.Problem;
import cn.etdz.common.security.Roles;
import cn.etdz.evaluation.scoring.Region;
import cn.etdz.evaluation.scoring.ZoneType;
import cn.etdz.evaluation.security.Caller;
import cn.etdz.evaluation.snapshot.Basis;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/exports/rankings")
@Tag(name = "Exports", description = "Values and rankings as files: CSV, XLSX and SDMX-CSV, streamed")
public class RankingExportResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String SDMX_CSV = "application/vnd.sdmx.data+csv; version=2.0.0";

    @Inject
    RankingExportService service;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "exportRanking", summary = "Export a ranking as JSON, CSV, XLSX or SDMX-CSV",
            description = "The whole ranking table (排名) of a peer group — a zone type and a period — as getRanking "
                    + "answers it page by page: composite and the five pillar scores (经济发展, 科技创新, 生态环境, 社会发展, "
                    + "体制建设), national and regional ranks, coverage, flags, the revision scored and the methodology "
                    + "version, from the snapshot valid at asOf. The format is the format parameter when given, "
                    + "otherwise the Accept header (application/json, text/csv, the XLSX type or "
                    + "application/vnd.sdmx.data+csv; version=2.0.0), otherwise JSON. Files are downloads named in "
                    + "Chinese (Content-Disposition with filename*); flags are one cell, separated by spaces; text a "
                    + "spreadsheet would run as a formula gets a leading apostrophe. A methodology whose top-level nodes "
                    + "are not the five pillars (such as MOFCOM 2021) adds a CSV and XLSX column for each of those "
                    + "nodes, named by its code. SDMX-CSV has one observation a row — per zone the composite, each "
                    + "top-level node, the national and the regional rank — after the data structure definition of GET "
                    + "/api/v1/exports/rankings/structure. Like getRanking, readable by every role.")
    @APIResponse(responseCode = "200", description = "The ranking, in the chosen format", content = {
        @Content(mediaType = "application/json",
                schema = @Schema(type = SchemaType.ARRAY, implementation = ScoreView.class)),
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = """
                zone,name,zoneType,province,region,regionGroup,period,composite,economy,innovation,environment,society,\
                institutions,nationalRank,regionRank,coverage,ranked,flags,revision,snapshotId,methodology,computedAt,basis\r
                SUZHOU-IP,苏州工业园区,ETDZ,320000,EAST,EAST,2015,87.4,91.2,88.5,79.3,84.1,90.0,1,1,1.0,true,\
                EXPANSION_ELIGIBLE,1,42,plan-2012-ETDZ@1,2026-04-01T08:00:00Z,official\r
                """),
        @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                examples = @ExampleObject(name = "workbook", summary = "An XLSX workbook",
                        description = "Sheet 排名 with the CSV's header row (bold, frozen) and one row per zone; scores "
                                + "and ranks as number cells.",
                        value = "(binary XLSX workbook)")),
        @Content(mediaType = SDMX_CSV, schema = @Schema(type = SchemaType.STRING), example = """
                STRUCTURE,STRUCTURE_ID,ACTION,ZONE,MEASURE,TIME_PERIOD,OBS_VALUE,BASIS,COVERAGE,RANKED,FLAGS,REVISION,\
                METHODOLOGY,SNAPSHOT_ID\r
                dataflow,ETDZ:DF_ZONE_RANKING(1.0.0),I,SUZHOU-IP,COMPOSITE,2015,87.4,official,1.0,true,\
                EXPANSION_ELIGIBLE,1,plan-2012-ETDZ@1,42\r
                dataflow,ETDZ:DF_ZONE_RANKING(1.0.0),I,SUZHOU-IP,ECONOMY,2015,91.2,official,1.0,true,\
                EXPANSION_ELIGIBLE,1,plan-2012-ETDZ@1,42\r
                dataflow,ETDZ:DF_ZONE_RANKING(1.0.0),I,SUZHOU-IP,NATIONAL_RANK,2015,1,official,1.0,true,\
                EXPANSION_ELIGIBLE,1,plan-2012-ETDZ@1,42\r
                """)})
    @APIResponse(responseCode = "400", description = "A query parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No scores for the peer group and period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "The Accept header admits none of the export's formats",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Parameter(description = "json, csv, xlsx or sdmx-csv; wins over the Accept header",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx", "sdmx-csv"}),
                    example = "xlsx")
            @QueryParam("format") String format,
            @Parameter(description = "true starts CSV and SDMX-CSV with a UTF-8 byte-order mark, so Excel reads the Chinese "
                    + "text right",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"), example = "true")
            @QueryParam("bom") String bom,
            @Parameter(description = "The year", example = "2015", required = true) @QueryParam("period") String period,
            @Parameter(description = "ETDZ or BECZ (the peer group)", example = "ETDZ", required = true)
            @QueryParam("zoneType") String zoneType,
            @Parameter(description = "Only zones of this statistical region (ranks stay those of the whole table)")
            @QueryParam("region") String region,
            @Parameter(description = "Only zones of this province (GB/T 2260)") @QueryParam("province") String province,
            @Parameter(description = "Read the snapshots valid at this time (ISO-8601 timestamp with offset, or a date "
                    + "meaning its end in UTC); default now") @QueryParam("asOf") String asOf,
            @Parameter(description = ScoreResource.BASIS, example = "official",
                    schema = @Schema(enumeration = {"official", "preliminary"})) @QueryParam("basis") String basis) {
        QueryParameters parameters = new QueryParameters();
        boolean byteOrderMark = parameters.flag("bom", bom);
        parameters.period("period", period, true);
        parameters.oneOf("zoneType", zoneType, ZoneType.class, true);
        parameters.oneOf("region", region, Region.class, false);
        var at = parameters.asOf(asOf);
        String requestedBasis = parameters.oneOf("basis", basis, Basis.CODES);
        parameters.check();
        Basis chosenBasis = Bases.of(caller, requestedBasis);
        ExportFormat chosen = ExportFormat.choose(format, accept, RankingExportService.FORMATS);
        String asked = province == null || province.isBlank() ? null : province;
        // a provincial caller's preliminary rows are their own province's, whatever province they ask for
        String provinceFilter = Bases.preliminaryProvince(caller, chosenBasis)
                .map(own -> asked == null || asked.equals(own) ? own : "").orElse(asked);
        String regionFilter = region == null || region.isBlank() ? null : region;
        List<ScoreView> rows = service.rows(period, zoneType, regionFilter, provinceFilter, at, chosenBasis);
        return ExportResponses.of(chosen, RankingExportService.fileName(zoneType, period, regionFilter, provinceFilter),
                out -> service.write(rows, chosen, byteOrderMark, out));
    }

    @GET
    @Path("/structure")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getRankingDataStructure",
            summary = "Get the SDMX data structure definition of the ranking export",
            description = "The data structure definition (DSD) the ranking's SDMX-CSV export follows, as an SDMX-JSON 2.0 "
                    + "structure message (SDMX 3.0): data structure ETDZ:DSD_ZONE_RANKING(1.0.0) with the dimensions "
                    + "ZONE (开发区), MEASURE (指标项: COMPOSITE, each top-level node or pillar code of the methodology, "
                    + "NATIONAL_RANK, REGION_RANK) and TIME_PERIOD (年度), the measure OBS_VALUE, and the attributes "
                    + "BASIS (codelist ETDZ:CL_BASIS: official, preliminary), COVERAGE, RANKED, FLAGS, REVISION, "
                    + "METHODOLOGY and SNAPSHOT_ID; the dataflow ETDZ:DF_ZONE_RANKING(1.0.0) the export's rows name; its "
                    + "concept scheme and codelists. Readable by every role, like the export.")
    @APIResponse(responseCode = "200", description = "The SDMX-JSON structure message",
            content = @Content(mediaType = Sdmx.STRUCTURE_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "An SDMX-JSON 2.0 structure message")))
    public Response structure() {
        return Response.ok(service.structure(), Sdmx.STRUCTURE_JSON).build();
    }
}
