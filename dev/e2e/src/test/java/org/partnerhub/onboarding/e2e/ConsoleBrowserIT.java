package org.partnerhub.onboarding.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * channel-state's console in headless Chromium: a number connected on the Partner Payment hub goes live, and the
 * console, opened with the reader's token, counts it as live in its tenant's funnel and shows its timeline.
 */
class ConsoleBrowserIT extends InChromium {

    @Override
    String windowSize() {
        return "1280,1400";
    }

    @Test
    void theConsoleCountsALiveChannelInItsTenantsFunnelAndShowsItsTimeline() {
        String tenant = Newcomers.tenant();
        String number = Newcomers.number();
        PopupVisit.Connected connected = new PopupVisit(stack).signUp("partnerpay", tenant, Newcomers.email(),
                List.of(number));
        String channel = connected.channelOf(number);
        Services services = new Services(stack);
        await().atMost(SETTLE).untilAsserted(() -> {
            JsonNode snapshot = services.channel(channel);
            assertThat(snapshot).as("channel-state knows %s", channel).isNotNull();
            assertThat(snapshot.get("stage").asText()).isEqualTo("live");
            assertThat(snapshot.at("/apiKey/state").asText()).isEqualTo("provisioned");
        });

        browser.get(stack.state + "/console");
        until(ExpectedConditions.visibilityOfElementLocated(By.id("token"))).sendKeys(stack.readerToken);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();

        until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "credential reader"));
        By live = By.cssSelector("table.funnel[data-hub='partnerpay'][data-tenant='" + tenant
                + "'] tr[data-stage='live'] td.now");
        until(ExpectedConditions.textToBe(live, "1"));
        assertThat(browser.findElement(By.cssSelector("table.funnel[data-hub='partnerpay'][data-tenant='" + tenant
                + "'] tr[data-stage='pending'] td.now")).getText()).isEqualTo("0");
        assertThat(browser.findElements(By.cssSelector("#failed button.retry")))
                .as("the reader has no keys:retry").isEmpty();

        browser.findElement(By.id("channel-id")).sendKeys(channel);
        browser.findElement(By.cssSelector("#lookup button[type=submit]")).click();
        until(ExpectedConditions.textToBePresentInElementLocated(By.id("timeline-summary"), channel));
        assertThat(browser.findElement(By.id("timeline-summary")).getText()).contains("tenant " + tenant, "live",
                "key provisioned");
        assertThat(browser.findElements(By.cssSelector("#timeline-entries tbody tr")))
                .extracting(row -> row.getDomAttribute("data-kind"))
                .contains("channel.created", "channel.status-changed", "channel.running", "api-key");
        assertThat(browser.findElement(By.cssSelector("#timeline-entries tr[data-kind='channel.running']"))
                .getText()).contains("webhook");
        screenshot("console.png");
    }
}
