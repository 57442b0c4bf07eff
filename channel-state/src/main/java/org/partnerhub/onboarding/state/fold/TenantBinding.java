package org.partnerhub.onboarding.state.fold;

import java.time.Instant;
import java.util.Comparator;

/**
 * A verified statement that a client belongs to a tenant: a {@code client.linked} from the gateway, or the client's
 * {@code partner_payload} as 360dialog reports it. Of two bindings of one client the first stays: the earlier
 * {@code at}, the smaller event id on a tie. Defined by the facts alone, not by when they arrive, so the fold's outcome
 * stays independent of arrival order.
 *
 * @param at absent on bindings stored before bindings were timed; those count as earliest of all, so they stay
 * @param eventId absent likewise
 */
public record TenantBinding(String tenant, TenantSource source, Instant at, String eventId) {

    private static final Comparator<TenantBinding> FIRST = Comparator
            .comparing(TenantBinding::at, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(TenantBinding::eventId, Comparator.nullsFirst(Comparator.<String>naturalOrder()));

    static String tenantOf(TenantBinding binding) {
        return binding == null ? null : binding.tenant();
    }

    static TenantSource sourceOf(TenantBinding binding) {
        return binding == null ? null : binding.source();
    }

    /** The binding a fact offers, if it carries a tenant at all. */
    static TenantBinding offered(String tenant, TenantSource source, Fact fact) {
        return tenant == null ? null : new TenantBinding(tenant, source, fact.occurredAt(), fact.eventId());
    }

    /** The one that binds; either may be absent. */
    static TenantBinding first(TenantBinding a, TenantBinding b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return FIRST.compare(a, b) <= 0 ? a : b;
    }

    /** Of two bindings naming different tenants, the one that does not bind; absent when they agree. */
    static TenantBinding loser(TenantBinding a, TenantBinding b) {
        if (a == null || b == null || a.tenant().equals(b.tenant())) {
            return null;
        }
        return first(a, b) == a ? b : a;
    }
}
