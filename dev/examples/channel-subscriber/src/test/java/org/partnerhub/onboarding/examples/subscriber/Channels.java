package org.partnerhub.onboarding.examples.subscriber;

import java.time.Instant;

import org.partnerhub.onboarding.events.apikey.ApiKeyProvisioned;
import org.partnerhub.onboarding.events.apikey.ApiKeyRevoked;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionGranted;
import org.partnerhub.onboarding.events.lifecycle.ChannelPermissionRevoked;
import org.partnerhub.onboarding.events.lifecycle.ChannelRunning;
import org.partnerhub.onboarding.events.lifecycle.ChannelStatusChanged;
import org.partnerhub.onboarding.events.state.ApiKeyState;
import org.partnerhub.onboarding.events.state.ApiKeyStatus;
import org.partnerhub.onboarding.events.state.ChannelSnapshot;
import org.partnerhub.onboarding.events.state.ChannelStage;
import org.partnerhub.onboarding.events.state.PermissionState;
import org.partnerhub.onboarding.events.state.PermissionStatus;

/** channel-state's and key-provisioner's events for one channel, as they publish them. */
final class Channels {

    static final String HUB = "partnerpay";
    static final String TENANT = "tenant-7";
    static final Instant AT = Instant.parse("2026-11-30T04:00:00Z");

    private Channels() {
    }

    static ChannelRunning running(String channel, long version, ApiKeyState key) {
        return new ChannelRunning(HUB, channel, version, AT.plusSeconds(version),
                snapshot(channel, "running", PermissionState.GRANTED, key, version));
    }

    static ChannelStatusChanged live(String channel, long version, ApiKeyState key) {
        return new ChannelStatusChanged(HUB, channel, "running", "live", ChannelStage.RUNNING, ChannelStage.LIVE,
                version, AT.plusSeconds(version), snapshot(channel, "live", PermissionState.GRANTED, key, version));
    }

    static ChannelPermissionRevoked permissionRevoked(String channel, long version) {
        return new ChannelPermissionRevoked(HUB, channel, version, AT.plusSeconds(version),
                snapshot(channel, "live", PermissionState.REVOKED, ApiKeyState.PROVISIONED, version));
    }

    static ChannelPermissionGranted permissionGranted(String channel, long version) {
        return new ChannelPermissionGranted(HUB, channel, version, AT.plusSeconds(version),
                snapshot(channel, "live", PermissionState.GRANTED, ApiKeyState.REVOKED, version));
    }

    static ApiKeyProvisioned provisioned(String channel, String keyId) {
        return new ApiKeyProvisioned(HUB, channel, "client-1", keyId, "https://waba.example", "app-1",
                "claim-" + keyId, AT);
    }

    static ApiKeyRevoked keyRevoked(String channel, String keyId) {
        return new ApiKeyRevoked(HUB, channel, keyId, "permission revoked", false, AT);
    }

    private static ChannelSnapshot snapshot(String channel, String status, PermissionState permission,
            ApiKeyState key, long version) {
        return new ChannelSnapshot(channel, HUB, "client-1", TENANT, "4915100000000", status,
                "live".equals(status) ? ChannelStage.LIVE : ChannelStage.RUNNING, "live",
                new PermissionStatus(permission, "webhook"), new ApiKeyStatus(key, null), version, AT,
                AT.plusSeconds(version), AT.plusSeconds(version));
    }
}
