package org.partnerhub.onboarding.sandbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 360dialog's Integrated Onboarding popup: sign up (or log in), the price page on Direct Payment hubs, then the
 * numbers to share and to revoke, and the redirect back to the partner. Each step is its own form post, answered
 * with 303 to the next screen, so a reload never repeats a step.
 */
@Path("/dashboard/app/{partnerId}/permissions")
@Produces(MediaType.TEXT_HTML)
public class PermissionPageResource {

    @Inject
    SandboxConfig config;

    @Inject
    SandboxStore store;

    @Inject
    Visits visits;

    @Inject
    ChannelLifecycle lifecycle;

    @Inject
    IoSignatureGate ioSignatures;

    @GET
    public Response start(@PathParam("partnerId") String partnerId, @QueryParam("redirect_url") String redirectUrl,
            @QueryParam("state") String state, @QueryParam("email") String email, @QueryParam("name") String name,
            @QueryParam("number") String number, @QueryParam("partner") String partnerPayload,
            @QueryParam("next") String next, @QueryParam(IoSignatureGate.SIGNATURE_PARAM) String signature,
            @QueryParam(IoSignatureGate.TIMESTAMP_PARAM) String timestamp) {
        Optional<SandboxConfig.Partner> partner = config.partner(partnerId);
        if (partner.isEmpty()) {
            return page(404, PermissionPages.error("There is no partner " + partnerId + "."));
        }
        Optional<String> unsigned = ioSignatures.refusal(partnerId, partner.get(), signature, timestamp);
        if (unsigned.isPresent()) {
            return page(403, PermissionPages.error(unsigned.get()));
        }
        String redirect = redirectUrl != null ? redirectUrl : store.settings(partnerId).redirectUrl();
        if (!isHttpUrl(redirect)) {
            return page(400, PermissionPages.error("The partner has set no valid redirect URL, and the link passes "
                    + "none (redirect_url)."));
        }
        PermissionPages.Flow flow = new PermissionPages.Flow(redirect, state, partnerPayload);
        return page(200, "login".equals(next)
                ? PermissionPages.login(partnerId, flow, email, number)
                : PermissionPages.signUp(partnerId, flow, name, email, number));
    }

    @POST
    @Path("/signup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(@PathParam("partnerId") String partnerId, @FormParam("name") String name,
            @FormParam("email") String email, @FormParam("numbers") String numbers,
            @FormParam("redirect_url") String redirectUrl, @FormParam("state") String state,
            @FormParam("partner") String partnerPayload) {
        if (config.partner(partnerId).isEmpty() || !isHttpUrl(redirectUrl)) {
            return page(400, PermissionPages.error("This sign-up did not start from a partner's link."));
        }
        if (blank(name, 100) || blank(email, 200) || !email.contains("@")) {
            return page(400, PermissionPages.error("Please give a company name and an email address."));
        }
        List<String> typed = typedNumbers(numbers);
        if (typed.isEmpty()) {
            return page(400, PermissionPages.error("Please give at least one WhatsApp number."));
        }
        // A known email signs in rather than creating a second account, so repeated e2e runs stay simple.
        Client client = store.clientByEmail(partnerId, email.strip()).orElseGet(() -> {
            Client created = store.createClient(partnerId, name.strip(), email.strip(), blankToNull(partnerPayload));
            lifecycle.clientCreated(created);
            return created;
        });
        return proceed(new Visit(Ids.secret("visit-"), partnerId, client.id(), redirectUrl, state, typed, List.of()));
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@PathParam("partnerId") String partnerId, @FormParam("email") String email,
            @FormParam("numbers") String numbers, @FormParam("redirect_url") String redirectUrl,
            @FormParam("state") String state) {
        if (config.partner(partnerId).isEmpty() || !isHttpUrl(redirectUrl)) {
            return page(400, PermissionPages.error("This login did not start from a partner's link."));
        }
        Optional<Client> client = email == null ? Optional.empty() : store.clientByEmail(partnerId, email.strip());
        if (client.isEmpty()) {
            return page(404, PermissionPages.error("There is no account for this email address: please sign up."));
        }
        List<String> typed = typedNumbers(numbers);
        return proceed(new Visit(Ids.secret("visit-"), partnerId, client.get().id(), redirectUrl, state, typed,
                List.of()));
    }

