package org.partnerhub.onboarding.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.partnerhub.onboarding.events.CloudEventHeaders;
import org.partnerhub.onboarding.events.CloudEventMetadata;
import org.partnerhub.onboarding.events.Event;
import org.partnerhub.onboarding.events.EventCodec;
import org.partnerhub.onboarding.events.EventJson;
import org.partnerhub.onboarding.events.EventType;
import org.partnerhub.onboarding.events.permission.ClientLinked;
import org.partnerhub.onboarding.events.permission.PermissionGranted;
import org.partnerhub.onboarding.events.permission.PermissionRevoked;
import org.partnerhub.onboarding.events.permission.Verification;
import org.partnerhub.onboarding.gateway.state.SignedState;
import org.partnerhub.onboarding.gateway.state.StateSigner;
import org.partnerhub.onboarding.runtime.tracing.TraceParent;
import org.partnerhub.onboarding.testkit.KafkaTestResource;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
@QuarkusTestResource(PartnerApiStub.class)
class RedirectTest {

    private static final EventCodec CODEC = new EventCodec();

    @Test
    void aRedirectPublishesTheClientLinkAndEveryGrantAndRevocation() throws Exception {
        Flows.Started flow = Flows.start("direct");
        String client = id("cl");
        String granted1 = id("chA");
        String granted2 = id("chB");
        String revoked = id("chC");
        // 360dialog lists two of the channels under the client already; granted2 it does not list yet (lag).
        PartnerApiStub.client(GatewayTestResource.DIRECT_PARTNER, client, flow.tenant(), granted1, revoked);

        redirect(flow.nonce())
                .queryParam("client", client)
                .queryParam("channels", "[" + granted1 + "," + granted2 + "]")
                .queryParam("revoked", "[" + revoked + "]")
                .queryParam("state", flow.state())
                .when().get("/onboarding/redirect")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("\"client\":\"" + client + "\""))
                .body(containsString("\"channels\":[\"" + granted1 + "\",\"" + granted2 + "\"]"))
                .body(containsString("\"revoked\":[\"" + revoked + "\"]"))
                .body(containsString(GatewayTestResource.APP_ORIGIN));

