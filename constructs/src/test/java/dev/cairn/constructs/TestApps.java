package dev.cairn.constructs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.lambda.Code;

/** Apps and stacks for construct tests: an explicit temp outdir and a fixed environment. */
final class TestApps {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";

    private TestApps() {}

    static App app() {
        try {
            return App.Builder.create()
                    .outdir(Files.createTempDirectory("cairn-constructs-").toString())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stack stack(App app, String id) {
        return stack(app, id, REGION);
    }

    static Stack stack(App app, String id, String region) {
        return new Stack(
                app,
                id,
                StackProps.builder()
                        .env(Environment.builder()
                                .account(ACCOUNT)
                                .region(region)
                                .build())
                        .build());
    }

    /**
     * Lambda code for tests: an asset of one small temp file (Java runtimes reject inline code,
     * and construct tests never need the built jar).
     */
    static Code code() {
        try {
            Path dir = Files.createTempDirectory("cairn-code-");
            Files.writeString(dir.resolve("handler.txt"), "test handler\n");
            return Code.fromAsset(dir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stack stack() {
        return stack(app(), "Test");
    }
}
