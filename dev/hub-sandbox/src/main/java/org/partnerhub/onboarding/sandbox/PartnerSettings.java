package org.partnerhub.onboarding.sandbox;

import java.util.Map;

/** What a partner sets through the Partner API: where webhooks go (with their custom headers) and the redirect. */
record PartnerSettings(String webhookUrl, Map<String, String> webhookHeaders, String redirectUrl) {

    PartnerSettings {
        webhookHeaders = Map.copyOf(webhookHeaders);
    }

    PartnerSettings withWebhook(String url, Map<String, String> headers) {
        return new PartnerSettings(url, headers, redirectUrl);
    }

    PartnerSettings withRedirect(String url) {
        return new PartnerSettings(webhookUrl, webhookHeaders, url);
    }
}
