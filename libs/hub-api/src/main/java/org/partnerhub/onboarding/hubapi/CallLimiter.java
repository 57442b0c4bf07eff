package org.partnerhub.onboarding.hubapi;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/** At most {@code permits} calls in flight; the others wait in order without holding a thread. */
final class CallLimiter {

    private final int permits;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int inFlight;

    CallLimiter(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("onboarding.hub-api.max-concurrency must be at least 1, not " + permits);
        }
        this.permits = permits;
    }

    <T> Uni<T> submit(Supplier<Uni<T>> call) {
        return Uni.createFrom().emitter(emitter -> {
            Runnable start = () -> call.get()
                    .onTermination().invoke(this::release)
                    .subscribe().with(emitter::complete, emitter::fail);
            boolean startNow;
            synchronized (this) {
                startNow = inFlight < permits;
                if (startNow) {
                    inFlight++;
                } else {
                    waiting.add(start);
                }
            }
            if (startNow) {
                start.run();
            }
        });
    }

    private void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inFlight--;
            }
        }
        if (next != null) {
            next.run();
        }
    }
}
