package cn.etdz.evaluation.scores;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import cn.etdz.common.api.QueryParameters;
import cn.etdz.evaluation.scoring.Region;
import cn.etdz.evaluation.scoring.ZoneType;
import cn.etdz.common.problem.Problem;
import cn.etdz.common.security.Roles;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/scores")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scores", description = "Rankings, a zone's scores and their explanation, read from score snapshots")
@APIResponse(responseCode = "400", description = "A query parameter is invalid",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "No such zone, or no scores for it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ScoreResource {

    private static final String AS_OF = "Read the snapshots valid at this time (ISO-8601 timestamp with offset, or a date"
            + " meaning its end in UTC); default now";
    /** The basis parameter's description, shared with the other score-reading resources. */
    public static final String BASIS = "official (approved revisions only; a zone without one is unranked, not reported) "
            + "or preliminary (the newest revisions). Default preliminary for analysts and admins, official for everyone"
            + " else; submitters and reviewers see preliminary scores of their own province's zones only";

    @Inject
    ScoreService service;
    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getRanking", summary = "Get the ranking of a zone type in a period",
            description = "The ranking table (排名) of one peer group — a zone type and a period — from the snapshot valid "
                    + "at asOf: composite and the five pillar scores, national rank within the zone type, rank within "
                    + "the region group, the national rank of the previous period (previousRank), coverage, flags and the "
                    + "input revision scored. Ranked zones by national rank, then unranked ones by code, unless sort "
                    + "names another order. region, province and q filter the rows but keep the ranks of the whole "
                    + "table; sort and q work on the whole table before it is cut into pages. Answers carry an ETag; "
                    + "If-None-Match with it answers 304 until that page changes.")
    @APIResponse(responseCode = "200", description = "The ranking table",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RankingView.class)))
    public Response ranking(
            @Context Request request,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @Parameter(description = "The year", example = "2015", required = true) @QueryParam("period") String period,
            @Parameter(description = "ETDZ or BECZ (the peer group)", example = "ETDZ", required = true)
            @QueryParam("zoneType") String zoneType,
            @Parameter(description = "Only zones of this statistical region (ranks stay those of the whole table)")
            @QueryParam("region") String region,
            @Parameter(description = "Only zones of this province (GB/T 2260)") @QueryParam("province") String province,
            @Parameter(description = "Order of the rows: rank (national rank, the default), composite, economy, "
                    + "innovation, environment, society, institutions, regionRank, coverage, name (Chinese, by pinyin), "
                    + "nameEn, code, or node:CODE (the score of the methodology's top-level node CODE, whatever its "
                    + "framework); prefixed with - for descending. Zones without a value in the column come last "
                    + "either way; ties keep the national order.", example = "-composite")
            @QueryParam("sort") String sort,
            @Parameter(description = "Only zones whose code, Chinese name or English name contains this text, ignoring "
                    + "case", example = "苏州") @QueryParam("q") String q,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
            @Parameter(description = BASIS, example = "official", schema = @Schema(enumeration = {"official", "preliminary"}))
            @QueryParam("basis") String basis,
            @Parameter(description = "Page number, from 0",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(description = "Rows per page, 1 to 500",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "50"))
            @QueryParam("size") String size) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", period, true);
        parameters.oneOf("zoneType", zoneType, ZoneType.class, true);
        parameters.oneOf("region", region, Region.class, false);
        String order = parameters.accepted("sort", sort, RankingOrder::accepts,
                String.join(", ", RankingOrder.VALUES) + ", node:<code>, -node:<code>");
        var at = parameters.asOf(asOf);
        int pageNumber = parameters.page(page);
        int pageSize = parameters.size(size);
        String requestedBasis = parameters.oneOf("basis", basis, Basis.CODES);
        parameters.check();
        Basis chosen = Bases.of(caller, requestedBasis);
        // a provincial caller's preliminary rows are their own province's, whatever province they ask for
        String rows = Bases.preliminaryProvince(caller, chosen).map(own -> province == null || province.equals(own) ? own : "")
                .orElse(province);
        ScoreService.RankingJson ranking = service.rankingJson(period, zoneType,
                new ScoreService.RankingQuery(region, rows, order, q, pageNumber, pageSize), at, chosen);
        // the page is kept compressed too: clients that accept gzip get it without compressing per request, and the
        // gateway moves a tenth of the bytes. Each representation has its own entity tag.
        boolean gzip = acceptsGzip(acceptEncoding);
        // clients polling for a new ranking get 304 until a new snapshot (or zone name) changes the page
        EntityTag etag = new EntityTag(gzip ? ranking.etag() + "-gzip" : ranking.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder response = notModified != null ? notModified
                : Response.ok(gzip ? ranking.gzipped() : ranking.body(), MediaType.APPLICATION_JSON_TYPE);
        if (gzip && notModified == null) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).tag(etag).build();
    }

    /** Whether an Accept-Encoding header admits gzip (listed, or {@code *}, without {@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(java.util.Locale.ROOT).split(",")) {
            String[] parts = coding.trim().split(";");
            String name = parts[0].trim();
            boolean refused = parts.length > 1 && parts[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
            if ((name.equals("gzip") || name.equals("*")) && !refused) {
                return true;
            }
        }
        return false;
    }

    @GET
    @Path("/periods")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getScoredPeriods", summary = "List the periods a zone type has scores for",
            description = "The years (评价年度) with a ranking of the zone type, oldest first, from the snapshots valid at "
                    + "asOf: the periods getRanking answers for. Zone codes are upper case, so this path never names a "
                    + "zone.")
    @APIResponse(responseCode = "200", description = "The scored periods, oldest first",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScoredPeriods.class)))
    public ScoredPeriods periods(
            @Parameter(description = "ETDZ or BECZ (the peer group)", example = "ETDZ", required = true)
            @QueryParam("zoneType") String zoneType,
            @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
            @Parameter(description = BASIS, example = "official", schema = @Schema(enumeration = {"official", "preliminary"}))
            @QueryParam("basis") String basis) {
        QueryParameters parameters = new QueryParameters();
        parameters.oneOf("zoneType", zoneType, ZoneType.class, true);
        var at = parameters.asOf(asOf);
        String requestedBasis = parameters.oneOf("basis", basis, Basis.CODES);
        parameters.check();
        return service.periods(zoneType, at, Bases.of(caller, requestedBasis));
    }

    @GET
    @Path("/{zone}")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getZoneScoreHistory", summary = "Get a zone's scores over time",
            description = "The zone's composite, pillar scores, ranks and flags in every scored period, oldest first, from "
                    + "the snapshots valid at asOf.")
    @APIResponse(responseCode = "403", description = "A submitter or reviewer asking for another province's preliminary "
            + "scores", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The zone's scores, oldest period first",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = ScoreView.class)))
    public List<ScoreView> history(@PathParam("zone") String zone,
                                   @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
                                   @Parameter(description = BASIS, example = "official",
                                           schema = @Schema(enumeration = {"official", "preliminary"}))
                                   @QueryParam("basis") String basis) {
        QueryParameters parameters = new QueryParameters();
        var at = parameters.asOf(asOf);
        String requestedBasis = parameters.oneOf("basis", basis, Basis.CODES);
        parameters.check();
        Basis chosen = Bases.of(caller, requestedBasis);
        service.requireVisible(zone, chosen, caller);
        return service.history(zone, at, chosen);
    }

    @GET
    @Path("/{zone}/{period}")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getZoneScore", summary = "Get a zone's scores for one period",
            description = "The zone's composite, five pillar scores (经济发展, 科技创新, 生态环境, 社会发展, 体制建设), national and regional "
                    + "ranks, coverage and flags for one period, from the snapshot valid at asOf.")
    @APIResponse(responseCode = "403", description = "A submitter or reviewer asking for another province's preliminary "
            + "scores", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "The zone's scores for the period",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScoreView.class)))
    public ScoreView score(@PathParam("zone") String zone, @PathParam("period") String period,
                           @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
                           @Parameter(description = BASIS, example = "official",
                                   schema = @Schema(enumeration = {"official", "preliminary"}))
                           @QueryParam("basis") String basis) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", period, true);
        var at = parameters.asOf(asOf);
        String requestedBasis = parameters.oneOf("basis", basis, Basis.CODES);
        parameters.check();
        Basis chosen = Bases.of(caller, requestedBasis);
        service.requireVisible(zone, chosen, caller);
        return service.score(zone, period, at, chosen);
    }

    @GET
    @Path("/{zone}/{period}/explanation")
    @RolesAllowed({Roles.SUBMITTER, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getZoneScoreExplanation", summary = "Explain how a zone's score adds up",
            description = "Per pillar its score, weight and contribution to the composite; per indicator its raw or "
                    + "derived value, transformed and normalised value, effective weight, and contributions to its "
                    + "pillar and to the composite, which add up; plus the source revisions of the period and of the "
                    + "previous period (read by growth rates). Submitters see the zones of their own province only.")
    @APIResponse(responseCode = "403", description = "A submitter asking about another province's zone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "200", description = "How the scores add up",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExplanationView.class)))
    public ExplanationView explanation(@PathParam("zone") String zone, @PathParam("period") String period,
                                       @Parameter(description = AS_OF) @QueryParam("asOf") String asOf,
                                       @Parameter(description = BASIS, example = "official",
                                               schema = @Schema(enumeration = {"official", "preliminary"}))
                                       @QueryParam("basis") String basis) {
        QueryParameters parameters = new QueryParameters();
        parameters.period("period", period, true);
        var at = parameters.asOf(asOf);
        String requestedBasis = parameters.oneOf("basis", basis, Basis.CODES);
        parameters.check();
        return service.explanation(zone, period, at, caller, Bases.of(caller, requestedBasis));
    }
}
