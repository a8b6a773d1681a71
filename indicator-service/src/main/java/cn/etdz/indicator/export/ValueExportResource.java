package cn.etdz.indicator.export;

import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.export.ExportFormat;
import cn.etdz.common.export.ExportResponses;
import cn.etdz.common.export.Sdmx;
import cn.etdz.common.problem.Problem;
import cn.etdz.common.security.Roles;
import cn.etdz.indicator.zone.ZoneType;
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

@Path("/api/v1/exports/values")
@Tag(name = "Exports", description = "Values and rankings as files: CSV, XLSX and SDMX-CSV, streamed")
public class ValueExportResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String SDMX_CSV = "application/vnd.sdmx.data+csv; version=2.0.0";

    @Inject
    ValueExportService service;

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "exportValues", summary = "Export indicator values as JSON, CSV, XLSX or SDMX-CSV",
            description = "Every value of zone × indicator × period (开发区 × 指标 × 年度) matching the filters, from the newest "
                    + "accepted revision of each zone-period, or from the newest one received by asOf: with unit, "
                    + "provisional mark (初步数) and revision, ordered by zone, period and indicator. The format is "
                    + "the format parameter when given, otherwise the Accept header (application/json, text/csv, the "
                    + "XLSX type, or application/vnd.sdmx.data+csv; version=2.0.0), otherwise JSON. Files are "
                    + "downloads named in Chinese (Content-Disposition with filename*). Rows stream from the database "
                    + "as they are read, so a national data set of many years never sits in memory. Text that a "
                    + "spreadsheet would run as a formula (beginning with =, +, -, @, tab or carriage return) is written "
                    + "with a leading apostrophe; numbers stay numbers. SDMX-CSV follows the data structure definition "
                    + "of GET /api/v1/exports/values/structure. Submitters read their own province only.")
    @APIResponse(responseCode = "200", description = "The values, in the chosen format", content = {
        @Content(mediaType = "application/json",
                schema = @Schema(type = SchemaType.ARRAY, implementation = ExportedValue.class)),
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = """
                zone,zoneType,province,indicator,period,value,unit,provisional,revision,note\r
                SUZHOU-IP,ETDZ,320000,EMPLOYEES,2015,80.1,万人,false,1,\r
                SUZHOU-IP,ETDZ,320000,GDP,2015,2070.5,亿元,true,1,初步核算数\r
                """),
        @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                examples = @ExampleObject(name = "workbook", summary = "An XLSX workbook",
                        description = "Sheet 开发区指标值 with the CSV's header row (bold, frozen) and one row per value; "
                                + "numbers as number cells, text as text cells. Past a sheet's 1 048 576 rows the table "
                                + "continues on the sheet 开发区指标值 2.",
                        value = "(binary XLSX workbook)")),
        @Content(mediaType = SDMX_CSV, schema = @Schema(type = SchemaType.STRING), example = """
                STRUCTURE,STRUCTURE_ID,ACTION,ZONE,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,REVISION\r
                dataflow,ETDZ:DF_ZONE_VALUES(1.0.0),I,SUZHOU-IP,EMPLOYEES,2015,80.1,万人,A,1\r
                dataflow,ETDZ:DF_ZONE_VALUES(1.0.0),I,SUZHOU-IP,GDP,2015,2070.5,亿元,P,1\r
                """)})
    @APIResponse(responseCode = "400", description = "A query parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "A submitter asking for another province or its zone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such zone or indicator",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "The Accept header admits none of the export's formats",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Parameter(description = "json, csv, xlsx or sdmx-csv; wins over the Accept header",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx", "sdmx-csv"}),
                    example = "csv") @QueryParam("format") String format,
            @Parameter(description = "true starts CSV and SDMX-CSV with a UTF-8 byte-order mark, so Excel reads the "
                    + "Chinese text right", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"),
                    example = "true") @QueryParam("bom") String bom,
            @Parameter(description = "Only zones of this type: ETDZ (国家级经济技术开发区) or BECZ (边境经济合作区)",
                    example = "ETDZ") @QueryParam("zoneType") String zoneType,
            @Parameter(description = "Only zones of this province (GB/T 2260); a submitter's own by default")
            @QueryParam("province") String province,
            @Parameter(description = "Only this zone") @QueryParam("zone") String zone,
            @Parameter(description = "Only this indicator") @QueryParam("indicator") String indicator,
            @Parameter(description = "First period, inclusive") @QueryParam("from") String from,
            @Parameter(description = "Last period, inclusive") @QueryParam("to") String to,
            @Parameter(description = "Read each zone-period's newest revision received by this time (ISO-8601 timestamp "
                    + "with offset, or a date meaning its end in UTC) instead of its newest accepted one")
            @QueryParam("asOf") String asOf) {
        QueryParameters parameters = new QueryParameters();
        boolean byteOrderMark = parameters.flag("bom", bom);
        ZoneType type = parameters.oneOf("zoneType", zoneType, ZoneType.class, false);
        parameters.period("from", from, false);
        parameters.period("to", to, false);
        var at = parameters.asOf(asOf);
        parameters.check();
        ExportFormat chosen = ExportFormat.choose(format, accept, ValueExportService.FORMATS);
        ValueFilter filter = service.filter(type == null ? null : type.name(), blankToNull(province), blankToNull(zone),
                blankToNull(indicator), blankToNull(from), blankToNull(to), at);
        return ExportResponses.of(chosen, filter.fileName(), out -> service.write(filter, chosen, byteOrderMark, out));
    }

    @GET
    @Path("/structure")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getValueDataStructure", summary = "Get the SDMX data structure definition of the values export",
            description = "The data structure definition (DSD) the SDMX-CSV export follows, as an SDMX-JSON 2.0 structure "
                    + "message (SDMX 3.0): data structure ETDZ:DSD_ZONE_VALUES(1.0.0) with the dimensions ZONE (开发区), "
                    + "INDICATOR (指标) and TIME_PERIOD (年度), the measure OBS_VALUE, and the attributes UNIT_MEASURE "
                    + "(计量单位), OBS_STATUS (codelist ETDZ:CL_OBS_STATUS: A normal, P provisional 初步数) and REVISION; "
                    + "the dataflow ETDZ:DF_ZONE_VALUES(1.0.0) the export's rows name; its concept scheme and codelist.")
    @APIResponse(responseCode = "200", description = "The SDMX-JSON structure message",
            content = @Content(mediaType = Sdmx.STRUCTURE_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "An SDMX-JSON 2.0 structure message")))
    public Response structure() {
        return Response.ok(service.structure(), Sdmx.STRUCTURE_JSON).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
