package org.partnerhub.onboarding.state.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.partnerhub.onboarding.events.state.ChannelStage;

class FunnelTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void countsChannelsPerStageAndHowManyGotOnToTheNext() {
        List<FunnelRow> rows = Funnel.of(List.of(
                path("ch-1", ChannelStage.LIVE, change(ChannelStage.PENDING, 0), change(ChannelStage.RUNNING, 60),
                        change(ChannelStage.LIVE, 90)),
                path("ch-2", ChannelStage.RUNNING, change(ChannelStage.PENDING, 0), change(ChannelStage.READY, 30),
                        change(ChannelStage.RUNNING, 40)),
                path("ch-3", ChannelStage.PENDING, change(ChannelStage.PENDING, 0)),
                path("ch-4", ChannelStage.PENDING, change(ChannelStage.PENDING, 0))));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.hubId()).isEqualTo("main");
            assertThat(row.tenant()).isEqualTo("tenant-42");
            assertThat(stage(row, ChannelStage.PENDING)).extracting(FunnelRow.Stage::channels,
                    FunnelRow.Stage::reached, FunnelRow.Stage::conversion).containsExactly(2, 4, 0.5);
            assertThat(stage(row, ChannelStage.READY)).extracting(FunnelRow.Stage::channels,
                    FunnelRow.Stage::reached, FunnelRow.Stage::conversion).containsExactly(0, 2, 1.0);
            assertThat(stage(row, ChannelStage.RUNNING)).extracting(FunnelRow.Stage::channels,
                    FunnelRow.Stage::reached, FunnelRow.Stage::conversion).containsExactly(1, 2, 0.5);
            assertThat(stage(row, ChannelStage.LIVE)).extracting(FunnelRow.Stage::channels,
                    FunnelRow.Stage::reached).containsExactly(1, 1);
        });
    }

    @Test
    void everyStageAppearsInItsOrderAndTheLastHasNoConversion() {
        FunnelRow row = Funnel.of(List.of(path("ch-1", ChannelStage.PENDING, change(ChannelStage.PENDING, 0))))
                .getFirst();

        assertThat(row.stages()).extracting(FunnelRow.Stage::stage).containsExactly(ChannelStage.values());
        assertThat(row.stages().getLast().conversion()).isNull();
        assertThat(stage(row, ChannelStage.READY).conversion()).as("none reached ready").isNull();
    }

    @Test
    void timeInStageIsFromEnteringToLeavingAndOnlyCompletedStaysCount() {
        List<FunnelRow> rows = Funnel.of(IntStream.rangeClosed(1, 10).mapToObj(minutes -> path("ch-" + minutes,
                ChannelStage.RUNNING, change(ChannelStage.PENDING, 0), change(ChannelStage.PENDING, 5),
                change(ChannelStage.RUNNING, 60 * minutes))).toList());

        FunnelRow.Stage pending = stage(rows.getFirst(), ChannelStage.PENDING);
        assertThat(pending.stays()).as("a status change within the stage is not a new stay").isEqualTo(10);
        assertThat(pending.p50Seconds()).isEqualTo(5 * 60);
        assertThat(pending.p90Seconds()).isEqualTo(9 * 60);
        FunnelRow.Stage running = stage(rows.getFirst(), ChannelStage.RUNNING);
        assertThat(running.stays()).as("still running: no stay ended").isZero();
        assertThat(running.p50Seconds()).isNull();
    }

    @Test
    void aStayThatLooksNegativeBecauseOfALateFactCountsAsZero() {
        FunnelRow row = Funnel.of(List.of(path("ch-1", ChannelStage.RUNNING, change(ChannelStage.PENDING, 60),
                change(ChannelStage.RUNNING, 0)))).getFirst();

        assertThat(stage(row, ChannelStage.PENDING).p50Seconds()).isZero();
    }

    @Test
    void hubsAndTenantsAreSeparateRowsAndAChannelWithoutTenantHasItsOwn() {
        List<FunnelRow> rows = Funnel.of(List.of(
                new ChannelPath("partner", "tenant-7", ChannelStage.PENDING, List.of()),
                new ChannelPath("main", "tenant-7", ChannelStage.PENDING, List.of()),
                new ChannelPath("main", null, ChannelStage.PENDING, List.of()),
                new ChannelPath("main", "tenant-7", ChannelStage.RUNNING, List.of())));

        assertThat(rows).extracting(FunnelRow::hubId, FunnelRow::tenant).containsExactly(
                org.assertj.core.groups.Tuple.tuple("main", null),
                org.assertj.core.groups.Tuple.tuple("main", "tenant-7"),
                org.assertj.core.groups.Tuple.tuple("partner", "tenant-7"));
        assertThat(stage(rows.get(1), ChannelStage.PENDING).reached()).isEqualTo(2);
        assertThat(stage(rows.get(1), ChannelStage.RUNNING).channels()).isEqualTo(1);
    }

    @Test
    void percentilesAreNearestRank() {
        List<Duration> values = Arrays.stream(new int[] {40, 10, 30, 20}).mapToObj(Duration::ofSeconds).toList();

        assertThat(Funnel.percentile(values, 50)).isEqualTo(Duration.ofSeconds(20));
        assertThat(Funnel.percentile(values, 90)).isEqualTo(Duration.ofSeconds(40));
        assertThat(Funnel.percentile(List.of(Duration.ofSeconds(7)), 90)).isEqualTo(Duration.ofSeconds(7));
        assertThat(Funnel.percentile(List.of(), 50)).isNull();
    }

    private static ChannelPath path(String channelId, ChannelStage current, StageChange... changes) {
        return new ChannelPath("main", "tenant-42", current, List.of(changes));
    }

    private static StageChange change(ChannelStage stage, int seconds) {
        return new StageChange(stage, T0.plusSeconds(seconds));
    }

    private static FunnelRow.Stage stage(FunnelRow row, ChannelStage stage) {
        return row.stages().stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
    }
}
