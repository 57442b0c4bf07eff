package org.partnerhub.onboarding.examples.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders libs/events' AsyncAPI document (and the JSON Schemas it references) as one Markdown page: the topics, the
 * CloudEvents headers, and every message with its record key and payload fields. Reads both from the classpath, as
 * libs/events packages them.
 */
final class AsyncApiPage {

    static final String SOURCE = "libs/events/src/main/resources/asyncapi.yaml";
    static final String REGENERATE = ". dev/jdk.sh && ./mvnw -B -pl dev/examples/channel-subscriber -am verify "
            + "-Dtest=AsyncApiPageTest -Dsurefire.failIfNoSpecifiedTests=false -Dasyncapi.page.write=true";

    private final JsonNode document;
    private final StringBuilder page = new StringBuilder();

    private AsyncApiPage(JsonNode document) {
        this.document = document;
    }

    static String render() {
        return new AsyncApiPage(read("asyncapi.yaml", new YAMLMapper())).page();
    }

    private String page() {
        JsonNode info = document.get("info");
        line("# " + info.get("title").asText() + " (version " + info.get("version").asText() + ")");
        line();
        line("<!-- Generated from " + SOURCE + " by dev/examples/channel-subscriber's AsyncApiPageTest; do not edit."
                + " Regenerate with: " + REGENERATE + " -->");
        line();
        line("AsyncAPI " + document.get("asyncapi").asText() + ", rendered from [`" + SOURCE + "`](../" + SOURCE
                + ") and the JSON Schemas next to it. How to consume these topics: [subscribing.md](subscribing.md).");
        line();
        line(info.get("description").asText());
        line();
        topics();
        headers();
        document.get("channels").forEach(this::channel);
        return page.toString();
    }

    private void topics() {
        line("## Topics");
        line();
        line("| topic | what it holds | cleanup | retention | partitions | messages |");
        line("|---|---|---|---|---|---|");
        document.get("channels").forEach(channel -> {
            JsonNode kafka = channel.at("/bindings/kafka");
            JsonNode config = kafka.get("topicConfiguration");
            line("| [`" + channel.get("address").asText() + "`](#" + anchor(channel.get("address").asText()) + ") | "
                    + cell(channel.get("description").asText()) + " | "
                    + config.path("cleanup.policy").path(0).asText() + " | "
                    + retention(config.path("retention.ms")) + " | " + kafka.get("partitions").asText() + " | "
                    + channel.get("messages").size() + " |");
        });
        line();
    }

    private void headers() {
        JsonNode headers = document.at("/components/schemas/cloudEventHeaders");
        Set<String> required = names(headers.get("required"));
        line("## Record headers (CloudEvents 1.0, Kafka binary mode)");
        line();
        line("| header | required | value |");
        line("|---|---|---|");
        headers.get("properties").properties().forEach(entry -> line("| `" + entry.getKey() + "` | "
                + (required.contains(entry.getKey()) ? "yes" : "no") + " | "
                + cell(join(type(entry.getValue()), entry.getValue().path("description").asText())) + " |"));
        line();
    }

    private void channel(JsonNode channel) {
        String address = channel.get("address").asText();
        line("## " + address);
        line();
        line(channel.get("description").asText());
        line();
        line("| message (`ce_type`) | record key | summary |");
        line("|---|---|---|");
        List<JsonNode> messages = new ArrayList<>();
        channel.get("messages").forEach(reference -> messages.add(referenced(reference)));
        messages.forEach(message -> line("| `" + message.get("name").asText() + "` | "
                + cell(message.at("/bindings/kafka/key/description").asText()) + " | "
                + cell(message.get("summary").asText()) + " |"));
        line();
        messages.forEach(this::payload);
    }

    private void payload(JsonNode message) {
        String schemaFile = message.at("/payload/schema/$ref").asText().replaceFirst("^\\./", "");
        line("### " + message.get("name").asText());
        line();
        line(message.get("summary").asText() + " Payload schema: [`" + schemaFile + "`](../libs/events/src/main/"
                + "resources/" + schemaFile + ").");
        line();
        line("| field | type | required | description |");
        line("|---|---|---|---|");
        JsonNode schema = read(schemaFile, new ObjectMapper());
        fields("", schema, schema, true);
        line();
    }

    /** One row per property, nested objects flattened with dots; a whole other schema is named, not repeated. */
    private void fields(String prefix, JsonNode object, JsonNode file, boolean parentRequired) {
        Set<String> required = names(object.get("required"));
        object.path("properties").properties().forEach(entry -> {
            String name = prefix + entry.getKey();
            JsonNode property = resolve(entry.getValue(), file);
            boolean isRequired = parentRequired && required.contains(entry.getKey());
            String description = entry.getValue().has("$ref") && !entry.getValue().get("$ref").asText().contains("#")
                    ? "the whole " + title(entry.getValue().get("$ref").asText()) + " snapshot (see its section)"
                    : property.path("description").asText();
            line("| `" + name + "` | " + cell(type(property)) + " | " + (isRequired ? "yes" : "no") + " | "
                    + cell(description) + " |");
            if (property.has("properties") && !entry.getValue().has("$ref")) {
                fields(name + ".", property, file, isRequired);
            }
        });
    }

    /** A {@code $ref} to a definition (in this file or another) is replaced by it; one to a whole file is kept. */
    private static JsonNode resolve(JsonNode property, JsonNode file) {
        if (!property.has("$ref")) {
            return property;
        }
        String reference = property.get("$ref").asText();
        int hash = reference.indexOf('#');
        if (hash < 0) {
            return property;
        }
        JsonNode target = hash == 0 ? file : read("schemas/" + reference.substring(0, hash), new ObjectMapper());
        return target.at(reference.substring(hash + 1));
    }

    private static String type(JsonNode property) {
        if (property.has("const")) {
            return "`" + property.get("const").asText() + "`";
        }
        if (property.has("enum")) {
            List<String> values = new ArrayList<>();
            property.get("enum").forEach(value -> values.add("`" + value.asText() + "`"));
            return "one of " + String.join(", ", values);
        }
        if (property.has("$ref")) {
            return "object (" + title(property.get("$ref").asText()) + ")";
        }
        String type = property.path("type").isArray() ? property.get("type").toString() : property.path("type")
                .asText("any");
        return property.has("format") ? type + " (" + property.get("format").asText() + ")" : type;
    }

    private JsonNode referenced(JsonNode reference) {
        return document.at(reference.get("$ref").asText().substring(1));
    }

    private static String retention(JsonNode retentionMs) {
        if (retentionMs.isMissingNode()) {
            return "latest per key";
        }
        return "-1".equals(retentionMs.asText()) ? "forever" : retentionMs.asText() + " ms";
    }

    private static String title(String schemaFile) {
        return schemaFile.replaceFirst("\\.json$", "");
    }

    /** GitHub's heading anchor: lower case, dots and other punctuation dropped. */
    private static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    private static String join(String a, String b) {
        return b.isEmpty() ? a : a + ". " + b;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        if (array != null) {
            array.forEach(name -> names.add(name.asText()));
        }
        return names;
    }

    private static JsonNode read(String resource, ObjectMapper mapper) {
        try (InputStream in = AsyncApiPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath (libs/events packages it)");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private void line(String text) {
        page.append(text).append('\n');
    }

    private void line() {
        page.append('\n');
    }
}
