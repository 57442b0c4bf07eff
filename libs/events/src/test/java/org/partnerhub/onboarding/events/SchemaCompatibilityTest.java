package org.partnerhub.onboarding.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema against its committed baseline in {@code schema-baseline/}. A breaking change needs a new type
 * ({@code ...v2}); a compatible one is accepted by copying the new schema over its baseline.
 */
class SchemaCompatibilityTest {

    static List<String> baselineFiles() {
        return Schemas.fileNames("schema-baseline");
    }

    @Test
    void everySchemaHasABaselineAndNoBaselinedSchemaIsGone() {
        assertThat(Schemas.fileNames("schemas")).isEqualTo(baselineFiles());
    }

    @ParameterizedTest
    @MethodSource("baselineFiles")
    void noSchemaBreaksItsBaseline(String file) {
        assertThat(SchemaCompatibility.breakingChanges(baseline(file), Schemas.read("schemas/" + file))).isEmpty();
    }

    @Test
    void anAddedOptionalPropertyIsCompatible() {
        ObjectNode current = baseline("onboarding.permission.granted.v1.json");
        properties(current).putObject("region").put("type", "string");

        assertThat(SchemaCompatibility.breakingChanges(baseline("onboarding.permission.granted.v1.json"), current))
                .isEmpty();
    }

    @Test
    void aRemovedPropertyBreaks() {
        ObjectNode current = baseline("onboarding.permission.granted.v1.json");
        properties(current).remove("tenant");

        assertThat(changes("onboarding.permission.granted.v1.json", current)).containsExactly("removed /tenant");
    }

    @Test
    void aRenamedPropertyBreaks() {
        ObjectNode current = baseline("onboarding.permission.granted.v1.json");
        properties(current).set("tenantRef", properties(current).remove("tenant"));

        assertThat(changes("onboarding.permission.granted.v1.json", current)).containsExactly("removed /tenant");
    }

    @Test
    void aRetypedPropertyBreaks() {
        ObjectNode current = baseline("onboarding.channel.state.v1.json");
        ((ObjectNode) properties(current).get("version")).put("type", "string");
        ((ObjectNode) properties(current).get("updatedAt")).remove("format");

        assertThat(changes("onboarding.channel.state.v1.json", current)).containsExactly(
                "retyped /version: type \"integer\" -> \"string\"",
                "retyped /updatedAt: format \"date-time\" -> null");
    }

    @Test
    void aChangedReferenceBreaks() {
        ObjectNode current = baseline("onboarding.channel.running.v1.json");
        ((ObjectNode) properties(current).get("snapshot")).put("$ref", "onboarding.channel.state.v2.json");

        assertThat(changes("onboarding.channel.running.v1.json", current)).hasSize(1).first().asString()
                .startsWith("retyped /snapshot: $ref");
    }

    @Test
    void aRemovedNestedPropertyBreaks() {
        ObjectNode current = baseline("onboarding.channel.state.v1.json");
        ((ObjectNode) properties(current).get("apiKey").get("properties")).remove("reason");

        assertThat(changes("onboarding.channel.state.v1.json", current)).containsExactly("removed /apiKey/reason");
    }

    @Test
    void aNewRequiredPropertyBreaks() {
        ObjectNode current = baseline("onboarding.permission.granted.v1.json");
        properties(current).putObject("region").put("type", "string");
        ((ArrayNode) current.get("required")).add("region");

        assertThat(changes("onboarding.permission.granted.v1.json", current)).containsExactly("newly required /region");
    }

    @Test
    void anOptionalPropertyMadeRequiredBreaks() {
        ObjectNode current = baseline("onboarding.permission.granted.v1.json");
        ((ArrayNode) current.get("required")).add("tenant");

        assertThat(changes("onboarding.permission.granted.v1.json", current)).containsExactly("newly required /tenant");
    }

    private static List<String> changes(String file, JsonNode current) {
        return SchemaCompatibility.breakingChanges(baseline(file), current);
    }

    private static ObjectNode baseline(String file) {
        return (ObjectNode) Schemas.read("schema-baseline/" + file);
    }

    private static ObjectNode properties(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }
}
