package cn.etdz.e2e.console;

import cn.etdz.e2e.PackagedStack;
import cn.etdz.localstack.LocalStack;
import org.openqa.selenium.By;

/**
 * What every browser test of the console starts from: the packaged stack with the demo data and a headless browser on
 * its console, closed together. Skips the test class when Chromium or its driver is not installed.
 */
final class ConsoleStack implements AutoCloseable {

    private final LocalStack stack;
    private final Browser browser;

    private ConsoleStack(LocalStack stack, Browser browser) {
        this.stack = stack;
        this.browser = browser;
    }

    static ConsoleStack start(String name) throws Exception {
        Browser.assumeInstalled();
        LocalStack stack = PackagedStack.start(name);
        try {
            stack.loadDemoData();
            return new ConsoleStack(stack, Browser.open());
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    LocalStack stack() {
        return stack;
    }

    Browser browser() {
        return browser;
    }

    /** A fresh visitor: no session, no remembered language (so Chinese). */
    void signOut() {
        browser.get(stack.consoleUrl());
        browser.script("sessionStorage.clear(); localStorage.clear();");
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

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            stack.close();
        }
    }
}
