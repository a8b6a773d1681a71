package cn.etdz.e2e.console;

import cn.etdz.e2e.PackagedStack;
import cn.etdz.localstack.LocalStack;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;

/**
 * What every browser test of the console starts from, registered as a JUnit extension
 * ({@code @RegisterExtension static final ConsoleStack console = new ConsoleStack("name")}): the packaged stack with the
 * demo data and a headless browser on its console, started before the class and closed after it, and a signed-out
 * visitor in Chinese before each test. Skips the class when Chromium or its driver is not installed.
 */
final class ConsoleStack implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    private final String name;
    private LocalStack stack;
    private Browser browser;

    ConsoleStack(String name) {
        this.name = name;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Browser.assumeInstalled();
        stack = PackagedStack.start(name);
        stack.loadDemoData();
        browser = Browser.open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    /** A fresh visitor: no session, no remembered language (so Chinese). */
    @Override
    public void beforeEach(ExtensionContext context) {
        browser.get(stack.consoleUrl());
        browser.script("sessionStorage.clear(); localStorage.clear();");
        // the page read the language when it loaded: load it again, so a test that chose English leaves no trace
        browser.driver.navigate().refresh();
    }

    LocalStack stack() {
        return stack;
    }

    Browser browser() {
        return browser;
    }

    /** Signs in with one of the local stack's demo identities and waits until the first screen has its data. */
    void signIn(String subject) {
        browser.get(stack.consoleUrl() + "#/signin");
        browser.await(By.cssSelector("button.identity[data-subject='" + subject + "']")).click();
        browser.await(By.cssSelector(".masthead-nav"));
        browser.awaitLoaded();
    }

    /** Opens a console route (the part after {@code #/}) and waits until its sections have their data. */
    void open(String route) {
        browser.get(stack.consoleUrl() + "#/" + route);
        browser.awaitLoaded();
    }
}
