package org.partnerhub.onboarding.gateway.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.gateway.GatewayConfig;
import org.partnerhub.onboarding.gateway.publish.PermissionPublisher;
import org.partnerhub.onboarding.gateway.publish.PublishFailedException;
import org.partnerhub.onboarding.gateway.redirect.MalformedRedirectException;
import org.partnerhub.onboarding.gateway.redirect.Redirect;
import org.partnerhub.onboarding.gateway.redirect.RedirectFacts;
import org.partnerhub.onboarding.gateway.redirect.RedirectParser;
import org.partnerhub.onboarding.gateway.state.FlowState;
import org.partnerhub.onboarding.gateway.state.StateRejectedException;
import org.partnerhub.onboarding.gateway.state.StateSigner;

/**
 * Where 360dialog sends the browser back. Publishes what the client permitted only for a well-formed redirect whose
 * state we signed, has not expired, and whose nonce the browser's cookie holds; answers only once Kafka has every
 * record.
 */
@Path("/onboarding/redirect")
public class RedirectResource {

    private static final Logger LOG = Logger.getLogger(RedirectResource.class);

    @Inject
    GatewayConfig config;

    @Inject
    StateSigner signer;

    @Inject
    PermissionPublisher publisher;

    @Inject
    GatewayMetrics metrics;

    @GET
    public Response redirect(@Context UriInfo uri, @CookieParam(NonceCookie.NAME) String cookieNonce) {
        Redirect redirect;
        FlowState flow;
        try {
            redirect = RedirectParser.parse(uri.getQueryParameters());
        } catch (MalformedRedirectException e) {
            return reject("malformed", e.getMessage());
        }
        try {
            flow = signer.verify(redirect.state());
        } catch (StateRejectedException e) {
            return reject(e.reason().tag(), e.getMessage());
        }
        if (cookieNonce == null || !MessageDigest.isEqual(cookieNonce.getBytes(StandardCharsets.UTF_8),
                flow.nonce().getBytes(StandardCharsets.UTF_8))) {
            return reject("nonce-mismatch", "this sign-up was started in another browser, or too long ago; "
                    + "please start it again from this browser");
        }
        try {
            publisher.publish(RedirectFacts.of(redirect, flow, Clock.systemUTC().instant()));
        } catch (PublishFailedException e) {
            LOG.warnf("Redirect of client %s (hub %s) not recorded, answered 503: %s", redirect.clientId(),
                    flow.hubId(), e.getMessage());
            metrics.redirectRejected("kafka-unavailable");
            return RedirectPage.unavailable(returnUrl());
        }
        metrics.redirectAccepted(flow.hubId());
        return RedirectPage.accepted(redirect, allowedOrigins(), returnUrl());
    }

    private Response reject(String reason, String explanation) {
        LOG.infof("Redirect rejected (%s): %s", reason, explanation);
        metrics.redirectRejected(reason);
        return RedirectPage.rejected(reason, explanation, allowedOrigins(), returnUrl());
    }

    private List<String> allowedOrigins() {
        return config.allowedOrigins().orElse(List.of());
    }

    private String returnUrl() {
        return config.returnUrl().orElse(null);
    }
}
