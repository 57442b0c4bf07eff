package org.partnerhub.onboarding.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Legacy Bearer tokens from {@code POST /token}: which partner each is for and until when. Bounded. */
@ApplicationScoped
public class Tokens {

    record Grant(String partnerId, Instant expiresAt) {
    }

    private final Map<String, Grant> grants = new LinkedHashMap<>();
    private final Clock clock = Clock.systemUTC();

    @Inject
    SandboxConfig config;

    /** The partner whose username and password these are, with a new token for it. */
    synchronized Optional<String> issue(String username, String password) {
        Optional<String> partnerId = config.partners().entrySet().stream()
                .filter(p -> p.getValue().username().filter(username::equals).isPresent()
                        && p.getValue().password().filter(password::equals).isPresent())
                .map(Map.Entry::getKey).findFirst();
        return partnerId.map(id -> {
            Instant now = clock.instant();
            grants.values().removeIf(grant -> !grant.expiresAt().isAfter(now));
            if (grants.size() >= config.limits().tokens()) {
                Iterator<String> oldest = grants.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            String token = Ids.secret("sandbox-token-NOT-A-REAL-SECRET-");
            grants.put(token, new Grant(id, now.plus(config.tokenLifetime())));
            return token;
        });
    }

    synchronized boolean admits(String token, String partnerId) {
        Grant grant = grants.get(token);
        return grant != null && grant.partnerId().equals(partnerId) && grant.expiresAt().isAfter(clock.instant());
    }

    synchronized void clear() {
        grants.clear();
    }
}
