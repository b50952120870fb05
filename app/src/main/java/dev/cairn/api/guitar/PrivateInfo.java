package dev.cairn.api.guitar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * What only the owner should see of a guitar: serial number, prices, insurance. It never appears
 * in logs: {@link #toString()} is redacted.
 */
@Serdeable
public record PrivateInfo(
        @Nullable @Size(max = 100) String serialNumber,

        @Nullable @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date as YYYY-MM-DD")
        String purchaseDate,

        @Nullable @PositiveOrZero BigDecimal originalRetailPrice,
        @Nullable @PositiveOrZero BigDecimal purchasePrice,
        @Nullable @Size(max = 200) String purchaseLocation,
        @Nullable @PositiveOrZero BigDecimal currentValue,

        @Nullable @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        String currency,

        @Nullable @Size(max = 1000) String insuranceInfo) {

    @Override
    public String toString() {
        return "PrivateInfo[redacted]";
    }
}
