package org.partnerhub.onboarding.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** values.yaml documents every value: a "## @param <path>" line for the value or an object that holds it. */
class ValuesDocumentationTest {

    private static final Pattern PARAM = Pattern.compile("^\\s*## @param (\\S+) ");

    @Test
    void everyValueIsDocumented() throws IOException {
        String values = Files.readString(Chart.DIR.resolve("values.yaml"));
        Set<String> documented = values.lines().map(PARAM::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).collect(Collectors.toSet());
        List<String> paths = new ArrayList<>();
        collectValuePaths(new ObjectMapper(new YAMLFactory()).readTree(values), "", paths);

        assertThat(paths).hasSizeGreaterThan(100);
        assertThat(paths).as("values without a @param line for them or an enclosing object")
                .filteredOn(path -> !isDocumented(path, documented)).isEmpty();
        assertThat(documented).as("@param lines for values that do not exist")
                .allSatisfy(path -> assertThat(paths).anySatisfy(p -> assertThat(p + ".").startsWith(path + ".")));
    }

    private static boolean isDocumented(String path, Set<String> documented) {
        for (String prefix = path; !prefix.isEmpty();
                prefix = prefix.contains(".") ? prefix.substring(0, prefix.lastIndexOf('.')) : "") {
            if (documented.contains(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Values are the leaves: scalars, lists and empty objects. */
    private static void collectValuePaths(JsonNode node, String path, List<String> paths) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(e ->
                    collectValuePaths(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), paths));
        } else {
            paths.add(path);
        }
    }
}
