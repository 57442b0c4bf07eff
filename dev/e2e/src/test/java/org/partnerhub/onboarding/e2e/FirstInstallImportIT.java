package org.partnerhub.onboarding.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A partner that already has 10,000 numbers at 360dialog installs the system: {@code channel-state import} reads them
 * from the Partner API into the projection. The Direct Payment hub, so that no key is created for them (none of its
 * clients shares a number with the partner).
 */
class FirstInstallImportIT {

    private static final int CLIENTS = 1000;
    private static final int NUMBERS_PER_CLIENT = 10;
    private static final String TENANTS = "imported-tenant-";
    /** Pages of 1,000: 360dialog's largest, and 21 calls, well within a minute's budget. */
    private static final Map<String, String> SETTINGS = Map.of("ONBOARDING_IMPORT_PAGE_SIZE", "1000");

    private final LocalStack stack = LocalStack.shared();

    @Test
    void tenThousandNumbersAlreadyAt360dialogAreImportedWholeAndARunAgainReadsNothing() {
        Http.Answer loaded = Http.postJson(stack.sandbox.resolve("/sandbox/load"), Map.of("partnerId", "sandboxdirect",
                "clients", CLIENTS, "channelsPerClient", NUMBERS_PER_CLIENT, "tenantPrefix", TENANTS));
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);

        LocalStack.CommandRun first = stack.channelStateImport(Duration.ofMinutes(2), SETTINGS, "directpay");

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("hub directpay, clients: page 1, 1000 of ")
                .containsPattern("hub directpay, channels: page \\d+, (\\d+) of \\1 \\(100%\\), [0-9.]+/s, ETA 0s")
                .contains("import: done");
        assertThat(importedChannels()).isEqualTo(CLIENTS * NUMBERS_PER_CLIENT);

        LocalStack.CommandRun again = stack.channelStateImport(Duration.ofMinutes(1), SETTINGS, "directpay");
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains("hub directpay, clients: imported already")
                .contains("hub directpay, channels: imported already").doesNotContain("page 1,");

        LocalStack.CommandRun unknownHub = stack.channelStateImport(Duration.ofMinutes(1), SETTINGS, "nohub");
        assertThat(unknownHub.exitCode()).isEqualTo(1);
        assertThat(unknownHub.output()).contains("import failed: hub(s) nohub not configured");
    }

    /** The hub's channels in the projection whose tenant came from the loaded clients' partner_payload. */
    private int importedChannels() {
        int count = 0;
        String after = null;
        do {
            URI page = stack.state.resolve("/channels?hub=directpay&limit=500"
                    + (after == null ? "" : "&after=" + after));
            Http.Answer answer = Http.get(page, "Authorization", "Bearer " + stack.readerToken);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            JsonNode json = answer.json();
            for (JsonNode channel : json.path("items")) {
                if (channel.path("tenant").asText("").startsWith(TENANTS)) {
                    count++;
                }
            }
            after = json.path("next").isTextual() ? json.path("next").asText() : null;
        } while (after != null);
        return count;
    }
}
