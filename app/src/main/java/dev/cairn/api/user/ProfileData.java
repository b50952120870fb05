package dev.cairn.api.user;

import dev.cairn.api.data.UserData;
import jakarta.inject.Singleton;

/** The profile's part of a user's data. */
@Singleton
final class ProfileData implements UserData {
    private final UserProfiles profiles;

    ProfileData(UserProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public String name() {
        return "profile";
    }

    @Override
    public Object export(String userId) {
        return profiles.find(userId).orElse(null);
    }

    /** Leaves only the mark of a deletion, which {@link AccountService} removes once the identity is gone. */
    @Override
    public void erase(String userId) {
        profiles.markDeleted(userId);
    }
}
