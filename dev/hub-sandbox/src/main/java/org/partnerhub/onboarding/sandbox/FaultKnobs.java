package org.partnerhub.onboarding.sandbox;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The fault knobs in force, and the dice they are rolled with. */
@ApplicationScoped
public class FaultKnobs {

    private final AtomicReference<Faults> current = new AtomicReference<>();

    @Inject
    SandboxConfig config;

    @PostConstruct
    void init() {
        reset();
    }

    public Faults current() {
        return current.get();
    }

    Faults set(Faults faults) {
        current.set(faults);
        return faults;
    }

    Faults reset() {
        return set(Faults.of(config.faults()));
    }

    /** True with the given probability: never at 0, always at 1. */
    static boolean roll(double rate) {
        return ThreadLocalRandom.current().nextDouble() < rate;
    }
}
