package org.partnerhub.onboarding.runtime.hubs;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * The Partner Hubs every service reads, as {@code onboarding.hubs.<id>.<key>}. Secrets (webhook secrets,
 * Partner API credentials) come from the environment, e.g. {@code ONBOARDING_HUBS_MAIN_WEBHOOK_SECRET}.
 */
@ConfigMapping(prefix = "onboarding.hubs")
public interface HubsConfig {

    @WithParentName
    Map<String, Hub> hubs();

    default Optional<Hub> hub(String id) {
        return Optional.ofNullable(hubs().get(id));
    }

    interface Hub {

        /** 360dialog's partner id of this hub. */
        String partnerId();

        PaymentMode paymentMode();

        /** What a UI shows on this hub's button. */
        Optional<String> label();

        /** Where 360dialog sends the browser after the permission popup. */
        Optional<String> redirectUrl();

        /** Where 360dialog posts this hub's partner webhooks (used by hub setup). */
        Optional<String> webhookUrl();

        /**
         * Opt-in: where each new key points its number's messaging webhook (key-provisioner), a template that may use
         * {@code {channelId}}, {@code {clientId}} and {@code {tenant}}.
         */
        Optional<String> messagingWebhookUrl();

        /**
         * Accept webhooks of a hub that has neither {@link #webhookSecret()} nor a static header. Without it
         * webhook-ingest refuses to start with such a hub (anyone could post facts); meant for the sandbox and tests.
         */
        @WithDefault("false")
        boolean allowUnsignedWebhooks();

        /**
         * Accept redirects that carry no {@code state} (360dialog's Direct Link, or a flow finished in another
         * browser), once the Partner API confirms client and channels; the tenant then comes from the client's
         * {@code partner_payload} only.
         */
        @WithDefault("false")
        boolean statelessRedirects();

        /** 360dialog's platform secret: when set, permission URLs carry its IO Signature (secret). */
        Optional<String> ioSignatureSecret();

        /** HMAC secret for {@code x-360dialog-signature}; without it signatures are not checked. */
        Optional<String> webhookSecret();

        /** The secret before the last rotation, accepted until removed. */
        Optional<String> webhookSecretPrevious();

        /** A header 360dialog sends with every webhook (configured with the webhook URL); checked when set. */
        Optional<String> webhookHeaderName();

        /** The value of {@link #webhookHeaderName()} (secret). */
        Optional<String> webhookHeaderValue();

        /** Partner API key ({@code X-API-Key}), the recommended authentication. */
        Optional<String> apiKey();

        /** Legacy Partner API login ({@code POST /token}), when no API key is configured. */
        Optional<String> username();

        Optional<String> password();
    }
}
