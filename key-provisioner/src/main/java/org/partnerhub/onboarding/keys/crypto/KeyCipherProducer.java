package org.partnerhub.onboarding.keys.crypto;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.partnerhub.onboarding.keys.KeysConfig;

import io.quarkus.runtime.Startup;

/** Builds the cipher from configuration once, so a bad key fails start-up instead of the first request. */
public class KeyCipherProducer {

    @Produces
    @Singleton
    @Startup
    KeyCipher keyCipher(KeysConfig config) {
        return new KeyCipher(config.encryption().primary(), config.encryption().keys());
    }
}
