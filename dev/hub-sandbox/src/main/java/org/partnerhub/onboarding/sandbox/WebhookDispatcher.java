package org.partnerhub.onboarding.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;

/**
 * Posts partner webhooks to the URL the partner set, signed with its webhook secret, through the delivery fault
 * knobs. A non-2xx answer or no answer is retried a few times ({@code sandbox.webhooks.attempts}) with a doubling
 * wait: 360dialog documents no retries, the sandbox only spares an e2e run a receiver that restarts.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final DeliveryFaults faults = new DeliveryFaults(FaultKnobs::roll);
    private final AtomicInteger inFlight = new AtomicInteger();
    private ExecutorService executor;
    private HttpClient http;

    @Inject
    SandboxConfig config;

    @Inject
    SandboxStore store;

    @Inject
    FaultKnobs knobs;

    @Inject
    DeliveryLog log;

    @Inject
    ObjectMapper mapper;

    @Inject
    Vertx vertx;

    @PostConstruct
    void init() {
        executor = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("webhook-", 0).factory());
        http = HttpClient.newBuilder().executor(executor).connectTimeout(config.webhooks().timeout()).build();
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    /** @param last whether this is the subject's last webhook (it releases any held back by the reorder knob) */
    void publish(String partnerId, String subject, String event, Map<String, Object> data, boolean last) {
        String id = Ids.webhook();
        Webhook webhook = new Webhook(partnerId, subject, id, event, body(HubJson.envelope(id, event, data)));
        DeliveryFaults.Plan plan = faults.plan(webhook, last, knobs.current());
        if (plan.dropped()) {
            log.record(webhook, "dropped", 0, 0);
        }
        if (plan.held()) {
            log.record(webhook, "held", 0, 0);
        }
        sendInTurn(plan.sendNow(), 0);
    }

    void clear() {
        faults.clear();
    }

    /** One after the other, so that a swapped or duplicated pair arrives in exactly the planned order. */
    private void sendInTurn(List<Webhook> webhooks, int index) {
        if (index < webhooks.size()) {
            attempt(webhooks.get(index), 1, () -> sendInTurn(webhooks, index + 1));
        }
    }

    /** @param answered runs once this attempt has its answer (or none), whatever it is */
    private void attempt(Webhook webhook, int attempt, Runnable answered) {
        PartnerSettings settings = store.settings(webhook.partnerId());
        if (settings.webhookUrl() == null) {
            log.record(webhook, "no-webhook-url", attempt, 0);
            answered.run();
            return;
        }
        if (inFlight.incrementAndGet() > config.webhooks().maxInFlight()) {
            inFlight.decrementAndGet();
            log.record(webhook, "overloaded", attempt, 0);
            answered.run();
            return;
        }
        HttpRequest request;
        try {
            request = request(webhook, settings);
        } catch (IllegalArgumentException refusedHeader) {
            inFlight.decrementAndGet();
            log.record(webhook, "failed", attempt, 0);
            LOG.warnf("Webhook %s not sent: %s", webhook.id(), refusedHeader.getMessage());
            answered.run();
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            inFlight.decrementAndGet();
            int status = answer == null ? 0 : answer.statusCode();
            if (status >= 200 && status < 300) {
                log.record(webhook, "delivered", attempt, status);
            } else if (attempt < config.webhooks().attempts()) {
                log.record(webhook, "rejected", attempt, status);
                long wait = config.webhooks().retryDelay().toMillis() << (attempt - 1);
                vertx.setTimer(Math.max(1, wait), timer -> attempt(webhook, attempt + 1, () -> { }));
            } else {
                log.record(webhook, "failed", attempt, status);
                LOG.warnf("Webhook %s (%s) not delivered after %d attempts: %s", webhook.id(), webhook.event(),
                        attempt, failure == null ? "HTTP " + status : failure.getClass().getSimpleName());
            }
            answered.run();
        });
    }

    /** @throws IllegalArgumentException for a custom header the JDK client will not send (e.g. {@code Host}) */
    private HttpRequest request(Webhook webhook, PartnerSettings settings) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.webhookUrl()))
                .timeout(config.webhooks().timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(webhook.body()));
        store.partner(webhook.partnerId()).webhookSecret()
                .ifPresent(secret -> request.header(Signature.HEADER, Signature.of(secret, webhook.body())));
        settings.webhookHeaders().forEach(request::header);
        return request.build();
    }

    private byte[] body(Map<String, Object> envelope) {
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body of maps and strings is always JSON", e);
        }
    }
}
