package org.partnerhub.onboarding.ingest;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.partnerhub.onboarding.events.Topic;
import org.partnerhub.onboarding.runtime.hubs.HubsConfig;
import org.partnerhub.onboarding.runtime.tracing.TracedSpan;
import org.partnerhub.onboarding.runtime.tracing.Tracing;

import io.opentelemetry.api.trace.SpanKind;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code POST /webhooks/360dialog/{hubId}}: answers 200 only once the webhook is on {@code hub.webhooks}. A plain
 * Vert.x route rather than a REST resource, so the raw bytes are read under our own size limit and no JSON binding
 * ever touches them.
 */
@Singleton
class WebhookRoute {

    private static final String PATH = "/webhooks/360dialog/:hubId";

    private static final String HUB = "webhook-hub";
    private static final String BODY_READ = "webhook-body-read";
    private static final String TOPIC = Topic.HUB_WEBHOOKS.defaultName();

    /** About 10 MB of ids: hours of real webhook traffic, a few seconds of a flood. */
    private static final int RECENT_IDS_CAPACITY = 100_000;

    private final WebhookHubs hubs;
    private final IngestConfig config;
    private final WebhookPublisher publisher;
    private final IngestMetrics metrics;
    private final InFlightLimit inFlight;
    private final PublishOnce once;
    private final Tracing tracing;

    @Inject
    WebhookRoute(HubsConfig hubsConfig, IngestConfig config, WebhookPublisher publisher, IngestMetrics metrics,
            Tracing tracing) {
        this.hubs = WebhookHubs.from(hubsConfig);
        this.tracing = tracing;
        this.config = config;
        this.publisher = publisher;
        this.metrics = metrics;
        this.inFlight = new InFlightLimit(config.maxInFlight());
        this.once = new PublishOnce(new RecentIds(config.dedupWindow(), RECENT_IDS_CAPACITY, System::nanoTime));
    }

    void register(@Observes Router router) {
        // Two routes: Vert.x wants a body handler first on its route, and admit() must run before the body is read.
        router.post(PATH).handler(this::admit);
        router.post(PATH)
                .handler(BodyHandler.create(false)
                        .setBodyLimit(config.maxBodySize().asLongValue())
                        .setPreallocateBodyBuffer(true))
                .handler(this::ingest)
                .failureHandler(this::bodyRefused);
    }

    /** Everything that can be decided before reading the body; synchronous, so no body data is missed. */
    private void admit(RoutingContext rc) {
        WebhookHub hub = hubs.get(rc.pathParam("hubId")).orElse(null);
        if (hub == null) {
            metrics.received(IngestMetrics.UNKNOWN_HUB);
            refuse(rc, IngestMetrics.UNKNOWN_HUB, Rejection.UNKNOWN_HUB);
            return;
        }
        metrics.received(hub.id());
        if (!inFlight.tryAcquire()) {
            refuse(rc, hub.id(), Rejection.OVERLOADED);
            return;
        }
        // A timer on this request's event loop, so it never races the body handler: bodyLate() sees either the
        // whole body read or none of its verdict started.
        long bodyTimer = rc.vertx().setTimer(config.bodyTimeout().toMillis(), fired -> bodyLate(rc, hub));
        // Also runs when the connection drops, so a vanished client cannot leak a slot.
        rc.addEndHandler(ended -> {
            rc.vertx().cancelTimer(bodyTimer);
            inFlight.release();
        });
        rc.put(HUB, hub);
        rc.next();
    }

    /** The body is still incomplete after {@code body-timeout}: answer, and drop what might still trickle in. */
    private void bodyLate(RoutingContext rc, WebhookHub hub) {
        if (rc.get(BODY_READ) != null || rc.response().ended() || rc.response().closed()) {
            return;
        }
        rc.response().putHeader("Connection", "close");
        refuse(rc, hub.id(), Rejection.BODY_TIMEOUT).onComplete(answered -> {
            // HTTP/1.1 cannot read on past an unfinished body; HTTP/2 ended just this stream with the answer.
            if (rc.request().version() != HttpVersion.HTTP_2) {
                rc.request().connection().close();
            }
        });
    }

    private void ingest(RoutingContext rc) {
        WebhookHub hub = rc.get(HUB);
        rc.put(BODY_READ, true);
        Buffer buffer = rc.body().buffer();
        byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
        // Each webhook starts its onboarding step's trace: a traceparent the unauthenticated sender may have set is
        // not taken, so no caller can join or steer (e.g. sample out) our traces.
        TracedSpan span = tracing.start("webhook " + hub.id(), SpanKind.SERVER, Optional.empty())
                .attribute("onboarding.hub", hub.id());
        Verdict verdict = hub.examine(rc.request().headers()::get, body, Instant.now());
        switch (verdict) {
            case Rejection rejection -> {
                refuse(rc, hub.id(), rejection);
                span.fail(rejection.reason());
            }
            case Accepted accepted -> publish(rc, hub.id(), accepted, span);
        }
    }

    private void publish(RoutingContext rc, String hubId, Accepted accepted, TracedSpan span) {
        Context context = Vertx.currentContext();
        String id = accepted.webhook().id();
        span.attribute("onboarding.webhook.type", accepted.webhook().event())
                .attribute("onboarding.subject", accepted.webhook().subject());
        // Keyed by hub as well: two hubs' envelope ids are not known to be distinct.
        once.publish(hubId + '\n' + id, () -> publisher.publish(accepted.toRecord(TOPIC, span.traceParent())))
                .whenComplete((outcome, failure) -> context.runOnContext(ignored -> {
                    if (failure != null) {
                        refuse(rc, hubId, Rejection.NOT_STORED);
                        span.fail(Rejection.NOT_STORED.reason());
                        return;
                    }
                    if (outcome == PublishOnce.Outcome.DUPLICATE) {
                        metrics.duplicate(hubId);
                    } else {
                        metrics.accepted(hubId);
                    }
                    answer(rc, 200, new JsonObject().put("id", id));
                    span.end();
                }));
    }

    private void bodyRefused(RoutingContext rc) {
        if (rc.statusCode() == Rejection.BODY_TOO_LARGE.status()) {
            WebhookHub hub = rc.get(HUB);
            refuse(rc, hub.id(), Rejection.BODY_TOO_LARGE);
        } else {
            rc.next();
        }
    }

    private Future<Void> refuse(RoutingContext rc, String hubTag, Rejection rejection) {
        metrics.rejected(hubTag, rejection);
        if (rejection.retryable()) {
            rc.response().putHeader("Retry-After", Long.toString(Math.max(1, config.retryAfter().toSeconds())));
        }
        return answer(rc, rejection.status(), new JsonObject().put("error", rejection.reason()));
    }

    private static Future<Void> answer(RoutingContext rc, int status, JsonObject body) {
        if (rc.response().ended() || rc.response().closed()) {
            return Future.succeededFuture();
        }
        return rc.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
    }
}
