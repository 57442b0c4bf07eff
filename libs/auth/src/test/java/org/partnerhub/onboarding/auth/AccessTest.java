package org.partnerhub.onboarding.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.GET;

import org.junit.jupiter.api.Test;

class AccessTest {

    private static final Credential READER = new Credential("reader", new Reach.All(), new Reach.All(),
            Set.of(Scope.CHANNELS_READ));

    @RequiresScope(Scope.KEYS_READ)
    static class KeysResource {

        @GET
        public void read() {
        }

        @GET
        @RequiresScope(Scope.CHANNELS_READ)
        public void channels() {
        }

        @GET
        @PublicEndpoint
        public void open() {
        }
    }

    static class ForgottenResource {

        @GET
        public void anything() {
        }
    }

    @Test
    void theMethodsOwnAnnotationWinsOverItsClass() throws Exception {
        assertThat(rule(KeysResource.class, "read")).isEqualTo(new EndpointRule.Needs(Scope.KEYS_READ));
        assertThat(rule(KeysResource.class, "channels")).isEqualTo(new EndpointRule.Needs(Scope.CHANNELS_READ));
        assertThat(rule(KeysResource.class, "open")).isEqualTo(new EndpointRule.Open());
        assertThat(rule(ForgottenResource.class, "anything")).isEqualTo(new EndpointRule.Undeclared());
    }

    @Test
    void withoutACredentialOnlyPublicEndpointsAnswer() throws Exception {
        assertThat(Access.decide(new EndpointRule.Open(), Optional.empty()))
                .isEqualTo(new Access.Granted(Optional.empty()));
        assertThat(Access.decide(new EndpointRule.Needs(Scope.CHANNELS_READ), Optional.empty()))
                .isInstanceOf(Access.Unauthenticated.class);
        assertThat(Access.decide(new EndpointRule.Undeclared(), Optional.empty()))
                .isInstanceOf(Access.Unauthenticated.class);
    }

    @Test
    void aCredentialNeedsTheEndpointsScopeAndAnUndeclaredEndpointAdmitsNone() {
        assertThat(Access.decide(new EndpointRule.Needs(Scope.CHANNELS_READ), Optional.of(READER)))
                .isEqualTo(new Access.Granted(Optional.of(READER)));
        assertThat(Access.decide(new EndpointRule.Needs(Scope.KEYS_READ), Optional.of(READER)))
                .isInstanceOfSatisfying(Access.Forbidden.class,
                        forbidden -> assertThat(forbidden.reason()).contains("reader").contains("keys:read"));
        assertThat(Access.decide(new EndpointRule.Undeclared(), Optional.of(READER)))
                .isInstanceOf(Access.Forbidden.class);
    }

    private static EndpointRule rule(Class<?> resource, String method) throws NoSuchMethodException {
        return EndpointRule.of(resource, resource.getMethod(method));
    }
}
