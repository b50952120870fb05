package dev.cairn.api.data;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers as DynamoDB stores them: at most 38 significant digits, and a magnitude from 1E-130 to
 * under 1E+126. Every check here costs time in the length of the text it is given (at most a few
 * hundred characters), never in the number's magnitude: {@code 1e999999999} is refused from its
 * exponent alone, before any digit string is built.
 */
public final class DynamoNumbers {
    /** DynamoDB's precision. */
    public static final int MAX_DIGITS = 38;
    /** The largest decimal exponent of a storable number (9.99...E+125). */
    static final int MAX_EXPONENT = 125;
    /** The smallest decimal exponent of a storable non-zero number (1E-130). */
    static final int MIN_EXPONENT = -130;

    public static final String FILTER_PROBLEM = "must be a decimal number of at most " + MAX_DIGITS + " digits";
    public static final String BODY_PROBLEM =
            "must be a number DynamoDB can store: at most " + MAX_DIGITS + " digits, magnitude up to 1E+125";

    private static final Pattern PLAIN = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    private DynamoNumbers() {}

    /**
     * A query parameter as a number: an optional sign, digits and an optional fraction, at most
     * {@link #MAX_DIGITS} digits in all, no exponent. The text is scanned once, character by
     * character, and only text that passes reaches {@link BigDecimal} (so at most 40 characters).
     */
    public static Optional<BigDecimal> parsePlain(String raw) {
        String text = raw.strip();
        // The sign, the point and 38 digits: anything longer has too many digits, and is not scanned.
        if (text.length() > MAX_DIGITS + 2 || !PLAIN.matcher(text).matches()) {
            return Optional.empty();
        }
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
        }
        return digits <= MAX_DIGITS ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }

    /**
     * Whether DynamoDB can store the number exactly. Decided from the precision and the scale, both
     * cheap whatever the magnitude; infinities and NaN are not storable.
     */
    public static boolean storable(Number number) {
        BigDecimal decimal;
        switch (number) {
            case Integer i -> {
                return true;
            }
            case Long l -> {
                return true;
            }
            case Short s -> {
                return true;
            }
            case Byte b -> {
                return true;
            }
            case Double d -> {
                if (d.isNaN() || d.isInfinite()) {
                    return false;
                }
                decimal = BigDecimal.valueOf(d);
            }
            case Float f -> {
                if (f.isNaN() || f.isInfinite()) {
                    return false;
                }
                decimal = new BigDecimal(f.toString());
            }
            case BigDecimal d -> decimal = d;
            case BigInteger i -> {
                // More than 420 bits is more than 126 decimal digits: too large, without counting them.
                if (i.bitLength() > 420) {
                    return false;
                }
                decimal = new BigDecimal(i);
            }
            default -> {
                return false;
            }
        }
        if (decimal.signum() == 0) {
            return true;
        }
        // Trailing zeros of the unscaled value are not significant digits (1E+100 has one).
        // stripTrailingZeros works on the unscaled value, whose size the JSON reader bounds.
        BigDecimal stripped = decimal.stripTrailingZeros();
        long precision = stripped.precision();
        long exponent = precision - (long) stripped.scale() - 1;
        return precision <= MAX_DIGITS && exponent <= MAX_EXPONENT && exponent >= MIN_EXPONENT;
    }
}
