package dev.cairn.api.revalidation;

import dev.cairn.api.secrets.SecretValues;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The secret that signs revalidation hook calls: in AWS a Secrets Manager secret named by {@code
 * cairn.revalidation.secret-arn} ({@code CAIRN_REVALIDATION_SECRET_ARN}), read at the first call
 * and kept; the local stack sets {@code cairn.revalidation.secret} directly. A SnapStart restore
 * drops the kept value, so a restored function reads the secret as it is then.
 */
@Singleton
class RevalidationSecret implements Resource {
    private final String configured;
    private final String secretArn;
    private final BeanProvider<SecretValues> secrets;
    private volatile RevalidationSignature signature;

    RevalidationSecret(
            @Value("${cairn.revalidation.secret:}") String configured,
            @Value("${cairn.revalidation.secret-arn:}") String secretArn,
            BeanProvider<SecretValues> secrets) {
        this.configured = configured;
        this.secretArn = secretArn;
        this.secrets = secrets;
    }

    @PostConstruct
    void register() {
        Core.getGlobalContext().register(this);
    }

    /** Signs with the secret; throws if none is configured or Secrets Manager cannot give it. */
    RevalidationSignature signature() {
        RevalidationSignature current = signature;
        if (current == null) {
            String value;
            if (!configured.isBlank()) {
                value = configured;
            } else if (!secretArn.isBlank()) {
                value = secrets.get().read(secretArn, null);
            } else {
                throw new IllegalStateException("cairn.revalidation.secret-arn (CAIRN_REVALIDATION_SECRET_ARN) must"
                        + " name the secret that signs revalidation hook calls");
            }
            current = new RevalidationSignature(value);
            signature = current;
        }
        return current;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        signature = null;
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        signature = null;
    }
}
