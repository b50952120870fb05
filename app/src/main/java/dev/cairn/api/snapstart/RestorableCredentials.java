package dev.cairn.api.snapstart;

import java.util.function.Supplier;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK's credentials, with a cache that does not survive a SnapStart restore: credentials
 * resolved while the snapshot was taken belong to that moment, so after each restore the provider
 * (and whatever it cached) is built anew and the old one closed.
 */
public final class RestorableCredentials implements AwsCredentialsProvider, SdkAutoCloseable, Resource {
    private final Supplier<? extends AwsCredentialsProvider> factory;
    private volatile AwsCredentialsProvider current;

    private RestorableCredentials(Supplier<? extends AwsCredentialsProvider> factory) {
        this.factory = factory;
        this.current = factory.get();
    }

    /** A provider that is rebuilt after each restore; the caller keeps it (CRaC holds resources weakly). */
    public static RestorableCredentials of(Supplier<? extends AwsCredentialsProvider> factory) {
        RestorableCredentials credentials = new RestorableCredentials(factory);
        Core.getGlobalContext().register(credentials);
        return credentials;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return current.resolveCredentials();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // Nothing to do: the cache is dropped after the restore, before any request uses it.
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        refresh();
    }

    /** Builds a new provider, so the next request resolves fresh credentials. */
    void refresh() {
        AwsCredentialsProvider previous = current;
        current = factory.get();
        closeQuietly(previous);
    }

    AwsCredentialsProvider current() {
        return current;
    }

    @Override
    public void close() {
        closeQuietly(current);
    }

    private static void closeQuietly(AwsCredentialsProvider provider) {
        if (provider instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // A provider that cannot close holds nothing a new one needs.
            }
        }
    }
}
