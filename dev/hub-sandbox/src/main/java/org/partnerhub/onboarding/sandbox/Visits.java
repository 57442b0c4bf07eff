package org.partnerhub.onboarding.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Open permission page visits, the oldest forgotten first once {@code sandbox.limits.open-visits} are open. */
@ApplicationScoped
public class Visits {

    private final Map<String, Visit> open = new LinkedHashMap<>();

    @Inject
    SandboxConfig config;

    synchronized Visit put(Visit visit) {
        open.remove(visit.id());
        if (open.size() >= config.limits().openVisits()) {
            open.remove(open.keySet().iterator().next());
        }
        open.put(visit.id(), visit);
        return visit;
    }

    synchronized Optional<Visit> get(String partnerId, String visitId) {
        return Optional.ofNullable(open.get(visitId)).filter(v -> v.partnerId().equals(partnerId));
    }

    /** A visit ends with its redirect: the form cannot be sent twice. */
    synchronized Optional<Visit> end(String partnerId, String visitId) {
        Optional<Visit> visit = get(partnerId, visitId);
        visit.ifPresent(v -> open.remove(v.id()));
        return visit;
    }

    synchronized void clear() {
        open.clear();
    }
}
