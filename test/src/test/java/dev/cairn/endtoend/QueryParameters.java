package dev.cairn.endtoend;

import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The query parameters of a request, checked against an OpenAPI 3.1 document where the Atlassian
 * validator cannot: it recognises an array parameter only as a 3.0 {@code ArraySchema}, which its
 * parser never makes from a 3.1 document, and it checks every other non-string parameter by parsing
 * its value as JSON. So for 3.1 it refuses every array parameter ({@code ?tags=a,b}) as invalid
 * JSON, and a repeated one as a collection where none is allowed. {@link OpenApiContract} turns
 * those two checks off and runs these instead:
 *
 * <ul>
 *   <li>an array parameter ({@code type: array}), repeated or comma-separated: at most {@code
 *       maxItems} values, each a string of at most the items' {@code maxLength}, in their {@code
 *       enum} when they have one;
 *   <li>any other parameter: given once; a number, integer or boolean must parse as one.
 * </ul>
 */
final class QueryParameters {
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueryParameters() {}

    static ValidationReport validate(Request request, ApiOperation operation) {
        List<ParameterProblem> problems = new ArrayList<>();
        List<Parameter> parameters = operation.getOperation().getParameters();
        if (parameters == null) {
            return ValidationReport.empty();
        }
        for (Parameter parameter : parameters) {
            if (!"query".equals(parameter.getIn()) || parameter.getSchema() == null) {
                continue;
            }
            Collection<String> values = request.getQueryParameterValues(parameter.getName());
            if (values == null || values.isEmpty()) {
                continue;
            }
            check(parameter, values, problems);
        }
        return problems.stream()
                .map(problem ->
                        ValidationReport.singleton(ValidationReport.Message.create(problem.key(), problem.text())
                                .build()))
                .reduce(ValidationReport.empty(), ValidationReport::merge);
    }

    record ParameterProblem(String key, String text) {}

    private static void check(Parameter parameter, Collection<String> values, List<ParameterProblem> problems) {
        String name = parameter.getName();
        Schema<?> schema = parameter.getSchema();
        Set<String> types = types(schema);
        if (types.contains("array")) {
            List<String> items = values.stream()
                    .flatMap(value -> Arrays.stream(value.split(",", -1)))
                    .toList();
            if (schema.getMaxItems() != null && items.size() > schema.getMaxItems()) {
                problems.add(new ParameterProblem(
                        "validation.request.parameter.collection.tooManyItems",
                        "Query parameter '" + name + "' has " + items.size() + " values, at most "
                                + schema.getMaxItems() + " allowed"));
            }
            Schema<?> itemSchema = schema.getItems();
            for (String item : items) {
                if (itemSchema != null
                        && itemSchema.getMaxLength() != null
                        && item.length() > itemSchema.getMaxLength()) {
                    problems.add(new ParameterProblem(
                            "validation.request.parameter.schema.maxLength",
                            "Query parameter '" + name + "' has a value longer than " + itemSchema.getMaxLength()));
                }
                if (itemSchema != null
                        && itemSchema.getEnum() != null
                        && !itemSchema.getEnum().contains(item)) {
                    problems.add(new ParameterProblem(
                            "validation.request.parameter.schema.enum",
                            "Query parameter '" + name + "' has '" + item + "', not one of " + itemSchema.getEnum()));
                }
            }
            return;
        }
        if (values.size() > 1) {
            problems.add(new ParameterProblem(
                    OpenApiContract.INVALID_COLLECTION,
                    "Query parameter '" + name + "' is given " + values.size() + " times; it takes one value"));
        }
        if (types.contains("string")) {
            return;
        }
        for (String value : values) {
            if (!parses(value, types)) {
                problems.add(new ParameterProblem(
                        OpenApiContract.INVALID_JSON,
                        "Query parameter '" + name + "' is '" + value + "', not of type " + types));
            }
        }
    }

    private static boolean parses(String value, Set<String> types) {
        try {
            var node = JSON.readTree(value);
            return node != null
                    && ((types.contains("number") && node.isNumber())
                            || (types.contains("integer") && node.isIntegralNumber())
                            || (types.contains("boolean") && node.isBoolean())
                            || types.isEmpty());
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The schema's types: 3.1's {@code types}, or 3.0's single {@code type}. */
    private static Set<String> types(Schema<?> schema) {
        if (schema.getTypes() != null && !schema.getTypes().isEmpty()) {
            return schema.getTypes();
        }
        return schema.getType() == null ? Set.of() : Set.of(schema.getType());
    }
}
