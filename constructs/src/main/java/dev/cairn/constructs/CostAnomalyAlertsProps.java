package dev.cairn.constructs;

import java.util.List;

/**
 * Props of {@link CostAnomalyAlerts}. {@code emails} is required. The setters of {@link Builder}
 * say what each prop means and its default.
 *
 * @param emails see {@link Builder#emails}
 * @param thresholdUsd see {@link Builder#thresholdUsd}
 * @param frequency see {@link Builder#frequency}
 * @param monitorArn see {@link Builder#monitorArn}
 */
public record CostAnomalyAlertsProps(List<String> emails, Double thresholdUsd, String frequency, String monitorArn) {

    public CostAnomalyAlertsProps {
        emails = emails == null ? List.of() : List.copyOf(emails);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link CostAnomalyAlertsProps}. */
    public static final class Builder {
        private List<String> emails;
        private Double thresholdUsd;
        private String frequency;
        private String monitorArn;

        private Builder() {}

        /**
         * Addresses that receive the anomaly summaries (1..10); each is mailed directly, no
         * confirmation needed.
         *
         * <p>Default: none, which is invalid.
         */
        public Builder emails(List<String> emails) {
            this.emails = emails;
            return this;
        }

        /**
         * An anomaly is reported once its total cost impact reaches this many US dollars (at
         * least 1).
         *
         * <p>Default: {@value AuditDefaults#ANOMALY_THRESHOLD_USD}.
         */
        public Builder thresholdUsd(Double thresholdUsd) {
            this.thresholdUsd = thresholdUsd;
            return this;
        }

        /**
         * How often the summary is mailed: {@code DAILY} or {@code WEEKLY} (e-mail subscribers
         * cannot be {@code IMMEDIATE}).
         *
         * <p>Default: {@code DAILY}.
         */
        public Builder frequency(String frequency) {
            this.frequency = frequency;
            return this;
        }

        /**
         * An existing monitor to subscribe to, e.g. the {@code Default-Services-Monitor} AWS
         * creates in new accounts (an account may have only one AWS services monitor).
         *
         * <p>Default: a new AWS services monitor (dimension {@code SERVICE}).
         */
        public Builder monitorArn(String monitorArn) {
            this.monitorArn = monitorArn;
            return this;
        }

        public CostAnomalyAlertsProps build() {
            return new CostAnomalyAlertsProps(emails, thresholdUsd, frequency, monitorArn);
        }
    }
}
