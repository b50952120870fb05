package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * Props of {@link Observability}. Every prop is optional.
 *
 * @param functions functions (or aliases) to watch for error rate. Default: none.
 * @param httpApis HTTP APIs to watch for 5xx rate and p95 latency. Default: none.
 * @param tables DynamoDB tables to watch for read/write throttles. Default: none.
 * @param wafWebAclName name of a WAF web ACL (in this stack's region; us-east-1 for CloudFront)
 *     whose blocked requests are watched. Default: no WAF alarm.
 * @param functionErrorRatePercent alarm above this error share, 0..100. Default: 1 %.
 * @param apiServerErrorRatePercent alarm above this 5xx share, 0..100. Default: 0.1 %.
 * @param apiLatencyP95Millis alarm above this p95 latency, 1..30000 ms. Default: 1000 ms.
 * @param wafBlockedRequestsThreshold alarm above this many blocked requests in 5 minutes, at least
 *     1. Default: 100.
 * @param monthlyBudgetUsd monthly cost budget in USD, alerts at 80 % and 100 % of actual spend.
 *     Default: no budget.
 * @param alarmEmails addresses subscribed to the alarm topic (and the budget). Default: none
 *     (subscribe other endpoints to {@code getAlarmTopic()}).
 * @param deadLetterQueues queues holding events that failed processing; each alarms as soon as
 *     one message is waiting (one 5-minute period). Default: none.
 */
public record ObservabilityProps(
        List<IFunction> functions,
        List<IHttpApi> httpApis,
        List<ITable> tables,
        String wafWebAclName,
        Double functionErrorRatePercent,
        Double apiServerErrorRatePercent,
        Double apiLatencyP95Millis,
        Double wafBlockedRequestsThreshold,
        Double monthlyBudgetUsd,
        List<String> alarmEmails,
        List<IQueue> deadLetterQueues) {

    public ObservabilityProps {
        functions = functions == null ? List.of() : List.copyOf(functions);
        httpApis = httpApis == null ? List.of() : List.copyOf(httpApis);
        tables = tables == null ? List.of() : List.copyOf(tables);
        alarmEmails = alarmEmails == null ? List.of() : List.copyOf(alarmEmails);
        deadLetterQueues = deadLetterQueues == null ? List.of() : List.copyOf(deadLetterQueues);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ObservabilityProps}. */
    public static final class Builder {
        private List<IFunction> functions;
        private List<IHttpApi> httpApis;
        private List<ITable> tables;
        private String wafWebAclName;
        private Double functionErrorRatePercent;
        private Double apiServerErrorRatePercent;
        private Double apiLatencyP95Millis;
        private Double wafBlockedRequestsThreshold;
        private Double monthlyBudgetUsd;
        private List<String> alarmEmails;
        private List<IQueue> deadLetterQueues;

        private Builder() {}

        public Builder functions(List<IFunction> functions) {
            this.functions = functions;
            return this;
        }

        public Builder httpApis(List<IHttpApi> httpApis) {
            this.httpApis = httpApis;
            return this;
        }

        public Builder tables(List<ITable> tables) {
            this.tables = tables;
            return this;
        }

        public Builder wafWebAclName(String wafWebAclName) {
            this.wafWebAclName = wafWebAclName;
            return this;
        }

        public Builder functionErrorRatePercent(Double functionErrorRatePercent) {
            this.functionErrorRatePercent = functionErrorRatePercent;
            return this;
        }

        public Builder apiServerErrorRatePercent(Double apiServerErrorRatePercent) {
            this.apiServerErrorRatePercent = apiServerErrorRatePercent;
            return this;
        }

        public Builder apiLatencyP95Millis(Double apiLatencyP95Millis) {
            this.apiLatencyP95Millis = apiLatencyP95Millis;
            return this;
        }

        public Builder wafBlockedRequestsThreshold(Double wafBlockedRequestsThreshold) {
            this.wafBlockedRequestsThreshold = wafBlockedRequestsThreshold;
            return this;
        }

        public Builder monthlyBudgetUsd(Double monthlyBudgetUsd) {
            this.monthlyBudgetUsd = monthlyBudgetUsd;
            return this;
        }

        public Builder alarmEmails(List<String> alarmEmails) {
            this.alarmEmails = alarmEmails;
            return this;
        }

        public Builder deadLetterQueues(List<IQueue> deadLetterQueues) {
            this.deadLetterQueues = deadLetterQueues;
            return this;
        }

        public ObservabilityProps build() {
            return new ObservabilityProps(
                    functions,
                    httpApis,
                    tables,
                    wafWebAclName,
                    functionErrorRatePercent,
                    apiServerErrorRatePercent,
                    apiLatencyP95Millis,
                    wafBlockedRequestsThreshold,
                    monthlyBudgetUsd,
                    alarmEmails,
                    deadLetterQueues);
        }
    }
}
