package org.partnerhub.onboarding.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the changes to a schema that break a reader of the baseline: a property removed (or renamed), retyped, or
 * newly required. Adding an optional property is allowed.
 */
final class SchemaCompatibility {

    /** The keywords that together say what type a property is. */
    private static final List<String> TYPE_KEYWORDS = List.of("type", "$ref", "format", "const");

    private SchemaCompatibility() {
    }

    static List<String> breakingChanges(JsonNode baseline, JsonNode current) {
        List<String> changes = new ArrayList<>();
        compare("", baseline, current, changes);
        return changes;
    }

    private static void compare(String path, JsonNode baseline, JsonNode current, List<String> changes) {
        for (String keyword : TYPE_KEYWORDS) {
            if (!Objects.equals(baseline.get(keyword), current.get(keyword))) {
                changes.add("retyped " + display(path) + ": " + keyword + " " + baseline.get(keyword) + " -> "
                        + current.get(keyword));
            }
        }
        Set<String> newlyRequired = names(current.path("required"));
        newlyRequired.removeAll(names(baseline.path("required")));
        newlyRequired.forEach(name -> changes.add("newly required " + path + "/" + name));

        baseline.path("properties").fieldNames().forEachRemaining(name -> {
            JsonNode now = current.path("properties").get(name);
            if (now == null) {
                changes.add("removed " + path + "/" + name);
            } else {
                compare(path + "/" + name, baseline.path("properties").get(name), now, changes);
            }
        });
        if (baseline.has("items")) {
            compare(path + "/items", baseline.get("items"), current.path("items"), changes);
        }
        baseline.path("$defs").fieldNames().forEachRemaining(name -> compare(
                path + "/$defs/" + name, baseline.path("$defs").get(name), current.path("$defs").path(name), changes));
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    private static String display(String path) {
        return path.isEmpty() ? "/" : path;
    }
}
