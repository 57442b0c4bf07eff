package org.partnerhub.onboarding.hubapi;

import java.util.Optional;

/** The partner-wide settings hub setup keeps in line with configuration. */
public record PartnerSettings(Optional<String> webhookUrl, Optional<String> redirectUrl) {
}
