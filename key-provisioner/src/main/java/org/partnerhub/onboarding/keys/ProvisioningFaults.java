package org.partnerhub.onboarding.keys;

import jakarta.enterprise.context.ApplicationScoped;

import org.partnerhub.onboarding.keys.domain.Lease;

/**
 * The point between "360dialog created the key" and "the key is stored", where a crash is the hardest case. It does
 * nothing here; tests replace the bean to stop an attempt exactly there and show the claim is resumed.
 */
@ApplicationScoped
public class ProvisioningFaults {

    public void afterKeyCreated(Lease lease) {
        // Nothing can go wrong here in production beyond what the process itself suffers.
    }
}