    @GET
    @Path("/visits/{visitId}")
    public Response visit(@PathParam("partnerId") String partnerId, @PathParam("visitId") String visitId) {
        Optional<Visit> visit = visits.get(partnerId, visitId);
        if (visit.isEmpty()) {
            return expired();
        }
        return page(200, visit.get().awaitsPayment(config.partner(partnerId).orElseThrow().paymentMode())
                ? PermissionPages.price(partnerId, visit.get())
                : PermissionPages.choose(partnerId, visit.get(), store.channelsOf(visit.get().clientId())));
    }

    @POST
    @Path("/visits/{visitId}/payment")
    public Response pay(@PathParam("partnerId") String partnerId, @PathParam("visitId") String visitId) {
        return visits.get(partnerId, visitId).map(this::connect).map(this::next).orElseGet(this::expired);
    }

    @POST
    @Path("/visits/{visitId}/permissions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response permissions(@PathParam("partnerId") String partnerId, @PathParam("visitId") String visitId,
            @FormParam("permit") List<String> permit, @FormParam("revoke") List<String> revoke) {
        Optional<Visit> ended = visits.end(partnerId, visitId);
        if (ended.isEmpty()) {
            return expired();
        }
        Visit visit = ended.get();
        permit = permit == null ? List.of() : permit;
        revoke = revoke == null ? List.of() : revoke;
        Set<String> own = new HashSet<>();
        store.channelsOf(visit.clientId()).forEach(channel -> own.add(channel.id()));
        if (!own.containsAll(permit) || !own.containsAll(revoke) || permit.stream().anyMatch(revoke::contains)) {
            return page(400, PermissionPages.error("Choose each of your own numbers at most once."));
        }
        List<String> granted = new ArrayList<>();
        List<String> revoked = new ArrayList<>();
        for (Channel channel : store.channelsOf(visit.clientId())) {
            if (permit.contains(channel.id()) && !channel.permitted()) {
                store.permit(channel.id(), true);
                granted.add(channel.id());
            } else if (revoke.contains(channel.id()) && channel.permitted()) {
                store.permit(channel.id(), false);
                revoked.add(channel.id());
            }
        }
        // A raw header: java.net.URI refuses the documented unencoded brackets of channels=[..].
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION,
                PartnerRedirect.of(visit.redirectUrl(), visit.clientId(), granted, revoked, visit.state())).build();
    }

    /** Numbers the client cannot have meant are answered with the parser's message, on a 400 page. */
    @ServerExceptionMapper
    public Response unreadableNumbers(PhoneNumbers.Unreadable problem) {
        return page(400, PermissionPages.error(problem.getMessage()));
    }

    private List<String> typedNumbers(String numbers) {
        return PhoneNumbers.parse(numbers, config.limits().numbersPerVisit());
    }

    /** Straight to the numbers unless the price page comes first. */
    private Response proceed(Visit visit) {
        PaymentMode mode = config.partner(visit.partnerId()).orElseThrow().paymentMode();
        return next(visit.awaitsPayment(mode) ? visits.put(visit) : connect(visit));
    }

    /** Embedded Signup: the typed numbers become channels, and each new one starts its way to live. */
    private Visit connect(Visit visit) {
        Client client = store.client(visit.clientId()).orElseThrow();
        List<String> connected = new ArrayList<>();
        for (String number : visit.numbers()) {
            SandboxStore.Connected channel = store.connect(client, number);
            if (channel.isNew()) {
                lifecycle.start(channel.channel());
            }
            connected.add(channel.channel().id());
        }
        return visits.put(visit.connected(connected));
    }

    private Response next(Visit visit) {
        return Response.seeOther(URI.create("/dashboard/app/" + visit.partnerId() + "/permissions/visits/"
                + visit.id())).build();
    }

    private Response expired() {
        return page(404, PermissionPages.error("This page has expired: start again from the partner's link."));
    }

    private static Response page(int status, String html) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = url == null ? null : URI.create(url);
            return uri != null && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static boolean blank(String value, int max) {
        return value == null || value.isBlank() || value.length() > max;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
