package org.partnerhub.onboarding.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A client's trip through the onboarding popup in plain HTTP, as the browser makes it: the partner page asks the
 * gateway for a session (and gets the nonce cookie), the client completes 360dialog's permission page, and the
 * browser follows 360dialog's redirect back to the gateway with the cookie.
 */
final class PopupVisit {

    /** What the redirect handed back; {@code channelByNumber} is what the numbers screen showed. */
    record Connected(String client, List<String> channels, List<String> revoked, Map<String, String> channelByNumber) {

        String channelOf(String number) {
            String channel = channelByNumber.get(number);
            assertThat(channel).as("channel of +%s", number).isNotNull();
            return channel;
        }
    }

    private final LocalStack stack;
    private final Duration reloadFor;

    PopupVisit(LocalStack stack) {
        this(stack, Duration.ZERO);
    }

    /**
     * A visitor who, for up to {@code reloadFor}, reloads a gateway page that answered 5xx or did not answer, as a
     * person does with a browser during an outage.
     */
    PopupVisit(LocalStack stack, Duration reloadFor) {
        this.stack = stack;
        this.reloadFor = reloadFor;
    }

    /** A new client signs up with these numbers and shares them all. */
    Connected signUp(String hub, String tenant, String email, List<String> numbers) {
        Session session = start(hub, tenant, Map.of("email", email, "name", "Bakery of " + tenant));
        PermissionPage signUp = page(session.permissionsUrl());
        URI visit = submit(signUp, Map.of("numbers", String.join(", ", numbers)));
        return choose(session, visit, List.of());
    }

    /**
     * A new client signs up with these numbers and shares them all, but the browser is closed before 360dialog's
     * redirect reaches the gateway: 360dialog knows the permission, the gateway never hears of it. Answers the channel
     * ids by number, as the numbers screen showed them.
     */
    Map<String, String> signUpAndClose(String hub, String tenant, String email, List<String> numbers) {
        Session session = start(hub, tenant, Map.of("email", email, "name", "Bakery of " + tenant));
        PermissionPage signUp = page(session.permissionsUrl());
        URI visit = submit(signUp, Map.of("numbers", String.join(", ", numbers)));
        Map<String, String> channelByNumber = new LinkedHashMap<>();
        chooseNumbers(visit, List.of(), channelByNumber);
        return channelByNumber;
    }

    /** A known client logs in again and revokes the channels of these numbers. */
    Connected revoke(String hub, String tenant, String email, List<String> numbers) {
        Map<String, Object> prefill = new HashMap<>(Map.of("email", email));
        prefill.put("login", true);
        Session session = start(hub, tenant, prefill);
        PermissionPage login = page(session.permissionsUrl());
        URI visit = submit(login, Map.of("numbers", ""));
        return choose(session, visit, numbers);
    }

    private record Session(URI permissionsUrl, String nonceCookie) {

        String state() {
            return query(permissionsUrl).get("state");
        }
    }

    /** What a tenant's browser holds once it started a flow of its own: the gateway's signed state and nonce cookie. */
    record StartedFlow(String state, String nonceCookie) {
    }

    /** Starts a flow for the tenant and stops before 360dialog: what a tenant needs to forge a redirect. */
    StartedFlow startFlow(String hub, String tenant) {
        Session session = start(hub, tenant, Map.of("email", "forger-" + tenant + "@client.example"));
        return new StartedFlow(session.state(), session.nonceCookie());
    }

    /** Loads the gateway's redirect page with ids of the caller's choosing, as a browser can. */
    Http.Answer redirect(StartedFlow flow, String client, List<String> channels, List<String> revoked) {
        StringBuilder query = new StringBuilder("client=").append(client);
        query.append("&channels=").append(bracketed(channels));
        if (!revoked.isEmpty()) {
            query.append("&revoked=").append(bracketed(revoked));
        }
        query.append("&state=").append(URLEncoder.encode(flow.state(), StandardCharsets.UTF_8));
        return Http.get(stack.gateway.resolve("/onboarding/redirect?" + query), "Cookie", flow.nonceCookie());
    }

