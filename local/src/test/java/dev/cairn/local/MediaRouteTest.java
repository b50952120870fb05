package dev.cairn.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the local {@code /media} route serves, as the CDN would for each blueprint. */
class MediaRouteTest {

    @Test
    void aPortfoliosOriginalsArePrivateAndItsVariantsPublic() {
        String image = "images/user-1/image-1/";

        assertThat(LocalCairn.servedByCdn("photo-portfolio", image + "original.jpg"))
                .isFalse();
        assertThat(LocalCairn.servedByCdn("photo-portfolio", image + "original.png"))
                .isFalse();
        assertThat(LocalCairn.servedByCdn("photo-portfolio", image + "w640.webp"))
                .isTrue();
        assertThat(LocalCairn.servedByCdn("photo-portfolio", image + "thumbnail.jpg"))
                .isTrue();
        assertThat(LocalCairn.servedByCdn("photo-portfolio", "private/user-1/files/x.pdf"))
                .isFalse();
        assertThat(LocalCairn.servedByCdn("photo-portfolio", "images/./user-1/image-1/original.jpg"))
                .isFalse();
        assertThat(LocalCairn.servedByCdn("photo-portfolio", "images/user-1//image-1/original.jpg"))
                .isFalse();
    }

    @Test
    void otherBlueprintsServeOriginalsButNothingOutsideImages() {
        String original = "images/user-1/image-1/original.jpg";

        assertThat(LocalCairn.servedByCdn("guitar-collection", original)).isTrue();
        assertThat(LocalCairn.servedByCdn("my-custom-app", original)).isTrue();
        assertThat(LocalCairn.servedByCdn("guitar-collection", "uploads/user-1/x.jpg"))
                .isFalse();
        assertThat(LocalCairn.servedByCdn("guitar-collection", "images/../private/user-1/x.pdf"))
                .isFalse();
    }
}
