package dev.cairn.api.user;

import dev.cairn.api.data.UserData;
import dev.cairn.api.http.ApiException;
import dev.cairn.api.http.ErrorCodes;
import dev.cairn.api.identity.AuthenticatedUser;
import dev.cairn.api.identity.IdentityProvider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole account: everything of the user's as one document (data portability), and its
 * deletion everywhere, the identity last so that a failed deletion can be run again.
 */
@Singleton
public class AccountService {
    private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);

    private final List<UserData> parts;
    private final IdentityProvider identities;
    private final UserProfiles profiles;
    private final Clock clock;

    AccountService(List<UserData> parts, IdentityProvider identities, UserProfiles profiles) {
        this.parts = parts.stream()
                .sorted(java.util.Comparator.comparing(UserData::name))
                .toList();
        this.identities = identities;
        this.profiles = profiles;
        this.clock = Clock.systemUTC();
    }

    public Map<String, Object> export(AuthenticatedUser user) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("exportedAt", clock.instant().toString());
        document.put("userId", user.userId());
        for (UserData part : parts) {
            Object data = part.export(user.userId());
            if (data != null) {
                document.put(part.name(), data);
            }
        }
        return document;
    }

    /**
     * Deletes the account after checking the password. The profile goes first, replaced by the
     * mark of a deletion: without a profile no token or API key of the user is admitted (refused at
     * once on every instance, see {@code RevocationCheck}), so nothing lands in the partition while it is being
     * erased, and a sign-in meanwhile cannot create a new profile. The mark goes last, after the
     * identity. If the identity is gone already, what may remain of the data is erased and the
     * answer is the same as the first time.
     */
    public void delete(AuthenticatedUser user, String password) {
        Optional<Map<String, String>> attributes = identities.findAttributes(user.username());
        if (attributes.isPresent()) {
            String email = attributes.get().get("email");
            if (email == null) {
                throw new ApiException(400, ErrorCodes.validation(UserService.RESOURCE), "The account has no e-mail");
            }
            identities.signIn(email, password); // throws 401 AUTH_INVALID_CREDENTIALS on a wrong password
        }
        profiles.markDeleted(user.userId());
        for (UserData part : parts) {
            part.erase(user.userId());
        }
        if (attributes.isPresent()) {
            identities.deleteUser(user.username());
        }
        profiles.delete(user.userId());
        LOG.info("Account deleted with {} parts of data", parts.size());
    }
}