    private static String bracketed(List<String> ids) {
        return "%5B" + String.join(",", ids) + "%5D";
    }

    private Session start(String hub, String tenant, Map<String, Object> prefill) {
        Map<String, Object> body = new LinkedHashMap<>(prefill);
        body.put("hub", hub);
        Http.Answer answer = reloading(() -> Http.postJson(stack.gateway.resolve("/onboarding/sessions?tenant="
                + tenant), body));
        assertThat(answer.status()).as("session: %s", answer.body()).isEqualTo(200);
        String cookie = answer.header("Set-Cookie").orElseThrow(() -> new AssertionError("no nonce cookie"));
        return new Session(URI.create(answer.json().get("permissionsUrl").asText()), cookie.split(";", 2)[0]);
    }

    private Connected choose(Session session, URI visit, List<String> revokeNumbers) {
        Map<String, String> channelByNumber = new LinkedHashMap<>();
        URI redirect = chooseNumbers(visit, revokeNumbers, channelByNumber);
        Http.Answer landed = reloading(() -> Http.get(redirect, "Cookie", session.nonceCookie()));
        assertThat(landed.status()).as("gateway redirect page: %s", landed.body()).isEqualTo(200);
        Map<String, String> query = query(redirect);
        return new Connected(query.get("client"), list(query.get("channels")), list(query.get("revoked")),
                channelByNumber);
    }

    /** Submits the numbers screen, permitting every offered number and revoking these; answers 360dialog's redirect. */
    private URI chooseNumbers(URI visit, List<String> revokeNumbers, Map<String, String> channelByNumber) {
        PermissionPage page = page(visit);
        if (page.asksForPayment()) {
            page = page(submit(page, Map.of()));
        }
        Map<String, List<String>> choice = new LinkedHashMap<>();
        List<String> permit = new ArrayList<>();
        List<String> revoke = new ArrayList<>();
        for (PermissionPage.Offer offer : page.offers().values()) {
            channelByNumber.put(offer.number(), offer.channelId());
            if (offer.field().equals("permit") && offer.checked()) {
                permit.add(offer.channelId());
            }
            if (offer.field().equals("revoke") && revokeNumbers.contains(offer.number())) {
                revoke.add(offer.channelId());
            }
        }
        choice.put("permit", permit);
        choice.put("revoke", revoke);
        Http.Answer chosen = Http.postForm(page.target(), choice);
        assertThat(chosen.status()).as("numbers page: %s", chosen.body()).isEqualTo(303);
        URI redirect = chosen.location();
        assertThat(redirect.getAuthority()).as("360dialog redirects to the gateway")
                .isEqualTo(stack.gateway.getAuthority());
        return redirect;
    }

    private Http.Answer reloading(Supplier<Http.Answer> load) {
        if (reloadFor.isZero()) {
            return load.get();
        }
        AtomicReference<Http.Answer> last = new AtomicReference<>();
        await().atMost(reloadFor).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    last.set(load.get());
                    return last.get().status() < 500;
                });
        return last.get();
    }

    private static PermissionPage page(URI uri) {
        Http.Answer answer = Http.get(uri);
        assertThat(answer.status()).as("%s: %s", uri, answer.body()).isEqualTo(200);
        return PermissionPage.read(uri, answer.body());
    }

    /** Submits a screen's form with its prefilled fields, some overridden; answers where the 303 leads. */
    private static URI submit(PermissionPage page, Map<String, String> overrides) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        page.fields().forEach((name, value) -> fields.put(name, List.of(overrides.getOrDefault(name, value))));
        Http.Answer answer = Http.postForm(page.target(), fields);
        assertThat(answer.status()).as("%s: %s", page.target(), answer.body()).isEqualTo(303);
        return answer.location();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            params.put(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return params;
    }

    private static List<String> list(String bracketed) {
        assertThat(bracketed).startsWith("[").endsWith("]");
        String inner = bracketed.substring(1, bracketed.length() - 1);
        return inner.isEmpty() ? List.of() : Arrays.asList(inner.split(","));
    }
}
