package org.partnerhub.onboarding.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test class with the shared stack and one browser: Debian's Chromium, headless, driven through Debian's
 * chromedriver. Nothing is downloaded: the driver and the browser binary are given explicitly, so Selenium Manager
 * never runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InChromium {

    static final Duration SETTLE = Duration.ofSeconds(120);

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    LocalStack stack;
    WebDriver browser;

    /** e.g. {@code 1100,1000}, which is also the screenshot's size. */
    abstract String windowSize();

    @BeforeAll
    void openTheBrowser() throws IOException {
        stack = LocalStack.shared();
        browser = open(windowSize());
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    <T> T until(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(browser, SETTLE).until(condition);
    }

    void screenshot(String name) {
        try {
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                    stack.output.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebDriver open(String windowSize) throws IOException {
        for (String binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertThat(new File(binary).canExecute()).as("%s: install Debian's chromium and chromium-driver "
                    + "packages (.ci/run does)", binary).isTrue();
        }
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
                        "--disable-component-update", "--disable-sync", "--window-size=" + windowSize,
                        "--user-data-dir=" + profile);
        return new ChromeDriver(driver, options);
    }
}
