package dev.cairn.api.auth;

import dev.cairn.api.identity.AuthenticatedUser;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets a route take the verified caller as a parameter: {@code get(AuthenticatedUser user)}. */
@Singleton
final class AuthenticatedUserBinder implements TypedRequestArgumentBinder<AuthenticatedUser> {

    @Override
    public Argument<AuthenticatedUser> argumentType() {
        return Argument.of(AuthenticatedUser.class);
    }

    @Override
    public BindingResult<AuthenticatedUser> bind(
            ArgumentConversionContext<AuthenticatedUser> context, HttpRequest<?> source) {
        Optional<AuthenticatedUser> user =
                source.getAttribute(AuthenticationFilter.USER_ATTRIBUTE, AuthenticatedUser.class);
        return () -> user;
    }
}
