package org.partnerhub.onboarding.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A Partner API that answers at once, for {@link KeyThroughputBenchmark}: creating a key answers {@code 201} with
 * {@code key-<channel>} and a fake secret, listing keys answers an empty list, everything else {@code 200 {}}. The
 * JDK's HTTP server on a pool of its own threads, so that the stub is never what the benchmark measures (WireMock's
 * matching and journal cost more per request than the service's whole attempt). Hubs {@code main} and
 * {@code second} point at it.
 */
public class InstantPartnerApi implements QuarkusTestResourceLifecycleManager {

    private static final Pattern CREATE = Pattern.compile("/api/v2/partners/[^/]+/channels/([^/]+)/api_keys");

    /** Key creations per channel, to check that each channel got exactly one. */
    static final Map<String, AtomicInteger> CREATIONS = new ConcurrentHashMap<>();

    private HttpServer server;
    private ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newFixedThreadPool(8);
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
        return Map.of(
                "onboarding.hub-api.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2",
                "onboarding.hub-setup.enabled", "false",
                "onboarding.hubs.second.partner-id", "partner-2",
                "onboarding.hubs.second.payment-mode", "partner",
                "onboarding.hubs.second.api-key", "fake-partner-api-key-2");
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Matcher create = CREATE.matcher(exchange.getRequestURI().getPath());
            String body;
            int status;
            if (create.matches() && exchange.getRequestMethod().equals("POST")) {
                String channel = create.group(1);
                CREATIONS.computeIfAbsent(channel, ignored -> new AtomicInteger()).incrementAndGet();
                status = 201;
                body = "{\"id\":\"key-" + channel + "\",\"api_key\":\"fake-secret-" + channel
                        + "\",\"address\":\"https://waba.example\",\"app_id\":\"app-" + channel + "\"}";
            } else if (create.matches()) {
                status = 200;
                body = "{\"api_keys\":[]}";
            } else {
                status = 200;
                body = "{}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void stop() {
        server.stop(0);
        threads.shutdownNow();
    }
}
