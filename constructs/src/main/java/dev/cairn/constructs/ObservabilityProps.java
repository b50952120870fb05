package dev.cairn.constructs;

import java.util.List;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sqs.IQueue;

/**
 * Props of {@link Observability}. Every prop is optional. The setters of {@link Builder} say what
 * each prop means and its default.
 *
 * @param functions see {@link Builder#functions}
 * @param httpApis see {@link Builder#httpApis}
 * @param tables see {@link Builder#tables}
 * @param wafWebAclName see {@link Builder#wafWebAclName}
 * @param functionErrorRatePercent see {@link Builder#functionErrorRatePercent}
 * @param apiServerErrorRatePercent see {@link Builder#apiServerErrorRatePercent}
 * @param apiLatencyP95Millis see {@link Builder#apiLatencyP95Millis}
 * @param wafBlockedRequestsThreshold see {@link Builder#wafBlockedRequestsThreshold}
 * @param monthlyBudgetUsd see {@link Builder#monthlyBudgetUsd}
 * @param alarmEmails see {@link Builder#alarmEmails}
 * @param deadLetterQueues see {@link Builder#deadLetterQueues}
 * @param topicKey see {@link Builder#topicKey}
 * @param dashboard see {@link Builder#dashboard}
 * @param alarms see {@link Builder#alarms}
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
        List<IQueue> deadLetterQueues,
        IKey topicKey,
        Boolean dashboard,
        Boolean alarms) {

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
        private IKey topicKey;
        private Boolean dashboard;
        private Boolean alarms;

        private Builder() {}

        /**
         * Functions (or aliases) to watch for error rate.
         *
         * <p>Default: none.
         */
        public Builder functions(List<IFunction> functions) {
            this.functions = functions;
            return this;
        }

        /**
         * HTTP APIs to watch for 5xx rate and p95 latency.
         *
         * <p>Default: none.
         */
        public Builder httpApis(List<IHttpApi> httpApis) {
            this.httpApis = httpApis;
            return this;
        }

        /**
         * DynamoDB tables to watch for read/write throttles.
         *
         * <p>Default: none.
         */
        public Builder tables(List<ITable> tables) {
            this.tables = tables;
            return this;
        }

        /**
         * Name of a WAF web ACL (in this stack's region; us-east-1 for CloudFront) whose blocked
         * requests are watched.
         *
         * <p>Default: no WAF alarm.
         */
        public Builder wafWebAclName(String wafWebAclName) {
            this.wafWebAclName = wafWebAclName;
            return this;
        }

        /**
         * Alarm above this error share, 0..100.
         *
         * <p>Default: 1 %.
         */
        public Builder functionErrorRatePercent(Double functionErrorRatePercent) {
            this.functionErrorRatePercent = functionErrorRatePercent;
            return this;
        }

        /**
         * Alarm above this 5xx share, 0..100.
         *
         * <p>Default: 0.1 %.
         */
        public Builder apiServerErrorRatePercent(Double apiServerErrorRatePercent) {
            this.apiServerErrorRatePercent = apiServerErrorRatePercent;
            return this;
        }

        /**
         * Alarm above this p95 latency, 1..30000 ms.
         *
         * <p>Default: 1000 ms.
         */
        public Builder apiLatencyP95Millis(Double apiLatencyP95Millis) {
            this.apiLatencyP95Millis = apiLatencyP95Millis;
            return this;
        }

        /**
         * Alarm above this many blocked requests in 5 minutes, at least 1.
         *
         * <p>Default: 100.
         */
        public Builder wafBlockedRequestsThreshold(Double wafBlockedRequestsThreshold) {
            this.wafBlockedRequestsThreshold = wafBlockedRequestsThreshold;
            return this;
        }

        /**
         * Monthly cost budget in USD, alerts at 80 % and 100 % of actual spend.
         *
         * <p>Default: no budget.
         */
        public Builder monthlyBudgetUsd(Double monthlyBudgetUsd) {
            this.monthlyBudgetUsd = monthlyBudgetUsd;
            return this;
        }

        /**
         * Addresses subscribed to the alarm topic (and the budget).
         *
         * <p>Default: none (subscribe other endpoints to {@code getAlarmTopic()}).
         */
        public Builder alarmEmails(List<String> alarmEmails) {
            this.alarmEmails = alarmEmails;
            return this;
        }

        /**
         * Queues holding events that failed processing; each alarms as soon as one message is
         * waiting (one 5-minute period).
         *
         * <p>Default: none.
         */
        public Builder deadLetterQueues(List<IQueue> deadLetterQueues) {
            this.deadLetterQueues = deadLetterQueues;
            return this;
        }

        /**
         * The KMS key of the alarm topic, shared with the stage's other data at rest; CloudWatch
         * alarms and AWS Budgets are allowed to publish with it (its policy gets that statement when
         * it is a key of this app).
         *
         * <p>Default: a key of its own.
         */
        public Builder topicKey(IKey topicKey) {
            this.topicKey = topicKey;
            return this;
        }

        /**
         * Whether a CloudWatch dashboard shows the watched metrics. Each dashboard beyond an
         * account's first three costs 3 USD a month; the alarms do not need one.
         *
         * <p>Default: true.
         */
        public Builder dashboard(Boolean dashboard) {
            this.dashboard = dashboard;
            return this;
        }

        /**
         * Whether the alarms are created. Each costs 0.10 USD a month per metric it reads; a stage
         * whose alarms nobody receives turns them off and keeps its budget.
         *
         * <p>Default: true.
         */
        public Builder alarms(Boolean alarms) {
            this.alarms = alarms;
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
                    deadLetterQueues,
                    topicKey,
                    dashboard,
                    alarms);
        }
    }
}
