package org.partnerhub.onboarding.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** The chart under deploy/helm/onboarding, rendered and linted by the Helm embedded in helm-java. */
final class Chart {

    static final Path DIR = Path.of("helm", "onboarding");
    static final Path VALUES = Path.of("src", "test", "resources", "values");
    static final String RELEASE = "onb";
    static final String NAMESPACE = "onboarding";
    /** `helm template` otherwise assumes an old Kubernetes that the chart's kubeVersion excludes. */
    static final String KUBE_VERSION = "1.31.0";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    private Chart() {
    }

    static Path values(String name) {
        return VALUES.resolve(name + ".yaml");
    }

    /** Renders the chart with these values files, later ones overriding earlier ones, as `helm template` does. */
    static Rendered render(Path... valuesFiles) {
        return new Rendered(parse(template(valuesFiles)));
    }

    static String template(Path... valuesFiles) {
        TemplateCommand template = new Helm(DIR).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (Path file : valuesFiles) {
            template = template.withValuesFile(file);
        }
        return template.call();
    }

    /**
     * `helm lint --strict` of the chart with its values.yaml overridden by these values files (helm-java's lint
     * takes no values files, so it lints a copy of the chart in {@code workDir} with the values merged in).
     */
    static LintResult lint(Path workDir, Path... valuesFiles) throws IOException {
        Path copy = Files.createTempDirectory(workDir, "chart");
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(DIR.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        JsonNode values = YAML.readTree(DIR.resolve("values.yaml").toFile());
        for (Path file : valuesFiles) {
            values = merge(values, YAML.readTree(file.toFile()));
        }
        YAML.writeValue(copy.resolve("values.yaml").toFile(), values);
        return new Helm(copy).lint().strict().call();
    }

    /** Writes values given by dotted paths (e.g. "gateway.auth.stateSecret") to a values file. */
    static Path valuesFile(Map<String, Object> dotted) {
        ObjectNode root = YAML.createObjectNode();
        dotted.forEach((path, value) -> {
            String[] parts = path.split("\\.");
            ObjectNode node = root;
            for (String part : Arrays.copyOf(parts, parts.length - 1)) {
                node = node.has(part) ? (ObjectNode) node.get(part) : node.putObject(part);
            }
            node.set(parts[parts.length - 1], YAML.valueToTree(value));
        });
        try {
            Path file = Files.createTempFile("values", ".yaml");
            file.toFile().deleteOnExit();
            YAML.writeValue(file.toFile(), root);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode merge(JsonNode base, JsonNode override) {
        if (!(base instanceof ObjectNode baseObject) || !override.isObject()) {
            return override;
        }
        ObjectNode merged = baseObject.deepCopy();
        override.properties().forEach(e -> merged.set(e.getKey(),
                merged.has(e.getKey()) ? merge(merged.get(e.getKey()), e.getValue()) : e.getValue()));
        return merged;
    }

    private static List<HasMetadata> parse(String manifests) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : manifests.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            HasMetadata resource = KUBERNETES.unmarshal(document);
            List<String> unknown = new ArrayList<>();
            if (!(resource instanceof GenericKubernetesResource)) {
                collectUnknownFields(resource, resource.getKind(), unknown);
            }
            if (!unknown.isEmpty()) {
                throw new AssertionError(resource.getKind() + " " + resource.getMetadata().getName()
                        + " has fields the Kubernetes model does not know: " + unknown + "\n" + document);
            }
            resources.add(resource);
        }
        return resources;
    }

    /** Fields the typed model did not map land in additionalProperties; any there is a typo or a wrong level. */
    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown));
        } else if (value != null && value.getClass().getPackageName().startsWith("io.fabric8.")) {
            for (Method getter : value.getClass().getMethods()) {
                if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                        || getter.getDeclaringClass() == Object.class) {
                    continue;
                }
                Object field = invoke(getter, value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + " " + extra.keySet());
                    }
                } else {
                    collectUnknownFields(field, path + "." + getter.getName().substring(3), unknown);
                }
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " failed", e);
        }
    }

    /** The rendered resources. */
    record Rendered(List<HasMetadata> resources) {

        <T extends HasMetadata> List<T> all(Class<T> type) {
            return resources.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<GenericKubernetesResource> allOfKind(String kind) {
            return all(GenericKubernetesResource.class).stream().filter(r -> kind.equals(r.getKind())).toList();
        }

        <T extends HasMetadata> T named(Class<T> type, String name) {
            return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name + " in "
                            + resources.stream().map(r -> r.getKind() + "/" + r.getMetadata().getName()).toList()));
        }
    }
}
