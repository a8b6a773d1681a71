package cn.etdz.client.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build's breaking-change guard: the merged document (what the gateway serves, merged at build time) keeps every
 * promise of the released document of its major version, {@code api/openapi-v<major>.json}; the full difference,
 * additions included, is written to {@code target/api-changelog.md}. The other cases show the guard on deliberate
 * changes to the released document, so a rename or removal fails the build with a message that names it.
 */
class ApiCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String released;

    @BeforeAll
    static void readReleased() throws IOException {
        released = Files.readString(releasedDirectory().resolve("openapi-v1.json"));
    }

    @Test
    void theMergedDocumentKeepsEveryPromiseOfItsReleasedVersion() throws IOException {
        String current = Files.readString(Path.of(System.getProperty("merged.openapi")));
        int major = ApiCompatibility.majorVersion(current);
        Path releasedDocument = releasedDirectory().resolve("openapi-v" + major + ".json");
        if (!Files.exists(releasedDocument)) {
            assertThat(major).as("no released document " + releasedDocument + " and no earlier major version: copy "
                    + System.getProperty("merged.openapi") + " there when the version is released").isGreaterThan(1);
            System.out.println("[api] v" + major + " is not released yet: nothing to compare with (v" + (major - 1)
                    + " stays as it was released)");
            return;
        }
        ApiCompatibility.Result result = ApiCompatibility.compare(Files.readString(releasedDocument), current);
        Path changelog = Path.of(System.getProperty("api.changelog"));
        Files.writeString(changelog, result.changelog());
        System.out.println("[api] compared with " + releasedDocument.getFileName() + ": "
                + (result.compatible() ? "compatible" : result.breaking().size() + " breaking change(s)")
                + "; the difference is in " + changelog);
        assertThat(result.breaking())
                .as("The public API changed in a way that breaks v" + major + " clients. Restore what broke, or raise "
                        + "the major version (gateway.openapi.version) and keep " + releasedDocument.getFileName()
                        + " as it was released. See docs/api-versioning.md.")
                .isEmpty();
    }

    @Test
    void aRenamedResponsePropertyBreaksTheBuildNamingIt() {
        var result = compareWithChanged(document -> {
            ObjectNode properties = (ObjectNode) document.at("/components/schemas/ZoneView/properties");
            properties.set("englishName", properties.remove("nameEn"));
        });
        assertThat(result.breaking()).anySatisfy(line -> assertThat(line)
                .contains("GET /api/v1/zones/{code}", "response 200", "'nameEn' was removed or renamed"));
    }

    @Test
    void aRenamedRequestPropertyBreaksTheBuildNamingIt() {
        var result = compareWithChanged(document -> {
            ObjectNode properties = (ObjectNode) document.at("/components/schemas/ZoneRequest/properties");
            properties.set("provinceCode", properties.remove("province"));
        });
        assertThat(result.breaking()).anySatisfy(line -> assertThat(line)
                .contains("POST /api/v1/zones request body", "'province' was removed or renamed"));
    }

    @Test
    void aRemovedOperationOrParameterBreaksTheBuild() {
        var result = compareWithChanged(document -> {
            ((ObjectNode) document.get("paths")).remove("/api/v1/flags");
            ArrayNode parameters = (ArrayNode) document.at("/paths/~1api~1v1~1zones/get/parameters");
            for (int i = 0; i < parameters.size(); i++) {
                if ("province".equals(parameters.get(i).path("name").asText())) {
                    parameters.remove(i);
                    break;
                }
            }
        });
        assertThat(result.breaking()).anySatisfy(line -> assertThat(line).contains("GET /api/v1/flags", "removed"));
        assertThat(result.breaking()).anySatisfy(line -> assertThat(line)
                .contains("GET /api/v1/zones", "query parameter 'province' was removed or renamed"));
    }

    @Test
    void aNewRequiredInputOrANarrowedTypeBreaksTheBuild() {
        var result = compareWithChanged(document -> {
            ((ArrayNode) document.at("/paths/~1api~1v1~1zones/get/parameters")).addObject()
                    .put("name", "since").put("in", "query").put("required", true)
                    .putObject("schema").put("type", "string");
            ((ObjectNode) document.at("/components/schemas/ZoneView/properties/developedAreaKm2"))
                    .removeAll().put("type", "integer");
        });
        assertThat(result.breaking()).anySatisfy(line -> assertThat(line)
                .contains("GET /api/v1/zones", "new required query parameter 'since'"));
        assertThat(result.breaking()).anySatisfy(line -> assertThat(line)
                .contains("GET /api/v1/zones/{code} response 200 .developedAreaKm2", "became integer"));
    }

    @Test
    void additionsPassAndAreListedInTheChangelog() {
        var result = compareWithChanged(document -> {
            ((ArrayNode) document.at("/paths/~1api~1v1~1zones/get/parameters")).addObject()
                    .put("name", "nameContains").put("in", "query").putObject("schema").put("type", "string");
            ((ObjectNode) document.at("/components/schemas/ZoneView/properties")).putObject("website")
                    .put("type", "string");
        });
        assertThat(result.breaking()).isEmpty();
        assertThat(result.changelog()).contains("nameContains", "website");
    }

    @Test
    void theMajorVersionIsReadFromTheDocument() {
        assertThat(ApiCompatibility.majorVersion("{\"info\":{\"version\":\"v1\"}}")).isEqualTo(1);
        assertThat(ApiCompatibility.majorVersion("{\"info\":{\"version\":\"2.3.0\"}}")).isEqualTo(2);
    }

    private static ApiCompatibility.Result compareWithChanged(Consumer<ObjectNode> change) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(released);
            change.accept(document);
            return ApiCompatibility.compare(released, JSON.writeValueAsString(document));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path releasedDirectory() {
        return Path.of(System.getProperty("api.released.directory"));
    }
}
