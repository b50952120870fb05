package dev.cairn.api.guitar;

import dev.cairn.api.blueprint.ServedBy;
import dev.cairn.api.collection.CollectionService;
import dev.cairn.api.collection.CollectionServices;
import dev.cairn.api.collection.OwnedCollection;
import dev.cairn.api.collection.OwnedCollection.ListFilter;
import dev.cairn.api.http.ApiError;
import dev.cairn.api.storage.PrivateMedia;
import dev.cairn.api.storage.StorageUsage;
import dev.cairn.contract.Feature;
import dev.cairn.contract.Tables;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Seed 001's Guitars table and the guitar collection declared on it. */
@Factory
@ServedBy(Feature.GUITARS)
public class Guitars {
    static final OwnedCollection<Guitar> COLLECTION = OwnedCollection.of(
                    "guitar", "Guitar", Guitar.class, Tables.GUITARS)
            .filter(ListFilter.equalTo("brand").viaIndex(Tables.GUITAR_BRAND_INDEX))
            .filter(ListFilter.equalTo("type"))
            .filter(ListFilter.atLeast("yearFrom", "year"))
            .filter(ListFilter.atMost("yearTo", "year"))
            .facet("brand")
            .images("images")
            .managed("notes")
            .managed(Receipts.ATTRIBUTE)
            .check(Guitars::check)
            .build();

    @Singleton
    Receipts receipts(PrivateMedia media, StorageUsage usage) {
        return new Receipts(media, usage);
    }

    @Singleton
    CollectionService<Guitar> guitars(CollectionServices services, Receipts receipts) {
        return services.serve(COLLECTION, receipts);
    }

    static List<ApiError.FieldError> check(Guitar guitar) {
        List<ApiError.FieldError> problems = new ArrayList<>();
        int nextYear = Year.now(ZoneOffset.UTC).getValue() + 1;
        if (guitar.year() != null && guitar.year() > nextYear) {
            problems.add(new ApiError.FieldError("year", "must be at most " + nextYear));
        }
        PrivateInfo info = guitar.privateInfo();
        if (info != null && info.currency() != null && info.currency().matches("[A-Z]{3}")) {
            try {
                Currency.getInstance(info.currency());
            } catch (IllegalArgumentException e) {
                problems.add(new ApiError.FieldError("privateInfo.currency", "is not an ISO 4217 currency"));
            }
        }
        if (info != null && info.purchaseDate() != null && info.purchaseDate().matches("\\d{4}-\\d{2}-\\d{2}")) {
            try {
                LocalDate.parse(info.purchaseDate());
            } catch (DateTimeParseException e) {
                problems.add(new ApiError.FieldError("privateInfo.purchaseDate", "is not a calendar date"));
            }
        }
        return problems;
    }
}
