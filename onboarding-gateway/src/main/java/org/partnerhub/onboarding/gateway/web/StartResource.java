package org.partnerhub.onboarding.gateway.web;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.partnerhub.onboarding.gateway.GatewayConfig;
import org.partnerhub.onboarding.gateway.HubUiConfig;
import org.partnerhub.onboarding.gateway.start.InvalidRequestException;
import org.partnerhub.onboarding.gateway.start.IoSignature;
import org.partnerhub.onboarding.gateway.start.PermissionsUrl;
import org.partnerhub.onboarding.gateway.start.Prefill;
import org.partnerhub.onboarding.gateway.start.SessionRequest;
import org.partnerhub.onboarding.gateway.state.SignedState;
import org.partnerhub.onboarding.gateway.state.StateSigner;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;

/** Lists the hubs and starts flows: a signed state, its nonce cookie and the permission page to open. */
@Path("/onboarding")
public class StartResource {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @Inject
    HubsConfig hubs;

    @Inject
    HubUiConfig hubUi;

    @Inject
    GatewayConfig config;

    @Inject
    StateSigner signer;

    @Inject
    TenantResolver tenants;

    @Inject
    GatewayMetrics metrics;

    @GET
    @Path("hubs")
    @Produces(MediaType.APPLICATION_JSON)
    public List<HubButton> hubs() {
        return hubs.hubs().entrySet().stream()
                .map(hub -> new HubButton(hub.getKey(), hub.getValue().label().orElse(hub.getKey()),
                        hub.getValue().paymentMode().name().toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparing(HubButton::id))
                .toList();
    }

    /** For a frontend that calls with its bearer token and then opens the popup itself (connect.js). */
    @POST
    @Path("sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response createSession(SessionRequest request, @QueryParam("tenant") String tenantParam)
            throws InvalidRequestException, UnauthenticatedException {
        if (request == null) {
            throw new InvalidRequestException("a JSON body with at least {\"hub\": ...} is required");
        }
        Start start = start(request, tenantParam);
        return Response.ok(start.flow()).cookie(NonceCookie.of(start.nonce(), config.stateTtl()))
                .cacheControl(NO_STORE).build();
    }

    /** For a plain link or a popup opened on this URL: the same flow, answered with a redirect. */
    @GET
    @Path("start")
    public Response startByLink(
            @QueryParam("hub") String hub,
            @QueryParam("email") String email,
            @QueryParam("name") String name,
            @QueryParam("number") String number,
            @QueryParam("partner") String partner,
            @QueryParam("plan") String plan,
            @QueryParam("login") boolean login,
            @QueryParam("tenant") String tenantParam) throws InvalidRequestException, UnauthenticatedException {
        Start start = start(new SessionRequest(hub, email, name, number, partner, plan, login), tenantParam);
        return Response.status(Response.Status.FOUND).location(start.flow().permissionsUrl())
                .cookie(NonceCookie.of(start.nonce(), config.stateTtl())).cacheControl(NO_STORE).build();
    }

    private Start start(SessionRequest request, String tenantParam)
            throws InvalidRequestException, UnauthenticatedException {
        String tenant = tenants.resolve(tenantParam);
        if (request.hub() == null) {
            throw new InvalidRequestException("hub is required; configured hubs: " + hubIds());
        }
        HubsConfig.Hub hub = hubs.hub(request.hub()).orElseThrow(() -> new InvalidRequestException(
                "unknown hub '" + request.hub() + "'; configured hubs: " + hubIds()));
        Prefill prefill = request.prefill(tenant);
        SignedState signed = signer.issue(request.hub(), tenant);
        // Signed per URL, never cached: 360dialog refuses a signature it has seen, and an old one.
        IoSignature ioSignature = hub.ioSignatureSecret()
                .map(secret -> IoSignature.sign(secret, hub.partnerId(), Instant.now())).orElse(null);
        URI url = PermissionsUrl.of(hubUi.url(), hub.partnerId(), hub.redirectUrl().orElse(null), signed.token(),
                prefill, ioSignature);
        metrics.flowStarted(request.hub());
        return new Start(new StartedFlow(url, signed.token(), signed.state().expiresAt()), signed.state().nonce());
    }

    private List<String> hubIds() {
        return hubs.hubs().keySet().stream().sorted().toList();
    }

    private record Start(StartedFlow flow, String nonce) {
    }
}
