package dev.cairn.infra;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The committed monthly estimates of every blueprint and stage ({@code cost/estimates.json},
 * written by {@code scripts/cost --write-estimates}): a stage's AWS Budget is {@link #BUDGET_SHARE}
 * of its estimate, rounded up, unless its {@link StageConfig#monthlyBudgetUsd()} is set.
 */
public final class CostEstimates {
    /** The budget as a share of the estimate: room for growth before anyone is alerted. */
    public static final double BUDGET_SHARE = 1.5;
    /** The budget of a blueprint without an estimate yet (run scripts/cost --write-estimates). */
    public static final double UNESTIMATED_BUDGET_USD = 50;

    static final String RESOURCE = "cost/estimates.json";

    private CostEstimates() {}

    /** The estimate of a blueprint's stage at its traffic model, or null when none is committed. */
    public static Double estimateUsd(String blueprint, String stage) {
        JsonNode value =
                CostModel.resource(RESOURCE).path("blueprints").path(blueprint).path(stage);
        return value.isNumber() ? value.asDouble() : null;
    }

    /** The stage's budget: its config's amount, else {@link #BUDGET_SHARE} of its estimate, rounded up. */
    public static double budgetUsd(StageConfig stage, String blueprint) {
        if (stage.monthlyBudgetUsd() != null) {
            return stage.monthlyBudgetUsd();
        }
        Double estimate = estimateUsd(blueprint, stage.name());
        return estimate == null ? UNESTIMATED_BUDGET_USD : Math.max(1, Math.ceil(estimate * BUDGET_SHARE));
    }
}
