package org.partnerhub.onboarding.ingest.bench;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The benchmark's ceiling: the same HTTP stack reading the same body and answering 200, without any work. Only in
 * builds made with {@code -Dquarkus.profile=bench} (dev/bench/webhook-ingest.sh), never in a normal build.
 */
@Singleton
@IfBuildProfile("bench")
class NoopRoute {

    void register(@Observes Router router) {
        router.post("/bench/noop")
                .handler(BodyHandler.create(false))
                .handler(rc -> rc.response().putHeader("content-type", "application/json").end("{\"id\":\"noop\"}"));
    }
}
