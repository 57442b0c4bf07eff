package org.partnerhub.onboarding.state.importer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.state.reconcile.PartnerApiStub;
import org.partnerhub.onboarding.testkit.KafkaPostgresTestResource;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The first-install import against the Partner API stub, with real Kafka and PostgreSQL. Each test has a hub of its
 * own ({@code import-a}, {@code -b}, {@code -c}); in tests a page holds 50 items, a hub gets 4 listing calls a minute
 * and a page 3 tries. Time is a test clock that the import's waits move on, so a minute's budget passes at once.
 */
@QuarkusTest
@QuarkusTestResource(KafkaPostgresTestResource.class)
@QuarkusTestResource(PartnerApiStub.class)
class FirstInstallImportTest {

    private static final int PAGE = 50;

    @Inject
    FirstInstallImport firstInstallImport;

    @Inject
    Pool pool;

    @Test
    void anImportStoppedByFailingPagesGoesOnFromItsLastFoldedPageAndBindsTenantsFromPartnerPayload() {
        Hub hub = new Hub("import-a", 10, 230);
        hub.stubAll();
        hub.stubChannelPage(150, aResponse().withStatus(503));
        TestTime time = new TestTime();

        assertThatThrownBy(() -> time.run(hub.id))
                .isInstanceOf(FirstInstallImport.ImportFailed.class)
                .hasMessageContaining("hub import-a: listing channels at offset 150 failed 3 times");
        assertThat(channels(hub.id)).as("the three pages before the failing one").isEqualTo(150);
        assertThat(hub.channelRequests(150)).hasSize(3);

        hub.stubChannelPage(150, hub.channelPage(150));
        List<FirstInstallImport.Listed> listed = time.run(hub.id);

        assertThat(listed).extracting(FirstInstallImport.Listed::kind, FirstInstallImport.Listed::read,
                FirstInstallImport.Listed::total, FirstInstallImport.Listed::alreadyDone)
                .containsExactly(tuple(ImportKind.CLIENTS, 0, 10, true),
                        tuple(ImportKind.CHANNELS, 80, 230, false));
        assertThat(hub.channelRequests(0)).as("pages folded before the failure are not read again").hasSize(1);
        assertThat(hub.channelRequests(100)).hasSize(1);
        assertThat(channels(hub.id)).isEqualTo(230);
        assertThat(time.lines).anySatisfy(line -> assertThat(line).isEqualTo("hub import-a, channels: going on from"
                + " offset 150"));
        assertThat(time.lines).last().satisfies(line -> assertThat(line).startsWith(
                "hub import-a, channels: page 2, 230 of 230 (100%), "));
        assertThat(tenantAndStage("import-a-ch-0229")).containsExactly("tenant-import-a-9", "running");
    }

    @Test
    void aFinishedImportRunAgainAsksNothingAndReadingItsPagesAgainChangesNothing() {
        Hub hub = new Hub("import-b", 3, 120);
        hub.stubAll();
        TestTime time = new TestTime();
        time.run(hub.id);
        long history = history(hub.id);
        long applied = appliedEvents();
        assertThat(channels(hub.id)).isEqualTo(120);
        int requests = hub.allRequests();

        List<FirstInstallImport.Listed> again = time.run(hub.id);
        assertThat(again).allSatisfy(listed -> assertThat(listed.alreadyDone()).isTrue());
        assertThat(hub.allRequests()).as("a finished import asks the Partner API nothing").isEqualTo(requests);

        // As if each page's fold had committed and the import died before its cursor did: every page is read again.
        pool.preparedQuery("delete from import_cursor where hub_id = $1").execute(Tuple.of(hub.id))
                .await().indefinitely();
        time.run(hub.id);
        assertThat(hub.allRequests()).isGreaterThan(requests);
        assertThat(history(hub.id)).as("the same observations are applied once").isEqualTo(history);
        assertThat(appliedEvents()).isEqualTo(applied);
        assertThat(channels(hub.id)).isEqualTo(120);
    }

    @Test
    void anImportStaysWithinTheHubsCallsPerMinuteAndWaitsWhatA429Asks() {
        Hub hub = new Hub("import-c", 2, 400);
        hub.stubAll();
        hub.stubChannelPage(200, aResponse().withStatus(429).withHeader("Retry-After", "7"), "throttled");
        TestTime time = new TestTime();

        time.run(hub.id);

        // 1 client page, 8 channel pages and the 429: 10 calls at 4 a minute.
        assertThat(hub.allRequests()).isEqualTo(10);
        assertThat(time.calls).hasSize(10);
        assertThat(time.calls.getLast()).as("the budget waits its minutes").isAfterOrEqualTo(time.start.plus(
                Duration.ofMinutes(2)));
        for (Instant call : time.calls) {
            assertThat(time.calls.stream().filter(other -> !other.isBefore(call)
                    && other.isBefore(call.plus(Duration.ofMinutes(1))))).as("calls in the minute from " + call)
                    .hasSizeLessThanOrEqualTo(4);
        }
        assertThat(time.pauses).as("Retry-After").contains(Duration.ofSeconds(7));
        assertThat(channels(hub.id)).isEqualTo(400);
    }

    @Test
    void aHubWithoutPartnerApiCredentialsIsRefusedByName() {
        assertThatThrownBy(() -> new TestTime().run("partner"))
                .isInstanceOf(FirstInstallImport.ImportFailed.class)
                .hasMessageContaining("hub(s) partner not configured or without Partner API credentials");
    }

