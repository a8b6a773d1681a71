package cn.etdz.evaluation.reportcard;

import cn.etdz.common.api.QueryParameters;
import cn.etdz.common.export.ContentDisposition;
import cn.etdz.common.i18n.Languages;
import cn.etdz.common.i18n.Message;
import cn.etdz.common.problem.Problem;
import cn.etdz.common.problem.ProblemException;
import cn.etdz.common.problem.Violation;
import cn.etdz.common.security.Roles;
import cn.etdz.evaluation.scores.ScoreResource;
import cn.etdz.evaluation.scores.Bases;
import cn.etdz.evaluation.security.Caller;
import cn.etdz.evaluation.snapshot.Basis;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

@Path("/api/v1/report-cards")
@Tag(name = "Report cards", description = "A zone's evaluation as a PDF document to file, and a province's cards as a zip")
@APIResponse(responseCode = "400", description = "A query parameter is invalid",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A submitter asking for another province's zones",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "The service has no font with Chinese glyphs (setting "
        + ReportCardFont.SETTING + ")",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReportCardResource {

    static final String PDF = "application/pdf";
    static final String ZIP = "application/zip";
    private static final Pattern PROVINCE = Pattern.compile("\\d{6}");
    private static final String AS_OF = "Read the snapshots valid at this time (ISO-8601 timestamp with offset, or a date"
            + " meaning its end in UTC); default now";

    @Inject
    ReportCardService service;
    @Inject
    Caller caller;

    @GET
    @Path("/{zone}")
    @Produces({PDF, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getReportCard", summary = "Download a zone's report card for a period (PDF)",
            description = "The zone's evaluation (评价报告卡) as a PDF of two A4 pages to file: its Chinese and English "
                    + "names, type, province and period; composite and the five pillar scores (经济发展, 科技创新, 生态环境, "
                    + "社会发展, 体制建设) with a radar chart; national and regional ranks with the previous year's rank; "
                    + "a chart of composite and national rank over the scored periods; the five strongest and five "
                    + "weakest indicators against the peer median of their 0–100 scores; the plan's targets for the "
                    + "zone; the dynamic-management flags; the methodology version and the snapshot's time. Read "
                    + "from the snapshots valid at asOf, in Chinese or English after Accept-Language, with the font "
                    + "embedded. Submitters get the zones of their own province only.")
    @APIResponse(responseCode = "200", description = "The report card, as an attachment named after the zone",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename*=UTF-8''<zone code> "
                    + "<zone name>.pdf, with an ASCII filename for older clients", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "card", summary = "A two-page PDF",
                            description = "Page 1: the zone, key figures, pillar table and radar, history chart; page 2: "
                                    + "indicators against the peer median, targets, flags, methodology.",
                            value = "(binary PDF)")))
    @APIResponse(responseCode = "404", description = "No such zone, or no scores for it in the period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response card(
            @PathParam("zone") String zone,
            @Parameter(description = "The year", example = "2015", required = true) @QueryParam("period") String period,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
            @Parameter(description = ScoreResource.BASIS, example = "official",
                    schema = @Schema(enumeration = {"official", "preliminary"})) @QueryParam("basis") String basis,
            @Parameter(hidden = true) @HeaderParam(Languages.ACCEPT_LANGUAGE) String language) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", period, true);
        var at = parameters.asOf(asOf);
        String requestedBasis = parameters.oneOf("basis", basis, Basis.CODES);
        parameters.check();
        Locale locale = Languages.of(language);
        java.nio.file.Path font = service.font();
        ReportCard card = service.card(zone, period, at, caller, Bases.of(caller, requestedBasis));
        StreamingOutput body = out -> service.write(card, locale, font, out);
        return download(body, PDF, ReportCardRenderer.fileName(card.score(), locale), locale);
    }

    @GET
    @Produces({ZIP, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getProvinceReportCards", summary = "Download the report cards of a province's zones (zip)",
            description = "A zip with the report card (PDF, as getReportCard draws it) of every zone of the province "
                    + "(省份) scored in the period, ETDZ and BECZ, each named <zone code> <zone name>.pdf, written while "
                    + "it is sent. In Chinese or English after Accept-Language. Submitters get their own province only.")
    @APIResponse(responseCode = "200", description = "The zip of the cards, as an attachment",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename*=UTF-8''"
                    + "报告卡-<province>-<period>.zip (report-cards-… in English)", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "cards", summary = "A zip of PDFs",
                            description = "One entry per zone: SUZHOU-IP 苏州工业园区.pdf, …", value = "(binary zip)")))
    @APIResponse(responseCode = "404", description = "No zone of the province has scores for the period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response province(
            @Parameter(description = "Province (省份) as a GB/T 2260 code; 320000 is Jiangsu (江苏).", example = "320000",
                    required = true) @QueryParam("province") String province,
            @Parameter(description = "The year", example = "2015", required = true) @QueryParam("period") String period,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
            @Parameter(description = ScoreResource.BASIS, example = "official",
                    schema = @Schema(enumeration = {"official", "preliminary"})) @QueryParam("basis") String basis,
            @Parameter(hidden = true) @HeaderParam(Languages.ACCEPT_LANGUAGE) String language) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", period, true);
        var at = parameters.asOf(asOf);
        String requestedBasis = parameters.oneOf("basis", basis, Basis.CODES);
        parameters.check();
        if (province == null || !PROVINCE.matcher(province).matches()) {
            throw ProblemException.badRequest(Message.of("common.query.detail"), List.of(new Violation("province",
                    province == null || province.isBlank() ? "required" : "invalid-format",
                    Message.of("evaluation.report-card.province-format"))));
        }
        Locale locale = Languages.of(language);
        java.nio.file.Path font = service.font();
        List<ReportCard> cards = service.provinceCards(province, period, at, caller, Bases.of(caller, requestedBasis));
        StreamingOutput body = out -> service.writeZip(cards, locale, font, out);
        return download(body, ZIP, Message.of("evaluation.report-card.zip-name", province, period).in(locale), locale);
    }

    private static Response download(StreamingOutput body, String mediaType, String fileName, Locale locale) {
        return Response.ok(body, mediaType)
                .header("Content-Disposition", ContentDisposition.attachment(fileName))
                .header(Languages.CONTENT_LANGUAGE, Languages.tag(locale))
                .header(HttpHeaders.VARY, Languages.ACCEPT_LANGUAGE)
                .build();
    }
}
