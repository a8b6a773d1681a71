package cn.etdz.e2e;

import cn.etdz.localstack.LocalStack;
import io.restassured.RestAssured;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The packaged stack as {@code deploy/local/run.sh} starts it, one per test class, with REST Assured aimed at its gateway. */
public final class PackagedStack {

    private PackagedStack() {
    }

    /** Starts the stack in a fresh temporary state directory; its progress lines are printed as {@code [name] …}. */
    public static LocalStack start(String name) throws IOException {
        Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
        LocalStack stack = LocalStack.start(new LocalStack.Options(root, Files.createTempDirectory(name + "-stack-"), 0, 0, 0),
                message -> System.out.println("[" + name + "] " + message));
        RestAssured.baseURI = stack.gatewayUrl();
        RestAssured.port = Integer.parseInt(stack.gatewayUrl().replaceAll(".*:", ""));
        return stack;
    }
}
