package com.callpermissionledger.dashboard.browser;

import com.callpermissionledger.http.Keys;
import com.callpermissionledger.http.Answer;
import com.callpermissionledger.http.LedgerHttp;
import com.callpermissionledger.policy.RuleId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page in a real browser (headless Chromium) against the real application: what the ledger
 * records appears on the page, and the page follows the ledger clock by itself, without a reload.
 * Chromium and chromedriver are required at /usr/bin: without them this test fails (CI installs them).
 * Screenshots go to target/dashboard-screenshots/; with -Ddashboard.screenshot.docs=true the 1280 px one
 * also replaces docs/dashboard.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
        // a fixed start, so the screenshot shows the same dates on every run
        "ledger.simulation.start=2026-03-09T07:30:00Z",
        "logging.level.org.openqa.selenium=WARN"})
@ActiveProfiles({"test", "simulation"})
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static final String SUPPORT = "106540352242922";
    private static final String SALES = "113265841956327";
    private static final String BOOKINGS = "120893476512004";

    @LocalServerPort
    int port;

    private ChromeDriverService service;
    private WebDriver browser;

    @BeforeEach
    void startBrowser(@TempDir Path profile) throws IOException {
        assertThat(Files.isExecutable(CHROMIUM)).as("Chromium must be installed at %s (CI installs it)", CHROMIUM).isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("chromedriver must be installed at %s", CHROMEDRIVER).isTrue();
        // the machine may have no internet: the driver is named, so Selenium Manager has nothing to look up
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,900", "--hide-scrollbars", "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void thePageFollowsTheLedgerClockWithoutReloading() throws Exception {
        String granted = "4915112345678";
        String asked = "447700900123";
        post(pair(SUPPORT, granted) + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}");
        post(pair(SUPPORT, asked) + "/permission-requests", "{\"requestId\":\"wamid.browser-1\",\"channel\":\"TEMPLATE\"}");
        post(pair(SUPPORT, asked) + "/permission-requests/wamid.browser-1/delivered", "{}");

        browser.get(url("/dashboard"));
        assertThat(browser.getTitle()).contains("dashboard");
        // the page asks for a key once and keeps it in the tab's session storage
        new WebDriverWait(browser, PATIENCE).until(d -> d.findElement(testId("key-form")).isDisplayed());
        browser.findElement(testId("key-input")).sendKeys(Keys.DASHBOARD);
        browser.findElement(testId("key-submit")).click();
        new WebDriverWait(browser, PATIENCE).until(d -> !d.findElement(testId("key-form")).isDisplayed());
        awaitText(testId("pair-state-" + SUPPORT + "-" + granted), "GRANTED");
        awaitText(testId("pair-state-" + SUPPORT + "-" + asked), "REQUESTED");
        awaitText(testId("request-status-wamid.browser-1"), "PENDING");
        assertThat(text(testId("pair-expiry-" + SUPPORT + "-" + granted))).isEqualTo("expires in 7 d");
        assertThat(text(testId("pair-call-" + SUPPORT + "-" + granted))).contains("can call now");
        assertThat(browser.findElements(testId("request-expired-wamid.browser-1"))).isEmpty();
        assertThat(text(testId("updated"))).matches("updated \\d\\d:\\d\\d:\\d\\d");

        // a marker that a reload would wipe out
        js("window.stillTheSamePage = 'yes';");
        post("/api/v1/admin/clock", "{\"advance\":\"PT168H\"}");

        awaitText(testId("pair-state-" + SUPPORT + "-" + granted), "EXPIRED");
        awaitText(testId("pair-state-" + SUPPORT + "-" + asked), "EXPIRED");
        awaitText(testId("request-status-wamid.browser-1"), "EXPIRED");
        WebElement expiry = await(d -> d.findElement(testId("request-expired-wamid.browser-1")));
        assertThat(expiry.getAttribute("data-expiry-reason")).isEqualTo("NO_RESPONSE");
        assertThat(expiry.getText()).isEqualTo("expired · no response");
        assertThat(browser.findElement(testId("request-row-wamid.browser-1")).getAttribute("class")).contains("is-expired");
        assertThat(text(testId("pair-call-" + SUPPORT + "-" + granted))).contains("R-PERMISSION-REQUIRED");
        assertThat(js("return window.stillTheSamePage;")).as("the page was not reloaded").isEqualTo("yes");

        fillForTheScreenshot();
        awaitText(testId("pairs-range"), "1–16 of 16");
        awaitText(testId("pair-state-" + SALES + "-447911204455"), "REVOKED");
        await(d -> d.findElement(testId("pair-warning-" + SALES + "-5511987650101")));
        // rule wording and policy numbers come from the ledger (GET .../rules), the page keeps no copy
        await(d -> d.findElement(testId("pair-warning-" + SALES + "-5511987650101")).getAttribute("title")
                .contains("2 or more business calls in a row unanswered or rejected; at 4 the permission is revoked")
                ? Boolean.TRUE : null);
        await(d -> d.findElement(testId("call-row-wacid.c-5002")).getText().contains(RuleId.CALL_CAP.words())
                ? Boolean.TRUE : null);
        awaitText(testId("call-outcome-wacid.c-5002"), "refused");
        Thread.sleep(2500);
        screenshot("dashboard-1280.png", 1280, true);
        Object sideways = js("var wrap = document.querySelector('[data-testid=pairs-table]').parentElement;"
                + " return wrap.scrollWidth - wrap.clientWidth;");
        assertThat(((Number) sideways).intValue()).as("the pairs table fits 1280 px without scrolling").isLessThanOrEqualTo(0);
        if (Boolean.getBoolean("dashboard.screenshot.docs")) {
            Files.copy(SCREENSHOTS.resolve("dashboard-1280.png"), Path.of("docs", "dashboard.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }

        // the detail panel: the timeline in plain words
        browser.manage().window().setSize(new Dimension(1280, 900));
        js("window.scrollTo(0, 0);");
        await(d -> {
            d.findElement(testId("pair-row-" + SALES + "-5511987650101")).click();
            return true;
        });
        awaitText(testId("detail-title"), SALES + " · 5511987650101");
        WebElement timeline = await(d -> d.findElement(testId("detail-timeline")));
        assertThat(timeline.getText()).contains("Warning: 2 calls in a row unanswered or rejected.");
        assertThat(browser.findElements(testId("detail-earlier"))).as("every event fits the latest page").isEmpty();
        screenshot("dashboard-detail-1280.png", 1280, false);
        browser.findElement(testId("detail-close")).click();

        // filters: the state filter narrows the pairs and is kept in the address
        new Select(browser.findElement(testId("filter-state"))).selectByValue("EXPIRED");
        awaitText(testId("pairs-range"), "1–2 of 2");
        assertThat(browser.getCurrentUrl()).contains("state=EXPIRED");
        browser.findElement(testId("filter-clear")).click();
        awaitText(testId("pairs-range"), "1–16 of 16");

        // a phone: the tables collapse into cards
        screenshot("dashboard-390.png", 390, true);
        screenshot("dashboard-390-top.png", 390, false);
        Object overflow = js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("no sideways scrolling of the page on a phone").isLessThanOrEqualTo(0);

        // a long history: the panel shows the latest page and says how many events come before it
        for (int i = 0; i < 103; i++) {
            assertThat(post(pair(SUPPORT, "4917600000103") + "/calls", "{\"callId\":\"wacid.h-" + i + "\"}"))
                    .as("refused for want of permission").isEqualTo(403);
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
        js("window.scrollTo(0, 0);");
        await(d -> {
            d.findElement(testId("pair-row-" + SUPPORT + "-4917600000103")).click();
            return true;
        });
        awaitText(testId("detail-earlier"), "The latest 100 events; 3 earlier ones are in the pair's audit history.");
        assertThat(browser.findElements(By.cssSelector("[data-testid=detail-timeline] li"))).hasSize(100);
    }

    /** A few more pairs with varied stories, spread over simulated days, so the screenshot shows a real day. */
    private void fillForTheScreenshot() throws Exception {
        put("/api/v1/businesses/" + SUPPORT + "/settings", "{\"callbackPermission\":\"ENABLED\"}");
        put("/api/v1/businesses/" + BOOKINGS + "/settings", "{\"policy\":\"whatsapp-v2\"}");

        grant(SUPPORT, "4917612345001");
        grant(SALES, "3361234567890");
        request(SALES, "919812340077", "wamid.HBgL-3001", true);
        advance("PT100H");

        grant(SUPPORT, "14155550123");
        request(SALES, "5511987650101", "wamid.HBgL-3002", true);
        post(pair(SALES, "5511987650101") + "/permission-requests/wamid.HBgL-3002/reply", "{\"response\":\"ACCEPT\"}");
        advance("PT3H");
        calls(SALES, "5511987650101", "CONNECTED", "UNANSWERED", "REJECTED");
        advance("PT47H");

        post(pair(SUPPORT, "447911123456") + "/user-calls", "{\"callId\":\"wacid.u-4001\",\"outcome\":\"CONNECTED\"}");
        calls(SUPPORT, "447911123456", "CONNECTED");
        request(BOOKINGS, "3465012345678", "wamid.HBgL-3003", true);
        post(pair(BOOKINGS, "3465012345678") + "/permission-requests/wamid.HBgL-3003/reply",
                "{\"response\":\"ACCEPT\",\"permanent\":true}");
        calls(BOOKINGS, "3465012345678", "CONNECTED", "CONNECTED");
        request(SALES, "4916090001122", "wamid.HBgL-3004", true);
        post(pair(SALES, "4916090001122") + "/permission-requests/wamid.HBgL-3004/reply", "{\"response\":\"REJECT\"}");
        grant(SALES, "447911204455");
        calls(SALES, "447911204455", "UNANSWERED", "REJECTED", "UNANSWERED", "UNANSWERED");
        post(pair(SUPPORT, "3932012345678") + "/calls", "{\"callId\":\"wacid.c-5001\"}");
        grant(SALES, "16465550188");
        calls(SALES, "16465550188", "CONNECTED", "CONNECTED", "CONNECTED", "CONNECTED", "CONNECTED");
        post(pair(SALES, "16465550188") + "/calls", "{\"callId\":\"wacid.c-5002\"}");
        request(SUPPORT, "9198765432100", "wamid.HBgL-3005", true);
        post(pair(SUPPORT, "9198765432100") + "/permission-requests", "{\"requestId\":\"wamid.HBgL-3006\",\"channel\":\"TEMPLATE\"}");
        request(BOOKINGS, "3162012345678", "wamid.HBgL-3007", false);
        grant(SUPPORT, "US.13491208655302741918");
        calls(SUPPORT, "US.13491208655302741918", "CONNECTED", "FAILED");
        advance("PT25M");
    }

    // ------------------------------------------------------------------ the ledger, over HTTP

    private static String pair(String business, String user) {
        return "/api/v1/businesses/" + business + "/users/" + user;
    }

    private int callNumber;

    private void grant(String business, String user) throws Exception {
        post(pair(business, user) + "/permission/grant", "{\"source\":\"BUSINESS_PROFILE\"}");
    }

    private void request(String business, String user, String requestId, boolean delivered) throws Exception {
        post(pair(business, user) + "/permission-requests", "{\"requestId\":\"" + requestId + "\",\"channel\":\"TEMPLATE\"}");
        if (delivered) {
            post(pair(business, user) + "/permission-requests/" + requestId + "/delivered", "{}");
        }
    }

    private void calls(String business, String user, String... outcomes) throws Exception {
        for (String outcome : outcomes) {
            String callId = "wacid.c-" + (1000 + ++callNumber);
            post(pair(business, user) + "/calls", "{\"callId\":\"" + callId + "\"}");
            advance("PT4M");
            post(pair(business, user) + "/calls/" + callId + "/outcome", "{\"outcome\":\"" + outcome + "\"}");
            advance("PT26M");
        }
    }

    private void advance(String duration) throws Exception {
        post("/api/v1/admin/clock", "{\"advance\":\"" + duration + "\"}");
    }

    private int post(String path, String body) throws Exception {
        return answered(new LedgerHttp(port).post(path, body));
    }

    private int put(String path, String body) throws Exception {
        return answered(new LedgerHttp(port).put(path, body));
    }

    private static int answered(Answer answer) {
        assertThat(answer.status()).as("answer to %s: %s", answer.path(), answer.body()).isLessThan(500);
        return answer.status();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    // ------------------------------------------------------------------ the browser

    private static By testId(String id) {
        return By.cssSelector("[data-testid=\"" + id + "\"]");
    }

    private String text(By locator) {
        return browser.findElement(locator).getText();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Waits for a condition; the page redraws every 2 s, so elements may be replaced while we look. */
    private <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, PATIENCE, Duration.ofMillis(200))
                .ignoreAll(List.of(NoSuchElementException.class, StaleElementReferenceException.class,
                        ElementClickInterceptedException.class))
                .until(condition::apply);
    }

    private void awaitText(By locator, String expected) {
        try {
            await(d -> expected.equals(d.findElement(locator).getText()) ? Boolean.TRUE : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            List<WebElement> found = browser.findElements(locator);
            throw new AssertionError("Within " + PATIENCE.toSeconds() + " s, " + locator + " did not show \"" + expected
                    + "\"; it shows " + (found.isEmpty() ? "nothing (not on the page)" : "\"" + found.get(0).getText() + "\""), e);
        }
    }

    /** A screenshot at {@code width}; {@code wholePage} makes the window as tall as the page first. */
    private void screenshot(String name, int width, boolean wholePage) throws IOException {
        browser.manage().window().setSize(new Dimension(width, 900));
        if (wholePage) {
            long height = ((Number) js("return Math.ceil(document.documentElement.scrollHeight);")).longValue();
            long chrome = ((Number) js("return window.outerHeight - window.innerHeight;")).longValue();
            browser.manage().window().setSize(new Dimension(width, (int) Math.min(6000, height + chrome)));
        }
        js("window.scrollTo(0, 0);");
        sleepQuietly(400);
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(name), png);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
