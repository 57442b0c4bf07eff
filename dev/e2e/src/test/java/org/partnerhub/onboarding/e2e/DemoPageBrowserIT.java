package org.partnerhub.onboarding.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo page in a real browser: Debian's Chromium, headless, driven through Debian's chromedriver (nothing is
 * downloaded). A click opens 360dialog's popup, the client completes it, the popup closes itself and the page shows
 * the permitted channel, then watches it go live and get its key.
 */
class DemoPageBrowserIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration SETTLE = Duration.ofSeconds(120);

    private static LocalStack stack;
    private static WebDriver browser;

    @BeforeAll
    static void openTheBrowser() throws IOException {
        for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertThat(new File(binary).canExecute()).as("%s: install Debian's chromium and chromium-driver "
                    + "packages (.ci/run does)", binary).isTrue();
        }
        stack = LocalStack.shared();
        Path profile = Files.createTempDirectory("e2e-chromium");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        // Headless and quiet: without the background-networking flags Chromium keeps calling Google's hosts, which
        // this closed network refuses.
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1100,1000",
                        "--user-data-dir=" + profile);
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
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
        Path screenshot = stack.output.resolve("demo-page.png");
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                StandardCopyOption.REPLACE_EXISTING);

        Services services = new Services(stack);
        assertThat(services.channel(channel).get("tenant").asText()).isEqualTo(tenant);
        assertThat(services.apiKey(channel).status()).isEqualTo(200);
    }

    private void fill(String name, String value) {
        WebElement field = until(ExpectedConditions.visibilityOfElementLocated(By.name(name)));
        field.clear();
        field.sendKeys(value);
    }

    private static <T> T until(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, SETTLE).until(condition);
    }
}
