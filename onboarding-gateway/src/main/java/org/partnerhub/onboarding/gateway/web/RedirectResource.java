package org.partnerhub.onboarding.gateway.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.partnerhub.onboarding.gateway.GatewayConfig;
import org.partnerhub.onboarding.gateway.publish.PermissionPublisher;
import org.partnerhub.onboarding.gateway.publish.PublishFailedException;
import org.partnerhub.onboarding.gateway.redirect.MalformedRedirectException;
import org.partnerhub.onboarding.gateway.redirect.OwnershipCheck;
import org.partnerhub.onboarding.gateway.redirect.Redirect;
import org.partnerhub.onboarding.gateway.redirect.RedirectFacts;
import org.partnerhub.onboarding.gateway.redirect.RedirectParser;
import org.partnerhub.onboarding.gateway.state.FlowState;
import org.partnerhub.onboarding.gateway.state.StateRejectedException;
import org.partnerhub.onboarding.gateway.state.StateSigner;
import org.partnerhub.onboarding.gateway.verify.OwnershipVerifier;
import org.partnerhub.onboarding.gateway.verify.PartnerApiUnavailableException;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;
import org.partnerhub.onboarding.runtime.tracing.TracedSpan;
import org.partnerhub.onboarding.runtime.tracing.Tracing;

import io.opentelemetry.api.trace.SpanKind;

/**
 * Where 360dialog sends the browser back. The redirect's ids are user input: it publishes only for a well-formed
 * redirect whose state we signed, has not expired, and whose nonce the browser's cookie holds (or, on a hub that
 * accepts stateless redirects, none of that but the client's own {@code partner_payload}), and only once the
 * hub's Partner API confirms the client and its channels. It answers only once Kafka has every record.
 */
@Path("/onboarding/redirect")
public class RedirectResource {

    private static final Logger LOG = Logger.getLogger(RedirectResource.class);

    @Inject
    GatewayConfig config;

    @Inject
    HubsConfig hubs;

    @Inject
    StateSigner signer;

    @Inject
    OwnershipVerifier verifier;

    @Inject
    PermissionPublisher publisher;

    @Inject
    GatewayMetrics metrics;

    @Inject
    Tracing tracing;

    /** The redirect of a flow started here: its state names the hub. */
    @GET
    public Response redirect(@Context UriInfo uri, @CookieParam(NonceCookie.NAME) String cookieNonce) {
        return traced(Optional.empty(), span -> {
            Redirect redirect;
            try {
                redirect = RedirectParser.parse(uri.getQueryParameters());
            } catch (MalformedRedirectException e) {
                return reject("malformed", e.getMessage());
            }
            return withState(redirect, cookieNonce, Optional.empty(), span);
        });
    }

    /**
     * The redirect URL to configure at the Hub for 360dialog's Direct Link: the path names the hub, since such a
     * redirect carries no state. One with state is handled as above, and must be for this hub.
     */
    @GET
    @Path("{hubId}")
    public Response redirectToHub(@PathParam("hubId") String hubId, @Context UriInfo uri,
            @CookieParam(NonceCookie.NAME) String cookieNonce) {
        return traced(Optional.of(hubId), span -> {
            Redirect redirect;
            try {
                redirect = RedirectParser.parseStateOptional(uri.getQueryParameters());
            } catch (MalformedRedirectException e) {
                return reject("malformed", e.getMessage());
            }
            Optional<HubsConfig.Hub> hub = hubs.hub(hubId);
            if (hub.isEmpty()) {
                return reject("unknown-hub", "the Partner Hub of this sign-up is not configured here");
            }
            if (redirect.hasState()) {
                return withState(redirect, cookieNonce, Optional.of(hubId), span);
            }
            if (!hub.get().statelessRedirects()) {
                return reject("no-state", "state is missing: this sign-up has to be started from the partner's page");
            }
            return verifyAndPublish(hubId, redirect, Optional.empty(), RedirectFacts.statelessFactKey(hubId, redirect),
                    span);
        });
    }

    /**
     * Each redirect starts a trace of its own (a browser's traceparent is user input and is not taken); the records
     * it publishes carry its context, so the folds and key claims they lead to join that trace.
     */
    private Response traced(Optional<String> pathHub, Function<TracedSpan, Response> handling) {
        TracedSpan span = tracing.start("redirect", SpanKind.SERVER, Optional.empty());
        pathHub.ifPresent(hub -> span.attribute("onboarding.hub", hub));
        Response response;
        try (TracedSpan.Activation ignored = span.activate()) {
            response = handling.apply(span);
        } catch (RuntimeException e) {
            span.fail(e);
            throw e;
        }
        if (response.getStatus() >= 400) {
            span.fail("HTTP " + response.getStatus());
        } else {
            span.end();
        }
        return response;
    }

    private Response withState(Redirect redirect, String cookieNonce, Optional<String> pathHub, TracedSpan span) {
        FlowState flow;
        try {
            flow = signer.verify(redirect.state());
        } catch (StateRejectedException e) {
            return reject(e.reason().tag(), e.getMessage());
        }
        if (pathHub.isPresent() && !pathHub.get().equals(flow.hubId())) {
            return reject("hub-mismatch", "this sign-up was started for another Partner Hub");
        }
        if (cookieNonce == null || !MessageDigest.isEqual(cookieNonce.getBytes(StandardCharsets.UTF_8),
                flow.nonce().getBytes(StandardCharsets.UTF_8))) {
            return reject("nonce-mismatch", "this sign-up was started in another browser, or too long ago; "
                    + "please start it again from this browser");
        }
        return verifyAndPublish(flow.hubId(), redirect, Optional.of(flow.tenant()), flow.nonce(), span);
    }

    private Response verifyAndPublish(String hubId, Redirect redirect, Optional<String> flowTenant, String factKey,
            TracedSpan span) {
        span.attribute("onboarding.hub", hubId).attribute("onboarding.client", redirect.clientId());
        OwnershipCheck.Outcome outcome;
        TracedSpan call = tracing.child(span, "360dialog verify redirect", SpanKind.CLIENT);
        try {
            outcome = verifier.verify(hubId, redirect, flowTenant);
            call.end();
        } catch (PartnerApiUnavailableException e) {
            call.fail(e);
            LOG.warnf("Redirect of client %s (hub %s) not verified, answered 503: %s", redirect.clientId(), hubId,
                    e.getMessage());
            metrics.redirectRejected("partner-api-unavailable");
            return RedirectPage.unavailable(returnUrl());
        }
        return switch (outcome) {
            case OwnershipCheck.Refused refused -> reject(refused.reason().tag(), refused.message());
            case OwnershipCheck.Verified verified -> publish(hubId, redirect, verified, factKey, span);
        };
    }

    private Response publish(String hubId, Redirect redirect, OwnershipCheck.Verified verified, String factKey,
            TracedSpan span) {
        try {
            publisher.publish(RedirectFacts.of(redirect, hubId, verified.tenant(), factKey, verified.verification(),
                    Clock.systemUTC().instant()), span.traceParent());
        } catch (PublishFailedException e) {
            LOG.warnf("Redirect of client %s (hub %s) not recorded, answered 503: %s", redirect.clientId(), hubId,
                    e.getMessage());
            metrics.redirectRejected("kafka-unavailable");
            return RedirectPage.unavailable(returnUrl());
        }
        metrics.redirectAccepted(hubId);
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
