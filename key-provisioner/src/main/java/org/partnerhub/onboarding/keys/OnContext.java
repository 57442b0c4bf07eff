package org.partnerhub.onboarding.keys;

import java.util.concurrent.Executor;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Brings a continuation back to the caller's Vert.x context. Partner API answers, timeouts and retries arrive on
 * other threads, and Hibernate Reactive sessions must stay on the context that opened them.
 */
public final class OnContext {

    private OnContext() {
    }

    /** @throws IllegalStateException outside a Vert.x context */
    public static Executor current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("not on a Vert.x context");
        }
        return task -> context.runOnContext(ignored -> task.run());
    }

    /** A context of its own for work that opens database sessions, which must not mix with another's. */
    public static Context fresh(Vertx vertx) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }
}
