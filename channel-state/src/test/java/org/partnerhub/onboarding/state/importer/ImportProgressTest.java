package org.partnerhub.onboarding.state.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ImportProgressTest {

    @Test
    void theLineSaysPagesItemsRateAndTimeLeftAtThisRunsRate() {
        ImportProgress progress = new ImportProgress("main", ImportKind.CHANNELS, 12, 1200, 10000, 1000,
                Duration.ofSeconds(4));

        assertThat(progress.line()).isEqualTo("hub main, channels: page 12, 1200 of 10000 (12%), 250.0/s, ETA 36s");
    }

    @Test
    void aResumedRunCountsItsRateFromWhatItReadItself() {
        ImportProgress progress = new ImportProgress("main", ImportKind.CHANNELS, 1, 5100, 10000, 100,
                Duration.ofSeconds(1));

        assertThat(progress.eta()).contains(Duration.ofSeconds(49));
        assertThat(progress.line()).contains("5100 of 10000 (51%), 100.0/s, ETA 49s");
    }

    @Test
    void beforeAnyTimePassedThereIsNoRateNorEstimate() {
        ImportProgress progress = new ImportProgress("main", ImportKind.CLIENTS, 1, 100, 300, 100, Duration.ZERO);

        assertThat(progress.line()).isEqualTo("hub main, clients: page 1, 100 of 300 (33%), -/s, ETA -");
    }

    @Test
    void longWaitsReadInMinutesAndHours() {
        assertThat(ImportProgress.human(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(ImportProgress.human(Duration.ofSeconds(125))).isEqualTo("2m05s");
        assertThat(ImportProgress.human(Duration.ofMinutes(200))).isEqualTo("3h20m");
    }
}
