package org.partnerhub.onboarding.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Loads the JSON Schemas from the classpath, where relative {@code $ref}s between them resolve. */
final class Schemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private Schemas() {
    }

    static JsonSchema of(EventType type) {
        return FACTORY.getSchema(SchemaLocation.of("classpath:" + type.schemaResource()), CONFIG);
    }

    /** The schema with every object closed, so a payload field the schema does not describe fails validation. */
    static JsonSchema closed(EventType type) {
        JsonNode schema = read(type.schemaResource());
        close(schema);
        return FACTORY.getSchema(SchemaLocation.of("classpath:" + type.schemaResource()), schema, CONFIG);
    }

    static JsonNode read(String resource) {
        try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return EventJson.newMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file names in a classpath directory (test and main resources are directories under Maven). */
    static List<String> fileNames(String directory) {
        URL url = Schemas.class.getClassLoader().getResource(directory);
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void close(JsonNode schema) {
        if (schema instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        schema.forEach(Schemas::close);
    }
}
