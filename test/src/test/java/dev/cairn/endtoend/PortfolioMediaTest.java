package dev.cairn.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.endtoend.Accounts.Account;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A portfolio's media route serves the variants of its images and never their originals, as the
 * CDN in AWS may not read them: the photographer's full-size files stay private.
 */
@StackBlueprint("photo-portfolio")
class PortfolioMediaTest extends EndToEnd {

    @Test
    @SuppressWarnings("unchecked")
    void originalsAreNotFoundWhileTheirVariantsAreServed() throws Exception {
        Account sofia = Accounts.signedIn(stack, api, "Sofia");
        Map<String, Object> image =
                Uploads.image(api, sofia, "loft.jpg", "image/jpeg", TestImages.jpegWithGps(1600, 1067));
        String original = (String) image.get("imageUrl");
        assertThat(original).matches(".*/media/images/" + sofia.userId() + "/[^/]+/original\\.jpe?g");

        assertThat(Uploads.fetch(original).statusCode()).isEqualTo(404);
        assertThat(Uploads.fetch(original.replace("/media/images/", "/media/images/./"))
                        .statusCode())
                .isIn(403, 404);

        Map<String, Object> ready = awaitReady(sofia, (String) image.get("imageId"));
        List<Map<String, Object>> variants = (List<Map<String, Object>>) ready.get("variants");
        assertThat(variants).isNotEmpty();
        for (Map<String, Object> variant : variants) {
            assertThat(Uploads.fetch((String) variant.get("url")).statusCode())
                    .as((String) variant.get("url"))
                    .isEqualTo(200);
        }
        assertThat(Uploads.fetch((String) image.get("thumbnailUrl")).statusCode())
                .isEqualTo(200);
    }
}