    private long channels(String hubId) {
        return count("select count(*) from channel where hub_id = $1", hubId);
    }

    private long history(String hubId) {
        return count("select count(*) from channel_history h join channel c using (channel_id) where c.hub_id = $1",
                hubId);
    }

    private long appliedEvents() {
        return pool.query("select count(*) from applied_event").execute().await().indefinitely().iterator().next()
                .getLong(0);
    }

    private long count(String sql, String hubId) {
        return pool.preparedQuery(sql).execute(Tuple.of(hubId)).await().indefinitely().iterator().next().getLong(0);
    }

    private List<String> tenantAndStage(String channelId) {
        var row = pool.preparedQuery("select tenant, stage from channel where channel_id = $1")
                .execute(Tuple.of(channelId)).await().indefinitely().iterator().next();
        return List.of(row.getString("tenant"), row.getString("stage"));
    }

    /**
     * A test clock that moves only when the import waits, the waits it was asked for, and the clock's time at each
     * Partner API call for the hub (the import waits for each answer, so the clock stands still meanwhile).
     */
    private final class TestTime extends Clock {

        final Instant start = Instant.now();
        volatile Instant now = start;
        final List<Duration> pauses = new ArrayList<>();
        final List<Instant> calls = new CopyOnWriteArrayList<>();
        final List<String> lines = new ArrayList<>();
        private boolean listening;

        List<FirstInstallImport.Listed> run(String hubId) {
            if (!listening) {
                PartnerApiStub.listen(request -> {
                    if (request.getUrl().startsWith("/api/v2/partners/partner-" + hubId + "/")) {
                        calls.add(now);
                    }
                });
                listening = true;
            }
            return firstInstallImport.run(Set.of(hubId), this, duration -> {
                pauses.add(duration);
                now = now.plus(duration);
            }, lines::add);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A hub's clients and channels at the stub, in pages of {@link #PAGE}. */
    private static final class Hub {

        final String id;
        final int clients;
        final int channels;

        Hub(String id, int clients, int channels) {
            this.id = id;
            this.clients = clients;
            this.channels = channels;
        }

        void stubAll() {
            PartnerApiStub.stub(get(urlPathEqualTo(path("clients"))).withQueryParam("offset", equalTo("0"))
                    .willReturn(okJson(clientPage())));
            for (int offset = 0; offset < channels; offset += PAGE) {
                stubChannelPage(offset, channelPage(offset));
            }
        }

        void stubChannelPage(int offset, ResponseDefinitionBuilder answer) {
            PartnerApiStub.stub(get(urlPathEqualTo(path("channels"))).withQueryParam("offset",
                    equalTo(String.valueOf(offset))).willReturn(answer));
        }

        /** The first call for the page is answered so, the ones after it with the page. */
        void stubChannelPage(int offset, ResponseDefinitionBuilder first, String scenario) {
            PartnerApiStub.stub(get(urlPathEqualTo(path("channels"))).withQueryParam("offset",
                    equalTo(String.valueOf(offset))).inScenario(scenario).whenScenarioStateIs("Started")
                    .willReturn(first).willSetStateTo("answered"));
            PartnerApiStub.stub(get(urlPathEqualTo(path("channels"))).withQueryParam("offset",
                    equalTo(String.valueOf(offset))).inScenario(scenario).whenScenarioStateIs("answered")
                    .willReturn(channelPage(offset)));
        }

        ResponseDefinitionBuilder channelPage(int offset) {
            StringBuilder items = new StringBuilder();
            for (int i = offset; i < Math.min(channels, offset + PAGE); i++) {
                items.append(items.isEmpty() ? "" : ",").append(String.format("""
                        {"id":"%s-ch-%04d","client_id":"%s-cl-%d","status":"running","account_mode":"live",\
                        "setup_info":{"phone_number":"+49151%07d"},"created_at":"2026-01-01T00:00:00Z"}""",
                        id, i, id, i % clients, i));
            }
            return okJson(String.format("{\"count\":%d,\"total\":%d,\"limit\":%d,\"offset\":%d,"
                    + "\"partner_channels\":[%s]}", Math.min(PAGE, channels - offset), channels, PAGE, offset, items));
        }

        private String clientPage() {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < clients; i++) {
                items.append(items.isEmpty() ? "" : ",").append(String.format(
                        "{\"id\":\"%s-cl-%d\",\"name\":\"Client %d\",\"partner_payload\":\"tenant-%s-%d\"}", id, i,
                        i, id, i));
            }
            return String.format("{\"count\":%d,\"total\":%d,\"limit\":%d,\"offset\":0,\"clients\":[%s]}", clients,
                    clients, PAGE, items);
        }

        List<LoggedRequest> channelRequests(int offset) {
            return PartnerApiStub.requests(getRequestedFor(urlPathEqualTo(path("channels"))).withQueryParam("offset",
                    equalTo(String.valueOf(offset))));
        }

        int allRequests() {
            return PartnerApiStub.requests(getRequestedFor(urlPathEqualTo(path("channels")))).size()
                    + PartnerApiStub.requests(getRequestedFor(urlPathEqualTo(path("clients")))).size();
        }

        private String path(String listing) {
            return "/api/v2/partners/partner-" + id + "/" + listing;
        }
    }
}
