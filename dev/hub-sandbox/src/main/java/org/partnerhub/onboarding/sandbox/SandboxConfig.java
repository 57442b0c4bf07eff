package org.partnerhub.onboarding.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sandbox's configuration: the partners it knows, the initial fault knobs and its bounds. */
@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {

    /** {@code sandbox.partners.<partnerId>.*}: every Partner Hub the sandbox plays; unknown ids are answered 404. */
    Map<String, Partner> partners();

    /** The fault knobs at start-up (and after {@code DELETE /sandbox/faults}); the admin endpoint changes them. */
    FaultDefaults faults();

    Webhooks webhooks();

    Limits limits();

    /**
     * The messaging API base URL handed out with every channel API key; absent, the sandbox's own base URL as the
     * caller reached it, so that {@code POST {address}/v1/configs/webhook} comes back to the sandbox.
     */
    Optional<String> messagingAddress();

    /** How old an IO Signature may be when the permission page is opened. */
    @WithDefault("5m")
    Duration ioSignatureMaxAge();

    /** Lifetime of a legacy {@code POST /token} token; the old API granted a day. */
    @WithDefault("86400s")
    Duration tokenLifetime();

    default Optional<Partner> partner(String partnerId) {
        return Optional.ofNullable(partners().get(partnerId));
    }

    interface Partner {

        PaymentMode paymentMode();

        /** The Partner API key expected in {@code X-API-Key}. */
        Optional<String> apiKey();

        /** Legacy login for {@code POST /token}. */
        Optional<String> username();

        Optional<String> password();

        /** HMAC secret of {@code x-360dialog-signature}; without it webhooks go unsigned, like an unsigned hub. */
        Optional<String> webhookSecret();

        /** Initial webhook URL; the partner normally sets it through the Partner API. */
        Optional<String> webhookUrl();

        /** Initial redirect URL, used when the permission page gets no {@code redirect_url}. */
        Optional<String> redirectUrl();

        /**
         * The platform secret: when set, the permission page requires 360dialog's IO Signature and refuses links
         * without one, with a wrong one, an old one or one already used.
         */
        Optional<String> ioSignatureSecret();
    }

    interface FaultDefaults {

        /** Share of Partner API calls answered 500. */
        @WithDefault("0")
        double errorRate();

        /** Share of Partner API calls answered 429 with {@code Retry-After}. */
        @WithDefault("0")
        double throttleRate();

        @WithDefault("2s")
        Duration retryAfter();

        /** Added before every Partner API answer. */
        @WithDefault("0s")
        Duration latency();

        /** Share of webhooks sent twice. */
        @WithDefault("0")
        double duplicateRate();

        /** Share of channel webhooks held back and sent after the channel's next one. */
        @WithDefault("0")
        double reorderRate();

        /** Share of webhooks never sent: the reconciler has to find those changes. */
        @WithDefault("0")
        double dropRate();

        /** Webhook events never sent, e.g. {@code channel_running,channel_live}: the reconciler has to find those. */
        Optional<List<String>> dropEvents();

        /** Time between two steps of a channel's way from created to live. */
        @WithDefault("2s")
        Duration stepDelay();
    }

    interface Webhooks {

        /**
         * Attempts per webhook when the partner answers non-2xx or not at all. 360dialog documents no retries; the
         * sandbox retries a little so a restarting receiver does not lose the e2e run. A dropped webhook is never sent.
         */
        @WithDefault("3")
        int attempts();

        /** Wait before the second attempt, doubled before each further one. */
        @WithDefault("1s")
        Duration retryDelay();

        @WithDefault("5s")
        Duration timeout();

        /** Webhook requests in flight at most; beyond that a webhook is recorded as {@code overloaded}. */
        @WithDefault("64")
        int maxInFlight();
    }

    interface Limits {

        @WithDefault("10000")
        int clients();

        @WithDefault("20000")
        int channels();

        /** Numbers one visit of the permission page may connect. */
        @WithDefault("10")
        int numbersPerVisit();

        /** Permission page visits kept open at once; the oldest is forgotten first. */
        @WithDefault("1000")
        int openVisits();

        /** Webhook deliveries the admin endpoint remembers. */
        @WithDefault("2000")
        int deliveryLog();

        /** Legacy tokens alive at once. */
        @WithDefault("1000")
        int tokens();
    }
}