        Map<String, Event> published = published(Set.of(client, granted1, granted2, revoked));
        assertThat(published).hasSize(4);
        Instant at = published.get(client).occurredAt();
        String tenant = flow.tenant();
        String nonce = flow.nonce();
        assertThat(published).containsExactlyInAnyOrderEntriesOf(Map.of(
                client, new ClientLinked("direct", client, tenant, at, nonce),
                granted1, new PermissionGranted("direct", client, granted1, tenant, "redirect", at, nonce,
                        Verification.CONFIRMED),
                granted2, new PermissionGranted("direct", client, granted2, tenant, "redirect", at, nonce,
                        Verification.PENDING),
                revoked, new PermissionRevoked("direct", client, revoked, tenant, "redirect", at, nonce,
                        Verification.CONFIRMED)));
    }

    @Test
    void everyRecordCarriesExactlyTheCloudEventsHeadersTheRedirectsTraceAndASchemaValidPayload() throws Exception {
        Flows.Started flow = Flows.start("main");
        String client = id("cl");
        String channel = id("ch");
        String revoked = id("ch");
        PartnerApiStub.client(GatewayTestResource.MAIN_PARTNER, client, flow.tenant(), channel, revoked);

        accept(flow, client, "[" + channel + "]", "[" + revoked + "]");

        List<ConsumerRecord<String, byte[]>> records = PermissionsTopic.recordsWithKeys(Set.of(client, channel, revoked));
        assertThat(records).hasSize(3);
        Set<String> traces = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Event event = CODEC.decode(CloudEventMetadata.from(record.headers()), record.value());
            assertThat(record.key()).isEqualTo(event.key());
            Map<String, String> headers = new LinkedHashMap<>(headers(record));
            traces.add(TraceParent.parse(headers.remove(TraceParent.HEADER)).orElseThrow().traceId());
            assertThat(headers).containsExactlyEntriesOf(CloudEventHeaders.asMap(event, "/onboarding-gateway"));
            assertThat(schema(EventType.of(event.type()))
                    .validate(EventJson.newMapper().readTree(record.value()))).isEmpty();
        }
        assertThat(traces).as("one redirect, one trace").hasSize(1);
    }

    @Test
    void takesTheListsInTheirLiteralBracketedFormToo() {
        Flows.Started flow = Flows.start("main");
        String client = id("cl");
        String channel = id("ch");
        PartnerApiStub.client(GatewayTestResource.MAIN_PARTNER, client, flow.tenant(), channel);

        redirect(flow.nonce()).urlEncodingEnabled(false)
                .when().get("/onboarding/redirect?client=" + client + "&channels=[" + channel + "]&revoked=[]&state="
                        + flow.state())
                .then().statusCode(200);

        assertThat(published(Set.of(channel))).containsKey(channel);
    }

    @Test
    void aRefreshedRedirectRepublishesTheSameEventIds() {
        Flows.Started flow = Flows.start("main");
        String client = id("cl");
        String channel = id("ch");
        PartnerApiStub.client(GatewayTestResource.MAIN_PARTNER, client, flow.tenant(), channel);

        accept(flow, client, "[" + channel + "]", null);
        accept(flow, client, "[" + channel + "]", null);

        List<String> ids = PermissionsTopic.recordsWithKeys(Set.of(client, channel)).stream()
                .map(record -> header(record, CloudEventHeaders.ID)).toList();
        assertThat(ids).hasSize(4);
        assertThat(Set.copyOf(ids)).hasSize(2);
    }

    static Stream<Arguments> malformedRedirects() {
        return Stream.of(
                Arguments.of(Map.of("channels", "[abcCH]"), "client is missing"),
                Arguments.of(Map.of("client", "a b", "channels", "[abcCH]"), "client must be"),
                Arguments.of(Map.of("client", "oaY9LLfUCL", "channels", "abcCH"), "bracketed list"),
                Arguments.of(Map.of("client", "oaY9LLfUCL", "channels", "[abc CH]"), "may only hold ids"),
                Arguments.of(Map.of("client", "oaY9LLfUCL", "channels", "[" + "x".repeat(65) + "]"), "1 to 64"),
                Arguments.of(Map.of("client", "oaY9LLfUCL", "channels", "[<script>alert(1)</script>]"),
                        "may only hold ids"),
                Arguments.of(Map.of("client", "oaY9LLfUCL", "revoked", "[a,,b]"), "revoked may only hold ids"),
                Arguments.of(Map.of("client", "oaY9LLfUCL", "channels", "[a]", "revoked", "[a]"), "both"));
    }

    @ParameterizedTest
    @MethodSource("malformedRedirects")
    void aMalformedRedirectIsRefusedAndPublishesNothing(Map<String, String> query, String reason) {
        Flows.Started flow = Flows.start("main");
        long before = PermissionsTopic.size();

        redirect(flow.nonce()).queryParams(query).queryParam("state", flow.state())
                .when().get("/onboarding/redirect")
                .then().statusCode(400).contentType(containsString("text/html")).body(containsString(reason));

        assertThat(PermissionsTopic.size()).isEqualTo(before);
    }

    @Test
    void aRedirectWithoutStateIsRefused() {
        assertRefused(null, Map.of("client", "oaY9LLfUCL", "channels", "[abcCH]"), "state is missing");
    }

    @Test
    void aTamperedStateIsRefused() {
        Flows.Started flow = Flows.start("main");
        String state = flow.state();
        String tampered = (state.charAt(0) == 'A' ? "B" : "A") + state.substring(1);

        assertRefused(flow.nonce(), redirectQuery(tampered), "not valid");
    }

    @Test
    void aStateSignedWithAnotherSecretIsRefused() {
        SignedState foreign = signer("fake-secret-of-another-gateway-0123456789", Clock.systemUTC(), "main")
                .issue("main", "tenant-1");

        assertRefused(foreign.state().nonce(), redirectQuery(foreign.token()), "not valid");
    }

    @Test
    void anExpiredStateIsRefused() {
        Clock longAgo = Clock.fixed(Instant.now().minus(Duration.ofMinutes(31)), ZoneOffset.UTC);
        SignedState expired = signer(stateSecret(), longAgo, "main").issue("main", "tenant-1");

        assertRefused(expired.state().nonce(), redirectQuery(expired.token()), "expired");
    }

    @Test
    void aStateForAHubThatIsNoLongerConfiguredIsRefused() {
        SignedState retired = signer(stateSecret(), Clock.systemUTC(), "retired").issue("retired", "tenant-1");

        assertRefused(retired.state().nonce(), redirectQuery(retired.token()), "not configured");
    }

    @Test
    void aRedirectInABrowserWithoutTheNonceCookieIsRefused() {
        Flows.Started flow = Flows.start("main");

        assertRefused(null, redirectQuery(flow.state()), "started in another browser");
    }

    @Test
    void aRedirectWithTheNonceOfAnotherFlowIsRefused() {
        Flows.Started victims = Flows.start("main", "tenant-victim");
        Flows.Started attackers = Flows.start("main", "tenant-attacker");

        assertRefused(victims.nonce(), redirectQuery(attackers.state()), "started in another browser");
    }

    @Test
    void countsAcceptedAndRejectedRedirects() {
        Flows.Started flow = Flows.start("direct");
        String client = id("cl");
        PartnerApiStub.client(GatewayTestResource.DIRECT_PARTNER, client, flow.tenant());
        accept(flow, client, "[" + id("ch") + "]", null);
        assertRefused(null, redirectQuery(flow.state()), "started in another browser");

        String metrics = given().accept("text/plain").when().get("/q/metrics").asString();

        assertThat(metrics)
                .contains("onboarding_redirects_accepted_total{application=\"onboarding-gateway\",hub=\"direct\"")
                .contains("onboarding_redirects_rejected_total{application=\"onboarding-gateway\",reason=\"nonce-mismatch\"");
    }

    private static void accept(Flows.Started flow, String client, String channels, String revoked) {
        RequestSpecification request = redirect(flow.nonce())
                .queryParam("client", client).queryParam("channels", channels).queryParam("state", flow.state());
        if (revoked != null) {
            request.queryParam("revoked", revoked);
        }
        request.when().get("/onboarding/redirect").then().statusCode(200);
    }

    private static void assertRefused(String nonce, Map<String, String> query, String reason) {
        long before = PermissionsTopic.size();

        Response response = redirect(nonce).queryParams(query).when().get("/onboarding/redirect");

        response.then().statusCode(400).body(containsString(reason)).body(containsString("Nothing was recorded"));
        assertThat(PermissionsTopic.size()).isEqualTo(before);
    }

    private static RequestSpecification redirect(String nonce) {
        RequestSpecification request = given().redirects().follow(false);
        return nonce == null ? request : request.cookie(Flows.NONCE_COOKIE, nonce);
    }

    private static Map<String, String> redirectQuery(String state) {
        return Map.of("client", id("cl"), "channels", "[" + id("ch") + "]", "state", state);
    }

    private static Map<String, Event> published(Set<String> keys) {
        Map<String, Event> events = new LinkedHashMap<>();
        PermissionsTopic.recordsWithKeys(keys).forEach(record -> events.put(record.key(),
                CODEC.decode(CloudEventMetadata.from(record.headers()), record.value())));
        return events;
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static JsonSchema schema(EventType type) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                SchemaLocation.of("classpath:" + type.schemaResource()),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    private static StateSigner signer(String secret, Clock clock, String hub) {
        return new StateSigner(List.of(secret), Duration.ofMinutes(30), Set.of(hub), clock);
    }

    private static String stateSecret() {
        return ConfigProvider.getConfig().getValue("onboarding.gateway.state-secret", String.class);
    }

    private static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
