package dev.cairn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code scripts/dev} prints about the sample data it seeded, or failed to seed. */
class SampleBannerTest {

    @Test
    void theBannerCountsWhatWasSeededByCollection() {
        Map<String, Integer> created = new LinkedHashMap<>();
        created.put("projects", 7);
        created.put("photos", 12);
        created.put("pages", 3);
        SampleData.Seeded seeded = new SampleData.Seeded(
                SampleData.EMAIL, SampleData.PASSWORD, 22, false, SampleData.ADMIN_EMAIL, created);

        String banner = LocalCairn.accounts(seeded, null);

        assertThat(banner)
                .contains("demo@cairn.local / Demo-Cairn-2026 (22 sample items: 7 projects, 12 photos, 3 pages)")
                .contains("admin@cairn.local / Demo-Cairn-2026 (group admin)")
                .doesNotContain("FAILED");
    }

    @Test
    void aRefusedSampleIsSaidLoudlyBesideTheAccounts() {
        SampleData.Seeded partial = new SampleData.Seeded(
                SampleData.EMAIL, SampleData.PASSWORD, 0, false, SampleData.ADMIN_EMAIL, Map.of());

        String banner = LocalCairn.accounts(
                partial, "sample 1 of samples/photo-portfolio.json: POST /api/projects was refused: {}");

        assertThat(banner)
                .contains("admin@cairn.local")
                .contains("SAMPLES  FAILED, the sample data is incomplete: sample 1 of samples/photo-portfolio.json");
    }

    @Test
    void keptDataSaysSo() {
        SampleData.Seeded kept =
                new SampleData.Seeded(SampleData.EMAIL, SampleData.PASSWORD, 0, true, SampleData.ADMIN_EMAIL, Map.of());

        assertThat(LocalCairn.accounts(kept, null)).contains("(kept from the last run)");
    }
}
