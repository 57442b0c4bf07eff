package org.partnerhub.onboarding.keys;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.partnerhub.onboarding.keys.domain.Lease;

/** Stops an armed channel's attempt once, right after 360dialog created the key and before it is stored. */
@Alternative
@Priority(1)
@ApplicationScoped
public class CrashingFaults extends ProvisioningFaults {

    private final Set<String> armed = ConcurrentHashMap.newKeySet();

    void crashOnceAfterCreate(String channelId) {
        armed.add(channelId);
    }

    @Override
    public void afterKeyCreated(Lease lease) {
        if (armed.remove(lease.channelId())) {
            throw new IllegalStateException("simulated crash between the POST and the commit");
        }
    }
}
