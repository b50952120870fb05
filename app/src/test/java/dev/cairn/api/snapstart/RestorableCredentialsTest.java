package dev.cairn.api.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

class RestorableCredentialsTest {

    @Test
    void aRestoreReplacesTheProviderAndClosesTheOldOne() {
        List<CountingProvider> built = new ArrayList<>();
        RestorableCredentials credentials = RestorableCredentials.of(() -> {
            CountingProvider provider = new CountingProvider("key-" + built.size());
            built.add(provider);
            return provider;
        });
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("key-0");

        credentials.afterRestore(null);

        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("key-1");
        assertThat(built).hasSize(2);
        assertThat(built.get(0).closed).isTrue();
        assertThat(built.get(1).closed).isFalse();
    }

    private static final class CountingProvider implements AwsCredentialsProvider, AutoCloseable {
        private final String key;
        boolean closed;

        CountingProvider(String key) {
            this.key = key;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create(key, "secret");
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
