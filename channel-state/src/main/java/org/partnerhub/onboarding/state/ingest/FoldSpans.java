package org.partnerhub.onboarding.state.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.partnerhub.onboarding.runtime.tracing.TraceParent;
import org.partnerhub.onboarding.runtime.tracing.TracedSpan;
import org.partnerhub.onboarding.runtime.tracing.Tracing;

import io.opentelemetry.api.trace.SpanKind;

/**
 * The spans of one batch transaction: one per traced record folded, continuing the trace its producer started (a
 * webhook's, a redirect's, a key claim's). What the fold of a record publishes carries that span's context, so the
 * consumers of channel-state's events continue the same trace.
 */
final class FoldSpans {

    private final Tracing tracing;
    private final Map<TraceParent, TracedSpan> byCause = new LinkedHashMap<>();

    FoldSpans(Tracing tracing) {
        this.tracing = tracing;
    }

    /** The context to publish with what {@code cause}'s record led to; none for facts that came with no trace. */
    Optional<TraceParent> continuing(Optional<TraceParent> cause) {
        return cause.map(parent -> byCause.computeIfAbsent(parent,
                p -> tracing.start("fold", SpanKind.CONSUMER, Optional.of(p))).traceParent());
    }

    void committed() {
        byCause.values().forEach(TracedSpan::end);
    }

    void failed(Throwable failure) {
        byCause.values().forEach(span -> span.fail(failure));
    }
}
