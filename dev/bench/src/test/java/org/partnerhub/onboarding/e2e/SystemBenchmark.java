package org.partnerhub.onboarding.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 17: onboardings per second of the whole system, run by {@code dev/bench/system.sh} only (surefire's includes
 * leave it out of {@code verify}). One stack as {@code ./run-local} starts it (dev/e2e's {@link LocalStack}), the
 * sandbox without faults and answering at once; then per round of N: N clients sign up with one number each through
 * the popup in plain HTTP ({@link PopupVisit}), {@code bench.visitors} at a time, over both hubs and eight new tenants;
 * the sandbox walks each channel from {@code created} to {@code live} by webhook; the round ends when every channel's
 * {@code api-key.provisioned} is on {@code channel.api-keys} ({@link TopicWatch}). Then it checks the outcome: every
 * key handed out by key-provisioner and the very one 360dialog holds, one creation at 360dialog and one provisioned
 * event per channel.
 *
 * <p>System properties: {@code bench.sizes} (rounds, e.g. {@code "100 1000 10000"}), {@code bench.visitors}
 * (concurrent visitors, default 20), {@code bench.warmup} (onboardings of an unreported first round, default 100).
 */
class SystemBenchmark {

    private static final Pattern REJECTED = Pattern.compile(
            "(?m)^onboarding_redirects_rejected_total\\{[^}]*reason=\"([^\"]+)\"[^}]*} ([0-9.eE+]+)$");
    private static final List<String> HUBS = List.of("partnerpay", "directpay");
    private static final int TENANTS_PER_ROUND = 8;
    /**
     * On top of LocalStack's: the reconciler and the permission poller at run-local's and the services' defaults (the
     * e2e stack's few-second intervals would read thousands of live channels again during a round); 360dialog's
     * limits far above a round's clients and channels; no webhook turned away for having too many in flight
     * (360dialog's own limit is not known; the sandbox's default of 64 would drop them under load, a fault of its own);
     * and a webhook that webhook-ingest does not answer in time tried again for about four minutes rather than one
     * second, so that a loaded machine slows the round down instead of leaving it to the reconciler.
     */
    private static final Map<String, String> SETTINGS = Map.ofEntries(
            Map.entry("ONBOARDING_RECONCILE_INTERVAL", "30S"),
            Map.entry("ONBOARDING_RECONCILE_STALE_AFTER", "1M"),
            Map.entry("ONBOARDING_RECONCILE_LIVE_INTERVAL", "1H"),
            Map.entry("ONBOARDING_RECONCILE_PERMISSIONS_TICK", "30S"),
            Map.entry("ONBOARDING_RECONCILE_PERMISSIONS_HOT_INTERVAL", "2M"),
            Map.entry("ONBOARDING_RECONCILE_PERMISSIONS_RECENT_WINDOW", "1H"),
            Map.entry("ONBOARDING_RECONCILE_PERMISSIONS_CALLS_PER_MINUTE", "30"),
            Map.entry("SANDBOX_LIMITS_CLIENTS", "200000"),
            Map.entry("SANDBOX_LIMITS_CHANNELS", "200000"),
            Map.entry("SANDBOX_WEBHOOKS_MAX_IN_FLIGHT", "100000"),
            Map.entry("SANDBOX_WEBHOOKS_ATTEMPTS", "10"),
            Map.entry("SANDBOX_WEBHOOKS_RETRY_DELAY", "500ms"));
    /** A gateway page that answers 503 (its Partner API check timed out) is reloaded, as its text asks a person to. */
    private static final Duration RELOAD = Duration.ofSeconds(120);

    private final int visitors = Integer.getInteger("bench.visitors", 20);
    private final SoftAssertions problems = new SoftAssertions();
    private LocalStack stack;
    private HubSandbox sandbox;
    private Path report;

    @Test
    void onboardingsPerSecond() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.sizes", "100 1000 10000").trim().split("[ ,]+"))
                .map(Integer::valueOf).toList();
        int warmup = Integer.getInteger("bench.warmup", 100);
        stack = LocalStack.start(1, SETTINGS);
        try {
            sandbox = new HubSandbox(stack);
            report = stack.output.resolve("system.md");
            Files.writeString(report, "");
            if (warmup > 0) {
                round("warm-up", warmup);
            }
            List<String> rows = new ArrayList<>();
            for (int size : sizes) {
                rows.add(round("round", size));
            }
            print("| onboardings | first redirect → last key | last webhook → last key | onboardings/s | keys/s "
                    + "| keys/s after the last webhook | latency p50 | p90 | p99 | max | load average (1 min) before → after |");
            print("|---|---|---|---|---|---|---|---|---|---|---|");
            rows.forEach(this::print);
        } finally {
            stack.stop();
        }
        problems.assertAll();
    }

    /** One round of {@code size} onboardings; answers its table row. */
    private String round(String label, int size) throws Exception {
        sandbox.resetFaults();
        JsonNode knobs = Http.get(stack.sandbox.resolve("/sandbox/faults")).json();
        JsonNode countersBefore = sandbox.counters();
        Map<String, Integer> refusedBefore = redirectsRefused();
        String loadBefore = loadAverage();
        List<String> tenants = IntStream.range(0, TENANTS_PER_ROUND).mapToObj(i -> Newcomers.tenant()).toList();
        Map<String, Instant> redirected = new ConcurrentHashMap<>();
        Map<String, String> failedVisits = new ConcurrentHashMap<>();
        Figures figures;
        Map<String, Integer> keyedTwice;
        try (TopicWatch watch = new TopicWatch(stack.kafka)) {
            PopupVisit popup = new PopupVisit(stack, RELOAD);
            ExecutorService pool = Executors.newFixedThreadPool(visitors);
            try {
                List<Future<?>> visits = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    String hub = HUBS.get(i % HUBS.size());
                    String tenant = tenants.get(i % tenants.size());
                    visits.add(pool.submit(() -> visit(popup, hub, tenant, redirected, failedVisits)));
                }
                for (Future<?> visit : visits) {
                    visit.get();
                }
            } finally {
                pool.shutdown();
            }
            Set<String> channels = Set.copyOf(redirected.keySet());
            // Generous: on a shared two-core machine at load average 30 a round of 100 took 50 s.
            Duration bound = Duration.ofSeconds(180).plusMillis(100L * size);
            try {
                await().atMost(bound).pollInterval(Duration.ofMillis(50))
                        .until(() -> watch.keyed(channels).size() == channels.size());
            } catch (ConditionTimeoutException e) {
                problems.fail("%s of %d: %d channels had no key within %s", label, size,
                        channels.size() - watch.keyed(channels).size(), bound);
            }
            figures = new Figures(redirected, watch.keyed(channels),
                    watch.lastWebhook(channels).orElseThrow(() -> new AssertionError("no webhook of the round")));
            // The hand-out checks take a while: a second provisioned event of some channel would show by then.
            int handoutMismatches = checkHandout(channels);
            keyedTwice = watch.keyedMoreThanOnce(channels);
            problems.assertThat(handoutMismatches).as("%s of %d: keys not handed out as 360dialog holds them", label,
                    size).isZero();
        }
        String loadAfter = loadAverage();
        JsonNode countersAfter = sandbox.counters();
        Map<Integer, Integer> creationsPerChannel = new TreeMap<>();
        long creations = 0;
        for (String channel : redirected.keySet()) {
            int made = countersAfter.path("apiKeyCreations").path(channel).asInt(0);
            creationsPerChannel.merge(made, 1, Integer::sum);
            creations += made;
        }
        Map<String, Integer> webhooks = delta(countersBefore.path("webhooks"), countersAfter.path("webhooks"));
        Map<String, Integer> partnerApi = delta(countersBefore.path("partnerApi"), countersAfter.path("partnerApi"));
        Map<String, Integer> refused = new TreeMap<>();
        redirectsRefused().forEach((reason, count) -> {
            int added = count - refusedBefore.getOrDefault(reason, 0);
            if (added != 0) {
                refused.put(reason, added);
            }
        });

        print(String.format("BENCHMARK system %s %s visitors=%d hubs=%d tenants=%d failed-visits=%d key-creations=%d "
                + "channels-by-creations=%s keyed-twice=%d step-delay=%dms partner-api-latency=%dms webhooks=%s "
                + "partner-api-refusals=%s redirects-refused=%s load=%s->%s", label, figures.line(), visitors, HUBS.size(),
                TENANTS_PER_ROUND, failedVisits.size(), creations, creationsPerChannel, keyedTwice.size(),
                knobs.path("stepDelayMs").asInt(), knobs.path("latencyMs").asInt(), webhooks, partnerApi,
                refused, loadBefore, loadAfter));
        problems.assertThat(failedVisits).as("%s of %d: failed visits", label, size).isEmpty();
        problems.assertThat(figures.missing()).as("%s of %d: channels never keyed", label, size).isEmpty();
        problems.assertThat(keyedTwice).as("%s of %d: channels keyed more than once", label, size).isEmpty();
        problems.assertThat(creationsPerChannel).as("%s of %d: channels by key creations at 360dialog", label, size)
                .isEqualTo(Map.of(1, size));
        return figures.tableRow(loadBefore + " → " + loadAfter);
    }

    /** A new client signs up with one number and shares it; the channel counts from the gateway's answer. */
    private static void visit(PopupVisit popup, String hub, String tenant, Map<String, Instant> redirected,
            Map<String, String> failed) {
        String number = Newcomers.number();
        try {
            PopupVisit.Connected connected = popup.signUp(hub, tenant, Newcomers.email(), List.of(number));
            redirected.put(connected.channelOf(number), Instant.now());
        } catch (RuntimeException | AssertionError e) {
            failed.put(number, String.valueOf(e.getMessage()));
        }
    }

    /**
     * Asks key-provisioner's hand-out for every channel's key, as the partner's services would; answers how many were
     * not handed out (200) or not the key 360dialog holds for the channel now.
     */
    private int checkHandout(Set<String> channels) throws Exception {
        JsonNode held = Http.get(stack.sandbox.resolve("/sandbox/keys")).json();
        Services services = new Services(stack);
        AtomicInteger mismatches = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> asks = new ArrayList<>();
            for (String channel : channels) {
                asks.add(pool.submit(() -> {
                    Http.Answer answer = services.apiKey(channel);
                    JsonNode keys = held.path(channel);
                    boolean same = answer.status() == 200 && keys.size() == 1
                            && keys.get(0).path("api_key").asText().equals(answer.json().path("apiKey").asText());
                    if (!same) {
                        mismatches.incrementAndGet();
                    }
                }));
            }
            for (Future<?> ask : asks) {
                ask.get();
            }
        } finally {
            pool.shutdown();
        }
        return mismatches.get();
    }

    /** What a round added to each of the sandbox's counters (an object of numbers), the ones that moved. */
    private static Map<String, Integer> delta(JsonNode before, JsonNode after) {
        Map<String, Integer> delta = new TreeMap<>();
        after.fields().forEachRemaining(counter -> {
            int added = counter.getValue().asInt() - before.path(counter.getKey()).asInt(0);
            if (added != 0) {
                delta.put(counter.getKey(), added);
            }
        });
        return delta;
    }

    /**
     * The gateway's {@code onboarding_redirects_rejected_total} per reason: how often a visitor met its "try again"
     * page (a person reloads it; so does {@link PopupVisit} here).
     */
    private Map<String, Integer> redirectsRefused() {
        Map<String, Integer> refused = new TreeMap<>();
        Matcher metric = REJECTED.matcher(Http.get(stack.gateway.resolve("/q/metrics")).body());
        while (metric.find()) {
            refused.merge(metric.group(1), (int) Double.parseDouble(metric.group(2)), Integer::sum);
        }
        return refused;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** To the console and to {@code system.md} in the stack's output folder, which the script prints at the end. */
    private void print(String line) {
        System.out.println(line);
        try {
            Files.writeString(report, line + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + report, e);
        }
    }
}
