package org.partnerhub.onboarding.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;

/** What an operator watches: flows started per hub, redirects accepted per hub and rejected per reason. */
@ApplicationScoped
public class GatewayMetrics {

    @Inject
    MeterRegistry registry;

    void flowStarted(String hubId) {
        registry.counter("onboarding.flows.started", "hub", hubId).increment();
    }

    void redirectAccepted(String hubId) {
        registry.counter("onboarding.redirects.accepted", "hub", hubId).increment();
    }

    void redirectRejected(String reason) {
        registry.counter("onboarding.redirects.rejected", "reason", reason).increment();
    }
}
