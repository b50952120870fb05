package dev.cairn.api.collection;

import dev.cairn.api.http.ApiException;
import dev.cairn.api.snapstart.PrimingSteps;
import io.micronaut.context.BeanContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Primes every collection the blueprint serves before the SnapStart snapshot: a GetItem and a Query
 * on a partition no user can own (SDK marshalling, signing, the HTTP connection), and a JSON read,
 * validation and write of the collection's record type.
 */
@Singleton
final class CollectionPriming implements PrimingSteps {
    private final BeanContext beans;
    private final JsonMapper json;
    private final Validator validator;

    CollectionPriming(BeanContext beans, JsonMapper json, Validator validator) {
        this.beans = beans;
        this.json = json;
        this.validator = validator;
    }

    @Override
    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (CollectionService<?> service : collections()) {
            String resource = service.collection().resource();
            steps.add(
                    new Step(resource + " get", () -> expectNotFound(() -> service.get(SENTINEL_OWNER, SENTINEL_ID))));
            steps.add(new Step(resource + " list", () -> service.list(SENTINEL_OWNER, Map.of())));
            steps.add(new Step(
                    resource + " json", () -> roundTrip(service.collection().type())));
            steps.add(new Step(resource + " view", () -> write(service.primingView())));
        }
        return steps;
    }

    @SuppressWarnings("unchecked")
    private List<CollectionService<?>> collections() {
        List<CollectionService<?>> services = new ArrayList<>();
        for (CollectionService<?> service : beans.getBeansOfType(CollectionService.class)) {
            services.add(service);
        }
        return services;
    }

    private void roundTrip(Argument<?> type) {
        try {
            Object value = json.readValue("{}".getBytes(StandardCharsets.UTF_8), type);
            validator.validate(value);
            json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void write(JsonNode view) {
        try {
            json.writeValueAsBytes(view);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expectNotFound(Runnable read) {
        try {
            read.run();
        } catch (ApiException e) {
            if (e.status() == 404) {
                return;
            }
            throw e;
        }
        throw new IllegalStateException("found an item in the sentinel partition");
    }
}
