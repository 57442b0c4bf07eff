package org.partnerhub.onboarding.runtime.tracing;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the service's spans go. Nothing leaves the process unless an OTLP endpoint is configured. */
@ConfigMapping(prefix = "onboarding.telemetry")
public interface TracingConfig {

    Otlp otlp();

    /**
     * Share of traces started here that are recorded (0 to 1). A trace started elsewhere keeps that service's choice,
     * carried in its context, so one onboarding is recorded whole or not at all.
     */
    @WithDefault("1.0")
    double samplerRatio();

    interface Otlp {

        /** OTLP over HTTP (protobuf), e.g. {@code http://otel-collector:4318/v1/traces}; absent: no export. */
        Optional<String> endpoint();

        /** Headers sent with every export, e.g. a collector's credential (a secret: set it from the environment). */
        Map<String, String> headers();
    }
}
