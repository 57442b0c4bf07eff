package org.partnerhub.onboarding.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every JAX-RS endpoint of a service answers 401 without a credential unless it is marked public. The routes are
 * found by reading the module's compiled classes (main and test), not from a list, so an endpoint added later is
 * checked without anyone remembering to add it here. A service's {@code @QuarkusTest} extends this with its public
 * marker annotation.
 */
public abstract class ClosedByDefaultContract {

    /** One resource method: its HTTP method and its path with every template variable filled in. */
    public record Route(String httpMethod, String path, String declaredBy) {
    }

    private final String publicMarker;

    protected ClosedByDefaultContract(Class<? extends Annotation> publicMarker) {
        this.publicMarker = publicMarker.getName();
    }

    @Test
    void everyEndpointThatIsNotPublicAnswers401WithoutACredential() throws IOException {
        List<Route> routes = protectedRoutes();
        assertThat(routes).as("JAX-RS routes found in target/classes").isNotEmpty();
        for (Route route : routes) {
            int status = given().when().request(route.httpMethod(), route.path()).then().extract().statusCode();
            assertThat(status).as("%s %s (%s) without a credential", route.httpMethod(), route.path(),
                    route.declaredBy()).isEqualTo(401);
        }
    }

    /** The routes of the module's resource classes that are not marked public. */
    protected List<Route> protectedRoutes() throws IOException {
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            String base = path(resource);
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod != null && !marked(method) && !marked(resource)) {
                    routes.add(new Route(httpMethod, fill(join(base, path(method))),
                            resource.getSimpleName() + "." + method.getName()));
                }
            }
        }
        return routes;
    }

    private List<Class<?>> resourceClasses() throws IOException {
        List<Class<?>> classes = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (Path root : List.of(Path.of("target/classes"), Path.of("target/test-classes"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    Class<?> type = load(loader, name);
                    if (type != null && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())
                            && annotation(type, "jakarta.ws.rs.Path") != null) {
                        classes.add(type);
                    }
                }
            }
        }
        return classes;
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError notARuntimeClass) {
            // Build-time helpers of Quarkus and classes of optional dependencies are no routes.
            return null;
        }
    }

    private boolean marked(AnnotatedElement element) {
        return annotation(element, publicMarker) != null;
    }

    /** By name, because the test's class loader and the application's may each hold their own copy of a type. */
    private static Annotation annotation(AnnotatedElement element, String type) {
        return Arrays.stream(element.getAnnotations()).filter(a -> a.annotationType().getName().equals(type))
                .findFirst().orElse(null);
    }

    private static String httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(a -> annotation(a.annotationType(), "jakarta.ws.rs.HttpMethod"))
                .filter(a -> a != null)
                .map(ClosedByDefaultContract::value)
                .findFirst().orElse(null);
    }

    private static String path(AnnotatedElement element) {
        Annotation path = annotation(element, "jakarta.ws.rs.Path");
        return path == null ? "" : value(path);
    }

    private static String value(Annotation annotation) {
        try {
            return (String) annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(annotation.annotationType() + " has no value()", e);
        }
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** {@code {id}} and {@code {id: regex}} become a plain segment, enough for the router to match the route. */
    private static String fill(String template) {
        return template.replaceAll("\\{[^}]*}", "probe");
    }
}
