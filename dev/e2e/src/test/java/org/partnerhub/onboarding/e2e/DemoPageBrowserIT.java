package org.partnerhub.onboarding.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo page in a real browser: Debian's Chromium, headless, driven through Debian's chromedriver (nothing is
 * downloaded). A click opens 360dialog's popup, the client completes it, the popup closes itself and the page shows
 * the permitted channel, then watches it go live and get its key.
 */
class DemoPageBrowserIT extends InChromium {

    @Override
    String windowSize() {
        return "1100,1000";
    }

    @Test
    void theDemoPageConnectsANumberThroughThePopupAndShowsItGoLive() throws IOException {
        String tenant = "browser-tenant-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String number = Newcomers.number();
        browser.get(stack.gateway + "/#channel-state=" + URLEncoder.encode(stack.state.toString(),
                StandardCharsets.UTF_8) + "&token=" + stack.readerToken);
        WebElement tenantField = browser.findElement(By.id("tenant"));
        tenantField.clear();
        tenantField.sendKeys(tenant);
        String demoPage = browser.getWindowHandle();
        assertThat(browser.findElement(By.id("console-link")).getDomAttribute("href"))
                .as("the demo page links to channel-state's console, signed in with its token")
                .isEqualTo(stack.state + "/console/#token=" + stack.readerToken);

        until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[@id='hubs']/button[starts-with(., 'Direct Payment (sandbox)')]"))).click();

        until(ExpectedConditions.numberOfWindowsToBe(2));
        browser.switchTo().window(browser.getWindowHandles().stream().filter(handle -> !handle.equals(demoPage))
                .findFirst().orElseThrow());
        fill("name", "Browser Bakery");
        fill("email", tenant + "@client.example");
        fill("numbers", number);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        until(ExpectedConditions.elementToBeClickable(By.xpath("//button[. = 'Accept and continue']"))).click();
        WebElement share = until(ExpectedConditions.presenceOfElementLocated(By.name("permit")));
        assertThat(share.isSelected()).as("the new number is offered checked").isTrue();
        String channel = share.getDomAttribute("value");
        browser.findElement(By.xpath("//button[. = 'Continue']")).click();

        until(ExpectedConditions.numberOfWindowsToBe(1));
        browser.switchTo().window(demoPage);
        until(ExpectedConditions.textMatches(By.id("result"), Pattern.compile("\"channels\"")));
        JsonNode result = Http.JSON.readTree(browser.findElement(By.id("result")).getText());
        assertThat(result.get("channels")).extracting(JsonNode::asText).containsExactly(channel);
        assertThat(result.get("revoked")).isEmpty();
        assertThat(result.get("client").asText()).isNotBlank();

        By row = By.cssSelector("#channels tr[data-channel='" + channel + "']");
        until(ExpectedConditions.textToBePresentInElementLocated(row, "live"));
        until(ExpectedConditions.textToBePresentInElementLocated(row, "provisioned"));
        screenshot("demo-page.png");

        Services services = new Services(stack);
        assertThat(services.channel(channel).get("tenant").asText()).isEqualTo(tenant);
        assertThat(services.apiKey(channel).status()).isEqualTo(200);
    }

    private void fill(String name, String value) {
        WebElement field = until(ExpectedConditions.visibilityOfElementLocated(By.name(name)));
        field.clear();
        field.sendKeys(value);
    }
}
