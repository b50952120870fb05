package dev.cairn.api.auth;

import dev.cairn.api.identity.AccessToken;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets a protected route take the caller's verified token: {@code setup(AccessToken token)}. */
@Singleton
final class AccessTokenBinder implements TypedRequestArgumentBinder<AccessToken> {

    @Override
    public Argument<AccessToken> argumentType() {
        return Argument.of(AccessToken.class);
    }

    @Override
    public BindingResult<AccessToken> bind(ArgumentConversionContext<AccessToken> context, HttpRequest<?> source) {
        Optional<AccessToken> token = source.getAttribute(AuthenticationFilter.TOKEN_ATTRIBUTE, AccessToken.class);
        return () -> token;
    }
}
