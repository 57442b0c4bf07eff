package org.partnerhub.onboarding.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.partnerhub.onboarding.e2e.PopupVisit.Connected;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Onboardings while instances crash and Kafka and PostgreSQL go away: two instances of each service, clients going
 * through the popup on both hubs (some revoking a number again) while 360dialog duplicates, reorders and refuses,
 * and meanwhile random instances of each service are killed (SIGKILL) and started again, Kafka is down for ten seconds
 * and PostgreSQL as well. Then only the outside is looked at: HTTP answers, the topics, what the sandbox saw, and
 * channel-state's projection against a rebuild of it from the topics.
 *
 * <p>Everything random in the suite (the visits, which instance dies when, when the outages start) comes from one
 * seed, printed first; {@code -Dchaos.seed=N} replays that schedule. The sandbox's dice and the machine's timing are
 * not part of it.
 */
class ChaosIT {

    private static final int REPLICAS = 2;
    private static final int MIN_CHANNELS = 200;
    /** Numbers planned: more than {@link #MIN_CHANNELS}, so that an onboarding abandoned in an outage is allowed. */
    private static final int PLANNED_CHANNELS = 230;
    private static final int VISITORS = 12;
    private static final int KILLS_PER_SERVICE = 2;
    /** Share of direct-payment sign-ups with two or more numbers whose client comes back to revoke one. */
    private static final double REVOKE_RATE = 0.4;
    /** How long a client who revokes late waits for the key to be handed out first. */
    private static final Duration KEY_WAIT = Duration.ofSeconds(45);
    /** Kills and outages start within this window from the first visit. */
    private static final Duration CHAOS = Duration.ofSeconds(80);
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** No visit starts after this; a visit that started reloads a failing page for up to {@link #RELOAD}. */
    private static final Duration VISITS = Duration.ofSeconds(150);
    private static final Duration RELOAD = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(90);
    /** How long a running channel may take to be reported live once the others settled. */
    private static final Duration STUCK = Duration.ofSeconds(45);
    private static final List<String> SERVICES = List.of("onboarding-gateway", "webhook-ingest", "channel-state",
            "key-provisioner");
    private static final List<String> HUBS = List.of("partnerpay", "directpay");
    private static final List<String> TENANTS = List.of(Newcomers.tenant(), Newcomers.tenant(), Newcomers.tenant(),
            Newcomers.tenant(), Newcomers.tenant(), Newcomers.tenant(), Newcomers.tenant(), Newcomers.tenant());
    /** Where the rebuilt projection may differ from the folded one: the arrival order of the facts. */
    private static final List<String> ARRIVAL_ORDER = List.of("version", "updatedAt");

    private static final long SEED = Long.getLong("chaos.seed", new SecureRandom().nextLong());

    private static LocalStack stack;
    private static HubSandbox hub;
    private static Topics topics;

    /**
     * One onboarding of the plan, starting {@code at} after the first (or as soon as a visitor is free): a new client
     * of {@code tenant} with this many numbers, maybe coming back to revoke one.
     */
    record Visit(Duration at, String hub, String tenant, int numbers, Revocation revocation) {
    }

    /**
     * Whether the client revokes its second number: not, right after the redirect, or after its visitor's other visits
     * once the key is handed out (or {@link #KEY_WAIT} passed).
     */
    enum Revocation {
        NONE, EARLY, LATE
    }

    /** Instance {@code index} of {@code service} is killed {@code at} after the first visit and started again. */
    record Kill(Duration at, String service, int index) {
    }

    /** {@code server} ({@code kafka} or {@code postgres}) stops {@code at} after the first visit for {@link #OUTAGE}. */
    record Outage(Duration at, String server) {
    }

    /** Everything the seed decides. */
    record Plan(List<Visit> visits, List<Kill> kills, List<Outage> outages) {

        static Plan of(long seed) {
            Random random = new Random(seed);
            List<Visit> visits = new ArrayList<>();
            for (int channels = 0; channels < PLANNED_CHANNELS; ) {
                String hubId = HUBS.get(random.nextInt(HUBS.size()));
                int numbers = 1 + random.nextInt(3);
                Revocation revocation = hubId.equals("directpay") && numbers >= 2
                        && random.nextDouble() < REVOKE_RATE
                        ? (random.nextBoolean() ? Revocation.EARLY : Revocation.LATE) : Revocation.NONE;
                visits.add(new Visit(Duration.ZERO, hubId, TENANTS.get(random.nextInt(TENANTS.size())), numbers,
                        revocation));
                channels += numbers;
            }
            // Spread over the chaos window, so that the faults meet onboardings at every step.
            for (int i = 0; i < visits.size(); i++) {
                Visit visit = visits.get(i);
                visits.set(i, new Visit(CHAOS.multipliedBy(i).dividedBy(visits.size()), visit.hub(), visit.tenant(),
                        visit.numbers(), visit.revocation()));
            }
            List<Kill> kills = new ArrayList<>();
            for (String service : SERVICES) {
                for (int k = 0; k < KILLS_PER_SERVICE; k++) {
                    kills.add(new Kill(Duration.ofMillis(2_000 + random.nextLong(CHAOS.toMillis() - 2_000)), service,
                            random.nextInt(REPLICAS)));
                }
            }
            kills.sort(Comparator.comparing(Kill::at));
            // One outage in each half of the window, in random order, so that they never overlap.
            List<String> servers = new ArrayList<>(List.of("kafka", "postgres"));
            Collections.shuffle(servers, random);
            long half = CHAOS.toMillis() / 2;
            List<Outage> outages = new ArrayList<>();
            for (int i = 0; i < servers.size(); i++) {
                outages.add(new Outage(Duration.ofMillis(i * half + random.nextLong(half - OUTAGE.toMillis())),
                        servers.get(i)));
            }
            return new Plan(visits, kills, outages);
        }

        int channels() {
            return visits.stream().mapToInt(Visit::numbers).sum();
        }
    }

    /** A visit whose redirect answered 200, and the channel its client came back to revoke, if it did. */
    record Onboarded(Connected connected, String revoked) {
    }

    @BeforeAll
    static void startTwoInstancesOfEverything() {
        System.out.printf("CHAOS seed=%d (replay this schedule with -Dchaos.seed=%d)%n", SEED, SEED);
        // The delivery log must hold every webhook of the run to be compared with hub.webhooks.
        stack = LocalStack.start(REPLICAS, Map.of("SANDBOX_LIMITS_DELIVERY_LOG", "100000"));
        hub = new HubSandbox(stack);
        topics = new Topics(stack);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Timeout(value = 400, unit = TimeUnit.SECONDS)
    void onboardingsThroughCrashesAndOutagesEndAsTheyShouldAndLoseNothing() throws Exception {
        Plan plan = Plan.of(SEED);
        System.out.printf("CHAOS plan seed=%d visits=%d planned-channels=%d revoking=%d kills=%s outages=%s%n", SEED,
                plan.visits().size(), plan.channels(), plan.visits().stream().filter(visit -> visit.revocation() != Revocation.NONE).count(),
                plan.kills().stream().map(kill -> seconds(kill.at()) + ":"
                        + LocalStack.instanceName(kill.service(), kill.index())).toList(),
                plan.outages().stream().map(outage -> seconds(outage.at()) + ":" + outage.server()).toList());
        long started = System.nanoTime();
        hub.faults(Map.of("duplicateRate", 0.2, "reorderRate", 0.2, "throttleRate", 0.05, "errorRate", 0.05,
                "retryAfterSeconds", 1));

        List<Onboarded> onboarded = new CopyOnWriteArrayList<>();
        Set<String> revocationsAbandoned = ConcurrentHashMap.newKeySet();
        AtomicInteger abandoned = new AtomicInteger();
        AtomicInteger unstarted = new AtomicInteger();
        Map<String, Integer> kills = new ConcurrentHashMap<>();
        AtomicInteger outages = new AtomicInteger();
        ConcurrentLinkedQueue<Visit> queue = new ConcurrentLinkedQueue<>(plan.visits());
        PopupVisit popup = new PopupVisit(stack, RELOAD);

        ExecutorService pool = Executors.newFixedThreadPool(VISITORS + SERVICES.size() + 1);
        List<Future<?>> lanes = new ArrayList<>();
        for (int v = 0; v < VISITORS; v++) {
            lanes.add(pool.submit(() -> {
                // Late comebacks after the visitor's visits, so that their channels had time to get their keys.
                List<Comeback> later = new ArrayList<>();
                for (Visit visit = queue.poll(); visit != null; visit = queue.poll()) {
                    if (System.nanoTime() - started > VISITS.toNanos()) {
                        unstarted.incrementAndGet();
                        continue;
                    }
                    pauseUntil(started, visit.at());
                    Comeback comeback = visit(popup, visit, onboarded, revocationsAbandoned, abandoned);
                    if (comeback != null) {
                        later.add(comeback);
                    }
                }
                later.forEach(comeback -> comeBack(popup, comeback, onboarded, revocationsAbandoned));
            }));
        }
        // One lane per service, so that one instance of each is up at any time, as with a rolling failure.
        for (String service : SERVICES) {
            lanes.add(pool.submit(() -> {
                for (Kill kill : plan.kills()) {
                    if (kill.service().equals(service)) {
                        pauseUntil(started, kill.at());
                        String instance = LocalStack.instanceName(service, kill.index());
                        stack.kill(instance);
                        stack.restart(instance);
                        kills.merge(service, 1, Integer::sum);
                    }
                }
            }));
        }
        lanes.add(pool.submit(() -> {
            for (Outage outage : plan.outages()) {
                pauseUntil(started, outage.at());
                control(outage.server() + "/stop");
                try {
                    pause(OUTAGE);
                } finally {
                    control(outage.server() + "/start");
                }
                outages.incrementAndGet();
            }
        }));
        pool.shutdown();
        List<Throwable> laneFailures = new ArrayList<>();
        for (Future<?> lane : lanes) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                laneFailures.add(e.getCause());
            }
        }
        hub.resetFaults();
        long chaosSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        Set<String> revoked = new TreeSet<>();
        Set<String> kept = new TreeSet<>();
        Set<String> clients = new TreeSet<>();
        for (Onboarded done : onboarded) {
            clients.add(done.connected().client());
            kept.addAll(done.connected().channels());
            if (done.revoked() != null) {
                revoked.add(done.revoked());
            }
        }
        kept.removeAll(revoked);
        kept.removeAll(revocationsAbandoned);
        Set<String> channels = new TreeSet<>(kept);
        channels.addAll(revoked);

        // Settling: every kept channel live, granted and keyed; every revoked one revoked with its key withdrawn.
        long settleStarted = System.nanoTime();
        Set<String> unsettled = ConcurrentHashMap.newKeySet();
        unsettled.addAll(channels);
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                unsettled.removeIf(channel -> revoked.contains(channel) ? revokedWithoutKey(channel)
                        : usableWithKey(channel));
                return unsettled.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            // Reported and asserted below, with the other figures.
        }
        // The sandbox walks every channel on to live within a second of running; one still running is stuck there.
        Set<String> notLive = ConcurrentHashMap.newKeySet();
        notLive.addAll(kept);
        try {
            await().atMost(STUCK).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                notLive.removeIf(channel -> channel(channel).get("stage").asText().equals("live"));
                return notLive.isEmpty();
            });
        } catch (ConditionTimeoutException e) {
            // Reported below.
        }
        long settleSeconds = Duration.ofNanos(System.nanoTime() - settleStarted).toSeconds();
        print("stuck at running", notLive.stream().sorted().map(channel -> channel + ": " + channel(channel))
                .toList());
        print("unsettled", unsettled.stream().sorted().map(channel -> "%s (%s): %s, hand-out %d".formatted(channel,
                revoked.contains(channel) ? "revoked" : "kept", channel(channel), apiKey(channel, 0).status()))
                .toList());

        JsonNode creations = hub.counters().path("apiKeyCreations");
        JsonNode held = Http.get(stack.sandbox.resolve("/sandbox/keys")).json();
        int keysCreated = 0;
        List<String> keyViolations = new ArrayList<>();
        for (String channel : kept) {
            int created = creations.path(channel).asInt(0);
            keysCreated += created;
            JsonNode keys = held.path(channel);
            Http.Answer key = apiKey(channel, ThreadLocalRandom.current().nextInt(REPLICAS));
            if (created != 1 || keys.size() != 1 || key.status() != 200
                    || !key.json().get("apiKey").asText().equals(keys.get(0).get("api_key").asText())) {
                keyViolations.add("%s: created %d, 360dialog holds %d, hand-out %d".formatted(channel, created,
                        keys.size(), key.status()));
            }
        }
        List<String> revokedWithKey = new ArrayList<>();
        int keysWithdrawn = 0;
        for (String channel : revoked) {
            int created = creations.path(channel).asInt(0);
            keysCreated += created;
            keysWithdrawn += created;
            for (int index = 0; index < REPLICAS; index++) {
                Http.Answer key = apiKey(channel, index);
                if (key.status() == 200 || created > 1) {
                    revokedWithKey.add("%s: created %d, hand-out of instance %d: %d".formatted(channel, created,
                            index, key.status()));
                }
            }
        }

        Set<String> acknowledged = new HashSet<>();
        Set<String> refused = new HashSet<>();
        for (JsonNode delivery : Http.get(stack.sandbox.resolve("/sandbox/webhooks")).json()) {
            int status = delivery.get("httpStatus").asInt();
            if (status >= 200 && status < 300) {
                acknowledged.add(delivery.get("webhookId").asText());
            } else if (!"dropped".equals(delivery.get("outcome").asText())) {
                refused.add(delivery.get("webhookId").asText());
            }
        }
        refused.removeAll(acknowledged);
        Set<String> stored = new HashSet<>();
        topics.entries("hub.webhooks").forEach(entry -> stored.add(entry.id()));
        Set<String> lost = new TreeSet<>(acknowledged);
        lost.removeAll(stored);

        Map<String, List<String>> rewritten = new TreeMap<>();
        for (String topic : List.of("channel.events", "channel.state")) {
            Map<String, Set<String>> contentsById = new HashMap<>();
            for (Topics.Entry entry : topics.entries(topic)) {
                if (entry.value() != null) {
                    contentsById.computeIfAbsent(entry.id(), id -> new TreeSet<>()).add(entry.value());
                }
            }
            contentsById.forEach((id, contents) -> {
                if (contents.size() > 1) {
                    rewritten.put(topic + " " + id, List.copyOf(contents));
                }
            });
        }

        Map<String, String> gaps = new TreeMap<>();
        for (String channel : channels) {
            JsonNode snapshot = channel(channel);
            Set<Long> versions = new TreeSet<>();
            channelState(random(), "/channels/" + channel + "/history").json()
                    .forEach(entry -> versions.add(entry.get("version").asLong()));
            long last = snapshot == null ? 0 : snapshot.get("version").asLong();
            List<Long> missing = new ArrayList<>();
            for (long version = 1; version <= last; version++) {
                if (!versions.contains(version)) {
                    missing.add(version);
                }
            }
            if (!missing.isEmpty()) {
                gaps.put(channel, "version %d, history has %s, missing %s".formatted(last, versions, missing));
            }
        }

        long rebuildStarted = System.nanoTime();
        Map<String, String> folded = projection(channels, clients);
        String rebuilt = rebuild();
        Map<String, String> refolded = projection(channels, clients);
        List<String> differences = new ArrayList<>();
        folded.forEach((id, before) -> {
            if (!before.equals(refolded.get(id))) {
                differences.add("%s folded %s rebuilt %s".formatted(id, before, refolded.get(id)));
            }
        });
        long rebuildSeconds = Duration.ofNanos(System.nanoTime() - rebuildStarted).toSeconds();

        print("keys", keyViolations);
        print("revoked with a key", revokedWithKey);
        print("rewritten event id", rewritten.entrySet().stream().map(id -> id.getKey() + " published as "
                + String.join(" and ", id.getValue())).toList());
        print("version gap", gaps.entrySet().stream().map(gap -> gap.getKey() + ": " + gap.getValue()).toList());
        print("rebuild differs", differences);
        print("lane failed", laneFailures.stream().map(String::valueOf).toList());
        System.out.printf("CHAOS seed=%d replicas=%d visits=%d completed=%d abandoned=%d unstarted=%d channels=%d"
                + " revoked=%d revocations-abandoned=%d kills=%s outages=%d(kafka+postgres,%ds each)"
                + " stuck-running=%d keys-created=%d keys-withdrawn=%d key-violations=%d revoked-with-key=%d unsettled=%d webhooks-acknowledged=%d"
                + " records-lost=%d webhooks-refused-by-us=%d rewritten-event-ids=%d channels-with-version-gaps=%d"
                + " rebuild-differences=%d (%s) chaos=%ds settle=%ds rebuild=%ds duration=%ds%n",
                SEED, REPLICAS, plan.visits().size(), onboarded.size(), abandoned.get(), unstarted.get(),
                channels.size(), revoked.size(), revocationsAbandoned.size(), new TreeMap<>(kills), outages.get(),
                OUTAGE.toSeconds(), notLive.size(), keysCreated, keysWithdrawn, keyViolations.size(), revokedWithKey.size(), unsettled.size(),
                acknowledged.size(), lost.size(), refused.size(), rewritten.size(), gaps.size(), differences.size(),
                rebuilt, chaosSeconds, settleSeconds, rebuildSeconds,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());

        assertSoftly(softly -> {
            softly.assertThat(laneFailures).as("visitors and chaos lanes that failed").isEmpty();
            softly.assertThat(channels.size()).as("channels onboarded (abandoned visits: %d, not started: %d)",
                    abandoned.get(), unstarted.get()).isGreaterThanOrEqualTo(MIN_CHANNELS);
            softly.assertThat(revoked).as("channels revoked").isNotEmpty();
            softly.assertThat(kills).as("kills per service").hasSize(SERVICES.size())
                    .allSatisfy((service, count) -> assertThat(count).isEqualTo(KILLS_PER_SERVICE));
            softly.assertThat(outages.get()).as("outages").isEqualTo(2);
            softly.assertThat(unsettled).as("channels not running or live and keyed (or not revoked without a key)")
                    .isEmpty();
            // A channel whose channel_live webhook was refused until the sandbox gave up is healed by channel-state's
            // slow re-read of running and live channels (live-interval, short in this stack).
            softly.assertThat(notLive).as("kept channels still running while 360dialog says live").isEmpty();
            softly.assertThat(keyViolations).as("kept channels without exactly one key, the one handed out").isEmpty();
            softly.assertThat(revokedWithKey).as("revoked channels whose key is handed out").isEmpty();
            softly.assertThat(lost).as("webhooks acknowledged with 2xx but missing from hub.webhooks").isEmpty();
            softly.assertThat(rewritten.keySet()).as("event ids published with different contents").isEmpty();
            softly.assertThat(gaps.keySet()).as("channels whose history skips versions").isEmpty();
            softly.assertThat(differences).as("channels and clients whose rebuild differs").isEmpty();
        });
    }

    /** A client who will come back to revoke {@code number}, whose channel is {@code channel}. */
    record Comeback(Visit visit, Connected connected, String email, String number, String channel) {
    }

    /** Signs a client up; answers its comeback if it revokes late, having revoked already if it revokes early. */
    private static Comeback visit(PopupVisit popup, Visit visit, List<Onboarded> onboarded,
            Set<String> revocationsAbandoned, AtomicInteger abandoned) {
        List<String> numbers = new ArrayList<>();
        for (int n = 0; n < visit.numbers(); n++) {
            numbers.add(Newcomers.number());
        }
        String email = Newcomers.email();
        Connected connected;
        try {
            connected = popup.signUp(visit.hub(), visit.tenant(), email, numbers);
        } catch (RuntimeException | AssertionError e) {
            abandoned.incrementAndGet();
            return null;
        }
        if (visit.revocation() == Revocation.NONE) {
            onboarded.add(new Onboarded(connected, null));
            return null;
        }
        Comeback comeback = new Comeback(visit, connected, email, numbers.get(1),
                connected.channelOf(numbers.get(1)));
        if (visit.revocation() == Revocation.EARLY) {
            comeBack(popup, comeback, onboarded, revocationsAbandoned);
            return null;
        }
        return comeback;
    }

    /** The client revokes its number; a late one first waits (a while) for the channel's key to be handed out. */
    private static void comeBack(PopupVisit popup, Comeback comeback, List<Onboarded> onboarded,
            Set<String> revocationsAbandoned) {
        if (comeback.visit().revocation() == Revocation.LATE) {
            try {
                await().atMost(KEY_WAIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .until(() -> apiKey(comeback.channel(), 0).status() == 200);
            } catch (ConditionTimeoutException e) {
                // Revoked before its key then, as an early revocation is.
            }
        }
        String revoked = null;
        try {
            Connected again = popup.revoke(comeback.visit().hub(), comeback.visit().tenant(), comeback.email(),
                    List.of(comeback.number()));
            assertThat(again.revoked()).containsExactly(comeback.channel());
            revoked = comeback.channel();
        } catch (RuntimeException | AssertionError e) {
            // Whether 360dialog took the revocation is not known: the channel is left out of the checks.
            revocationsAbandoned.add(comeback.channel());
        }
        onboarded.add(new Onboarded(comeback.connected(), revoked));
    }

    private static boolean usableWithKey(String channel) {
        JsonNode snapshot = channel(channel);
        return snapshot != null && List.of("running", "live").contains(snapshot.get("stage").asText())
                && snapshot.at("/permission/state").asText().equals("granted")
                && snapshot.at("/apiKey/state").asText().equals("provisioned");
    }

    private static boolean revokedWithoutKey(String channel) {
        JsonNode snapshot = channel(channel);
        int handOut = apiKey(channel, 0).status();
        // 410: its key was withdrawn; 404: it was revoked before a key was created.
        return snapshot != null && snapshot.at("/permission/state").asText().equals("revoked")
                && (handOut == 410 || handOut == 404);
    }

    /**
     * What a reader sees of these channels and clients, without what depends on the order facts arrived in; read
     * from a random channel-state instance.
     */
    private static Map<String, String> projection(Set<String> channels, Set<String> clients) {
        Map<String, String> projection = new TreeMap<>();
        for (String channel : channels) {
            projection.put("channel " + channel, withoutArrivalOrder(channelState(0, "/channels/" + channel)));
        }
        for (String client : clients) {
            projection.put("client " + client, withoutArrivalOrder(channelState(0, "/clients/" + client)));
        }
        return projection;
    }

    /**
     * channel-state's rebuild, as its README prescribes: every instance stopped (killed here), the rebuild command,
     * the service started again (instance 0, which is read afterwards). Answers the rebuild's own line.
     */
    private static String rebuild() {
        for (int index = 0; index < REPLICAS; index++) {
            stack.kill(LocalStack.instanceName("channel-state", index));
        }
        String line = stack.rebuildProjection();
        stack.restart(LocalStack.instanceName("channel-state", 0));
        return line.replaceAll(".*(Rebuilt the projection)", "$1");
    }

    private static String withoutArrivalOrder(Http.Answer answer) {
        if (answer.status() != 200) {
            return answer.status() + " " + answer.body();
        }
        JsonNode read = answer.json();
        if (read instanceof ObjectNode object) {
            object.remove(ARRIVAL_ORDER);
        }
        return read.toString();
    }

    private static JsonNode channel(String channel) {
        Http.Answer answer = channelState(random(), "/channels/" + channel);
        return answer.status() == 404 ? null : answer.json();
    }

    private static Http.Answer channelState(int index, String path) {
        return Http.get(LocalStack.instance(stack.state, index).resolve(path), "Authorization",
                Http.bearer(stack.readerToken));
    }

    private static int random() {
        return ThreadLocalRandom.current().nextInt(REPLICAS);
    }

    private static Http.Answer apiKey(String channel, int index) {
        return Http.get(LocalStack.instance(stack.keys, index).resolve("/channels/" + channel + "/api-key"),
                "Authorization", Http.bearer(stack.keysToken));
    }

    private static void control(String action) {
        Http.Answer answer = Http.postJson(stack.infrastructure.resolve("/" + action), Map.of());
        assertThat(answer.status()).as("%s: %s", action, answer.body()).isEqualTo(200);
    }

    private static void pauseUntil(long started, Duration at) {
        long left = started + at.toNanos() - System.nanoTime();
        if (left > 0) {
            pause(Duration.ofNanos(left));
        }
    }

    /** A wait of the chaos schedule itself (not a wait for a result), so Awaitility only keeps time here. */
    private static void pause(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> System.nanoTime() >= until);
    }

    private static void print(String violation, List<String> cases) {
        cases.stream().limit(3).forEach(found -> System.out.printf("VIOLATION %s: %s%n", violation, found));
        if (cases.size() > 3) {
            System.out.printf("VIOLATION %s: %d more%n", violation, cases.size() - 3);
        }
    }

    private static String seconds(Duration at) {
        return "%.1fs".formatted(at.toMillis() / 1000.0);
    }
}
