package org.partnerhub.onboarding.auth;

import java.lang.reflect.Method;

/** What an endpoint asks of its callers, read from its annotations; the method's own annotations win. */
public sealed interface EndpointRule {

    /** Marked {@link PublicEndpoint}. */
    record Open() implements EndpointRule {
    }

    record Needs(Scope scope) implements EndpointRule {
    }

    /** Neither public nor with a scope: closed to everyone, so that forgetting an annotation never opens an API. */
    record Undeclared() implements EndpointRule {
    }

    static EndpointRule of(Class<?> resource, Method method) {
        if (method != null && method.isAnnotationPresent(PublicEndpoint.class)) {
            return new Open();
        }
        if (method != null && method.isAnnotationPresent(RequiresScope.class)) {
            return new Needs(method.getAnnotation(RequiresScope.class).value());
        }
        if (resource != null && resource.isAnnotationPresent(PublicEndpoint.class)) {
            return new Open();
        }
        if (resource != null && resource.isAnnotationPresent(RequiresScope.class)) {
            return new Needs(resource.getAnnotation(RequiresScope.class).value());
        }
        return new Undeclared();
    }
}
