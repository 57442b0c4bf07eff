package org.partnerhub.onboarding.hubapi;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * At most {@code permits} calls in flight; the others wait in order without holding a thread, each for at most its
 * own {@code maxWait}. A waiter whose wait ran out is refused when a slot frees rather than started late: its caller
 * has moved on (a key attempt's lease may have ended), so a late start could only do harm.
 */
final class CallLimiter {

    private final int permits;
    private final LongSupplier nanoClock;
    private final Queue<Waiter> waiting = new ArrayDeque<>();
    private int inFlight;

    CallLimiter(int permits) {
        this(permits, System::nanoTime);
    }

    CallLimiter(int permits, LongSupplier nanoClock) {
        if (permits < 1) {
            throw new IllegalArgumentException("onboarding.hub-api.max-concurrency must be at least 1, not " + permits);
        }
        this.permits = permits;
        this.nanoClock = nanoClock;
    }

    /** @throws SlotWaitExpired (as the failure) when no slot freed within {@code maxWait} */
    <T> Uni<T> submit(Supplier<Uni<T>> call, Duration maxWait) {
        return Uni.createFrom().emitter(emitter -> {
            Runnable start = () -> call.get()
                    .onTermination().invoke(this::release)
                    .subscribe().with(emitter::complete, emitter::fail);
            Waiter waiter = new Waiter(start, () -> emitter.fail(new SlotWaitExpired(maxWait)),
                    nanoClock.getAsLong() + maxWait.toNanos());
            boolean startNow;
            synchronized (this) {
                startNow = inFlight < permits;
                if (startNow) {
                    inFlight++;
                } else {
                    waiting.add(waiter);
                }
            }
            if (startNow) {
                start.run();
            }
        });
    }

    private void release() {
        Waiter next;
        while (true) {
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    inFlight--;
                    return;
                }
            }
            if (next.deadlineNanos - nanoClock.getAsLong() > 0) {
                next.start.run();
                return;
            }
            next.expire.run();
        }
    }

    private record Waiter(Runnable start, Runnable expire, long deadlineNanos) {
    }

    /** No slot freed in time; the call was not sent. */
    static final class SlotWaitExpired extends RuntimeException {

        SlotWaitExpired(Duration maxWait) {
            super("no free Partner API slot within " + maxWait, null, false, false);
        }
    }
}
