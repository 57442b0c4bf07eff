package org.partnerhub.onboarding.state.fold;

/**
 * Where a fact came from. Published events and stored rows carry it as a free string ({@link #wire()}), so that a
 * new source is not a breaking change; the fold works with the known ones as values and keeps any other as it came.
 */
public sealed interface Origin {

    Origin WEBHOOK = Known.WEBHOOK;
    Origin RECONCILER = Known.RECONCILER;
    Origin REDIRECT = Known.REDIRECT;
    Origin PARTNER_API = Known.PARTNER_API;
    Origin PARTNER_PAYMENT = Known.PARTNER_PAYMENT;
    Origin KEY_PROVISIONER = Known.KEY_PROVISIONER;
    Origin CLIENT = Known.CLIENT;

    /** The string stored and published for this origin. */
    String wire();

    /** The origin a stored or published string names; absent stays absent. */
    static Origin of(String wire) {
        if (wire == null) {
            return null;
        }
        for (Known known : Known.values()) {
            if (known.wire.equals(wire)) {
                return known;
            }
        }
        return new Other(wire);
    }

    static String wire(Origin origin) {
        return origin == null ? null : origin.wire();
    }

    enum Known implements Origin {
        /** A signed 360dialog webhook, from {@code hub.webhooks}. */
        WEBHOOK("webhook"),
        /** A Partner API read by this service's reconciler; on no topic, kept in {@code reconcile_observation}. */
        RECONCILER("reconcile"),
        /** The gateway's popup redirect. */
        REDIRECT("redirect"),
        /** The permission drift poller's read of the Partner API's shared numbers. */
        PARTNER_API("partner-api"),
        /** A Partner Payment hub: the partner holds the permission for every channel. */
        PARTNER_PAYMENT("partner-payment"),
        /** What key-provisioner did with a channel's key. */
        KEY_PROVISIONER("key-provisioner"),
        /** A fact about the channel's client rather than the channel. */
        CLIENT("client");

        private final String wire;

        Known(String wire) {
            this.wire = wire;
        }

        @Override
        public String wire() {
            return wire;
        }
    }

    /** A source this service does not know by name: kept and published as it came. */
    record Other(String wire) implements Origin {
    }
}
