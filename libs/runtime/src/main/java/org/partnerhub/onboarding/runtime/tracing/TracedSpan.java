package org.partnerhub.onboarding.runtime.tracing;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/**
 * One unit of work in an onboarding's trace: its context goes with whatever the work hands on
 * ({@link #traceParent()}), and while {@link #activate() active} the log lines written carry its ids.
 */
public final class TracedSpan {

    /** The MDC keys a log format shows with {@code %X{traceId}} and {@code %X{spanId}}. */
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    private final Span span;

    TracedSpan(Span span) {
        this.span = span;
    }

    /** This span as the parent of what the work hands on. */
    public TraceParent traceParent() {
        return TraceParent.of(span.getSpanContext());
    }

    /** Identifies what the span worked on: ids and kinds, never secrets or personal data. */
    public TracedSpan attribute(String key, String value) {
        if (value != null) {
            span.setAttribute(key, value);
        }
        return this;
    }

    /**
     * Puts the span's ids into the logging context of this thread (or of the Vert.x context it runs on), until the
     * returned activation is closed, which restores what was there.
     */
    public Activation activate() {
        Object previousTrace = MDC.get(TRACE_ID);
        Object previousSpan = MDC.get(SPAN_ID);
        MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
        MDC.put(SPAN_ID, span.getSpanContext().getSpanId());
        return () -> {
            restore(TRACE_ID, previousTrace);
            restore(SPAN_ID, previousSpan);
        };
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }

    public void end() {
        span.end();
    }

    /**
     * Ends the span with the outcome as a termination callback (Mutiny's {@code onTermination}) reports it: failed
     * when {@code failure} is not null.
     */
    public void end(Throwable failure) {
        if (failure == null) {
            end();
        } else {
            fail(failure);
        }
    }

    /** Ends the span as failed, with the failure's kind only: messages may hold what must not leave the service. */
    public void fail(Throwable failure) {
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
        span.end();
    }

    /** Ends the span as failed for a reason of the service's own words (a status, a verdict). */
    public void fail(String reason) {
        span.setStatus(StatusCode.ERROR, reason);
        span.end();
    }

    /** Closes an activation without a checked exception. */
    public interface Activation extends AutoCloseable {
        @Override
        void close();
    }
}
