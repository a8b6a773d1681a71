package cn.etdz.client.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merged document is the product client developers read: every operation says what it does, and every
 * parameter, request body and response has a description and an example (errors included, as the problem they are),
 * with the domain's Chinese terms beside the English where a user looks for them.
 */
class DocumentCompletenessTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyOperationParameterBodyAndResponseIsDescribedWithAnExample() throws IOException {
        JsonNode document = document();
        List<String> missing = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (!METHODS.contains(entry.getKey())) {
                return;
            }
            JsonNode operation = entry.getValue();
            String where = entry.getKey().toUpperCase() + " " + path.getKey();
            String summary = operation.path("summary").asText("");
            String description = operation.path("description").asText("");
            if (summary.isBlank() || description.isBlank() || description.equals(summary + ".")) {
                missing.add(where + ": a summary and a description of its own");
            }
            for (JsonNode parameter : operation.path("parameters")) {
                String name = parameter.path("in").asText() + " parameter " + parameter.path("name").asText();
                if (parameter.path("description").asText("").isBlank()) {
                    missing.add(where + ": " + name + " description");
                }
                if (!parameter.has("example") && !parameter.has("examples")) {
                    missing.add(where + ": " + name + " example");
                }
            }
            operation.path("requestBody").path("content").fields().forEachRemaining(media -> {
                if (!hasExample(media.getValue())) {
                    missing.add(where + ": request body " + media.getKey() + " example");
                }
            });
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getValue().path("description").asText("").isBlank()) {
                    missing.add(where + ": response " + response.getKey() + " description");
                }
                response.getValue().path("content").fields().forEachRemaining(media -> {
                    if (!hasExample(media.getValue())) {
                        missing.add(where + ": response " + response.getKey() + " " + media.getKey() + " example");
                    }
                });
            });
        }));
        assertThat(missing).as("undocumented parts of the merged document").isEmpty();
    }

    @Test
    void theDomainsTermsAreThereInChineseBesideEnglish() throws IOException {
        String text = document().toString();
        assertThat(text).contains("国家级经济技术开发区", "边境经济合作区", // zone types
                "经济发展", "科技创新", "生态环境", "社会发展", "体制建设", // pillars
                "地区生产总值"); // an indicator, as the catalogue names it
    }

    private static boolean hasExample(JsonNode media) {
        return media.has("example") || media.has("examples");
    }

    private static JsonNode document() throws IOException {
        return new ObjectMapper().readTree(Path.of(System.getProperty("merged.openapi")).toFile());
    }
}
