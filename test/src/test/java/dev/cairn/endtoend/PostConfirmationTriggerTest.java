package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.data.TableNames;
import dev.cairn.api.user.PostConfirmationHandler;
import dev.cairn.api.user.UserProfiles;
import dev.cairn.contract.Tables;
import dev.cairn.local.LocalCairn;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trigger as deployed: its own context with only what its function's environment gives it
 * (region, stage, blueprint and the users table; no Cognito ids, which the pool cannot pass).
 */
@ExtendWith(LocalStackExtension.class)
class PostConfirmationTriggerTest {

    @Test
    void runsWithOnlyTheUsersTableAndCreatesTheProfile(LocalCairn stack) throws Exception {
        String users = stack.app().getBean(TableNames.class).of(Tables.USERS);
        String userId = UUID.randomUUID().toString();
        String event = """
                {"version":"1","triggerSource":"PostConfirmation_ConfirmSignUp","region":"us-east-1",
                 "userPoolId":"us-east-1_pool","callerContext":{"clientId":"client"},
                 "request":{"userAttributes":{"sub":"%s","email":"trigger@example.com","name":"Trig"}},
                 "response":{}}""".formatted(userId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (ApplicationContext context = ApplicationContext.builder()
                        .properties(Map.of(
                                "cairn.aws.region",
                                LocalCairn.REGION,
                                "cairn.aws.local-credentials",
                                true,
                                "cairn.aws.dynamodb-endpoint",
                                stack.dynamoDbEndpoint().toString(),
                                "cairn.stage",
                                "dev",
                                "cairn.blueprint",
                                "guitar-collection",
                                "cairn.tables.users",
                                users))
                        .deduceEnvironment(false)
                        .start();
                PostConfirmationHandler trigger = new PostConfirmationHandler(context)) {
            trigger.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(event);
        assertThat(stack.app().getBean(UserProfiles.class).find(userId))
                .hasValueSatisfying(p -> assertThat(p.email()).isEqualTo("trigger@example.com"));
    }
}
