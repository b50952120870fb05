package dev.cairn.infra;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * Everything that differs between stages, in one typed record. A stage is added by adding one
 * constant to {@link #STAGES}.
 *
 * @param name the stage name, part of every stack name
 * @param account the AWS account; null: the CLI's ({@code CDK_DEFAULT_ACCOUNT})
 * @param region the AWS region; null: the CLI's ({@code CDK_DEFAULT_REGION})
 * @param removalPolicy what happens to stateful resources when their stack goes (DESTROY only in dev)
 * @param logRetention how long logs are kept (7 days in dev, 30 in prod)
 * @param terminationProtection whether the stateful stack refuses deletion
 * @param apiMemoryMb the api function's memory
 * @param lambdaErrorRatePercent alarm when functions fail more often than this
 * @param apiServerErrorRatePercent alarm when the API answers 5xx more often than this
 * @param apiP95LatencyMs alarm when the API's p95 latency exceeds this
 * @param wafRequestsPer5Minutes requests one IP may make in 5 minutes before WAF blocks it
 * @param wafAuthRequestsPer5Minutes the same for {@code /api/auth/*}
 * @param canary true: CodeDeploy shifts 10% of traffic for 5 minutes first; false: all at once
 * @param monthlyBudgetUsd the AWS Budgets amount; null: {@link CostEstimates#BUDGET_SHARE} of the
 *     stage's committed cost estimate ({@link CostEstimates#budgetUsd})
 * @param domainName the custom domain; null: the CloudFront domain
 * @param emailFrom the address sign-up and reset codes come from, through Amazon SES (its domain
 *     verified in SES in the stage's region); required outside dev; null in dev: Cognito's own
 *     mailer (about 50 mails a day per account)
 * @param alarmEmails addresses subscribed to the alarm topic and the budget; synth of staging or
 *     prod warns without any
 * @param noncurrentVersionDays days an overwritten or deleted media object stays recoverable
 * @param revalidateUrl the front end's revalidation hook ({@code https://}), which blueprints with
 *     site-owned content call, signed, after each admin write; null: only the CDN is invalidated
 * @param search the search domain of blueprints that declare search indexes (see
 *     docs/adr/0013-search-engine-per-stage.md)
 * @param spending what the stage pays for beyond what every stage needs ({@link Spending})
 */
public record StageConfig(
        String name,
        String account,
        String region,
        RemovalPolicy removalPolicy,
        RetentionDays logRetention,
        boolean terminationProtection,
        int apiMemoryMb,
        double lambdaErrorRatePercent,
        double apiServerErrorRatePercent,
        int apiP95LatencyMs,
        int wafRequestsPer5Minutes,
        int wafAuthRequestsPer5Minutes,
        boolean canary,
        Double monthlyBudgetUsd,
        String domainName,
        String emailFrom,
        List<String> alarmEmails,
        int noncurrentVersionDays,
        String revalidateUrl,
        Search search,
        Spending spending) {

    /**
     * The search engine of a stage, for blueprints with search indexes; the others get none: an
     * OpenSearch Service domain, or with {@code serverless} an OpenSearch Serverless collection
     * (which uses only {@code availabilityZones}: above 1, standby replicas). One availability zone
     * or no dedicated masters are the stage's choice, acknowledged with {@code reason}.
     *
     * @param serverless an OpenSearch Serverless collection instead of a domain
     * @param instanceType the data nodes' type
     * @param availabilityZones 1..3; above 1, zone awareness with as many data nodes
     * @param dedicatedMasters 0, 3 or 5 dedicated master nodes
     * @param dedicatedMasterType their type; null without them
     * @param volumeGiB each data node's gp3 volume
     * @param reason why a single zone or no masters suffice in this stage; null when it has both
     */
    public record Search(
            boolean serverless,
            String instanceType,
            int availabilityZones,
            int dedicatedMasters,
            String dedicatedMasterType,
            int volumeGiB,
            String reason) {

        /**
         * An OpenSearch Serverless collection, with standby replicas in another zone unless
         * {@code reason} says why one zone suffices.
         */
        public static Search serverless(String reason) {
            return new Search(true, null, reason == null ? 2 : 1, 0, null, 0, reason);
        }
    }

    /**
     * The smallest domain that keeps every security setting (encryption at rest, node-to-node,
     * fine-grained access control): one t3.small node. The index is rebuilt from its tables by a
     * reindex, so a lost node loses no data of record.
     */
    static final Search SEARCH_SINGLE_NODE = new Search(
            false,
            "t3.small.search",
            1,
            0,
            null,
            10,
            "The stage's index is derived data a reindex rebuilds from its tables, and nobody depends on it"
                    + " staying up through an availability zone outage; prod spreads over two zones with three masters.");

    /** Two zones with a data node each and three dedicated masters: what AWS advises for production. */
    static final Search SEARCH_PRODUCTION = new Search(false, "m7g.large.search", 2, 3, "m7g.large.search", 20, null);

    /**
     * What a stage pays for beyond what every stage needs; each choice and its compliance
     * consequence is listed in the auditors' report and priced in the cost report (docs/cost.md).
     *
     * @param webFirewall a WAF web ACL in front of the CDN (about 14 USD a month with its 9 rules,
     *     plus 0.60 USD per million requests); without it the cdk-nag rules that ask for WAF are
     *     suppressed with {@link #NO_WEB_FIREWALL} as the reason
     * @param userPoolPlan the Cognito feature plan: ESSENTIALS (10,000 monthly active users free,
     *     then 0.015 USD each) or PLUS (0.02 USD per monthly active user, no free tier), which alone
     *     carries threat protection (compromised-credential checks, adaptive authentication that
     *     asks for MFA or blocks risky sign-ins, and its risk logs)
     * @param awsBackup AWS Backup copies of the tables on top of point-in-time recovery: PITR
     *     restores any second of the last 35 days (RPO about 5 minutes, RTO under an hour for
     *     small tables, into a new table); the backup plan adds monthly copies kept a year in a
     *     vault, which survive the table's deletion and the PITR window (RPO one month beyond 35
     *     days)
     * @param alarms CloudWatch alarms (0.10 USD each a month, per metric in a math expression);
     *     off where nobody is subscribed to act on them
     * @param dashboard the CloudWatch dashboard of the service (3 USD a month beyond an account's
     *     first three)
     */
    public record Spending(
            boolean webFirewall, FeaturePlan userPoolPlan, boolean awsBackup, boolean alarms, boolean dashboard) {
        public Spending {
            java.util.Objects.requireNonNull(userPoolPlan, "userPoolPlan");
        }

        /** The same choices with or without the web firewall ({@code -c webFirewall=true}). */
        public Spending withWebFirewall(boolean on) {
            return new Spending(on, userPoolPlan, awsBackup, alarms, dashboard);
        }

        /** The same choices on another Cognito feature plan ({@code -c userPoolPlan=PLUS}). */
        public Spending withUserPoolPlan(FeaturePlan plan) {
            return new Spending(webFirewall, plan, awsBackup, alarms, dashboard);
        }
    }

    /** Why a stage without a web firewall is acceptable: the reason its suppressions carry. */
    public static final String NO_WEB_FIREWALL = "This stage runs without a WAF web ACL by its StageConfig"
            + " (spending.webFirewall false; about 14 USD a month saved: 5 USD for the web ACL, 1 USD for each of its 9"
            + " rules): it is a development stage whose only"
            + " users are its developers. CloudFront's standard AWS Shield protection, the API's throttling and"
            + " the JWT authorizer still apply; staging and prod have the web ACL.";

    /** Why a stage's tables rely on point-in-time recovery alone: the reason their suppressions carry. */
    public static final String PITR_ONLY = "This stage's tables rely on DynamoDB point-in-time recovery alone"
            + " (spending.awsBackup false in StageConfig): any second of the last 35 days can be restored into a"
            + " new table (recovery point about 5 minutes, recovery time under an hour for small tables), and a"
            + " deleted table leaves a 35-day system backup. Its data is test or pre-release data; prod adds AWS"
            + " Backup's monthly copies kept a year.";

    /** Why a stage's user pool is on the Essentials plan: the reason its suppression carries. */
    public static final String ESSENTIALS_PLAN = "This stage's user pool is on Cognito's Essentials feature plan"
            + " (spending.userPoolPlan in StageConfig; 10,000 monthly active users free): threat protection"
            + " (compromised-credential checks, adaptive authentication) exists only on the Plus plan at 0.02 USD"
            + " per monthly active user, about 20 USD a month at 1,000 users. Passwords follow the pool's policy,"
            + " TOTP MFA is offered to every user, sign-in attempts are rate-limited by Cognito's own quotas and,"
            + " where the stage has one, the web firewall; set userPoolPlan PLUS (-c userPoolPlan=PLUS) to enforce threat protection.";

    /** Old versions of media objects are kept this long unless a stage says otherwise. */
    public static final int NONCURRENT_VERSION_DAYS = 30;

    public StageConfig {
        alarmEmails = alarmEmails == null ? List.of() : List.copyOf(alarmEmails);
        java.util.Objects.requireNonNull(spending, "spending");
        if (revalidateUrl != null && !isHttpsUrl(revalidateUrl)) {
            throw new IllegalArgumentException(
                    "revalidateUrl must be an absolute https:// URL with a host (value: " + revalidateUrl + ")");
        }
    }

    private static boolean isHttpsUrl(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    public static final StageConfig DEV = new StageConfig(
            "dev",
            null,
            null,
            RemovalPolicy.DESTROY,
            RetentionDays.ONE_WEEK,
            false,
            1024,
            1.0,
            0.1,
            1000,
            2000,
            100,
            false,
            null,
            null,
            null,
            List.of(),
            NONCURRENT_VERSION_DAYS,
            null,
            SEARCH_SINGLE_NODE,
            new Spending(false, FeaturePlan.ESSENTIALS, false, false, false));
    public static final StageConfig STAGING = new StageConfig(
            "staging",
            null,
            null,
            RemovalPolicy.RETAIN,
            RetentionDays.ONE_MONTH,
            true,
            1024,
            1.0,
            0.1,
            800,
            2000,
            100,
            true,
            null,
            null,
            null,
            List.of(),
            NONCURRENT_VERSION_DAYS,
            null,
            SEARCH_SINGLE_NODE,
            new Spending(true, FeaturePlan.ESSENTIALS, false, true, false));
    public static final StageConfig PROD = new StageConfig(
            "prod",
            null,
            null,
            RemovalPolicy.RETAIN,
            RetentionDays.ONE_MONTH,
            true,
            1024,
            1.0,
            0.1,
            500,
            2000,
            100,
            true,
            null,
            null,
            null,
            List.of(),
            NONCURRENT_VERSION_DAYS,
            null,
            SEARCH_PRODUCTION,
            new Spending(true, FeaturePlan.ESSENTIALS, true, true, true));

    public static final Map<String, StageConfig> STAGES =
            new TreeMap<>(Map.of(DEV.name(), DEV, STAGING.name(), STAGING, PROD.name(), PROD));

    /** The order a change travels: dev, then staging, then prod. */
    public static final List<StageConfig> STAGES_IN_ORDER = List.of(DEV, STAGING, PROD);

    public static StageConfig named(String name) {
        StageConfig stage = STAGES.get(name);
        if (stage == null) {
            throw new IllegalArgumentException(
                    "stage must be one of " + List.copyOf(STAGES.keySet()) + " (value: " + name + ")");
        }
        return stage;
    }

    /** Whether stateful resources survive their stack (every stage but dev). */
    public boolean retainsData() {
        return removalPolicy == RemovalPolicy.RETAIN;
    }

    /** Whether codes must go out through SES: every stage but dev, whose users are its developers. */
    public boolean needsOwnEmailSender() {
        return !name.equals(DEV.name());
    }

    /** The same stage in an account and region (from context or the CLI's environment). */
    public StageConfig in(String newAccount, String newRegion) {
        return copy(newAccount, newRegion, monthlyBudgetUsd, domainName, emailFrom, alarmEmails);
    }

    /** The same stage with a monthly budget from context ({@code -c budget=80}). */
    public StageConfig withBudget(double usd) {
        return copy(account, region, usd, domainName, emailFrom, alarmEmails);
    }

    /** The same stage sending its codes from {@code address} through SES ({@code -c emailFrom=...}). */
    public StageConfig withEmailFrom(String address) {
        return copy(account, region, monthlyBudgetUsd, domainName, address, alarmEmails);
    }

    /** The same stage with more addresses on the alarm topic ({@code -c alarmEmail=a@x,b@y}). */
    public StageConfig withAlarmEmails(List<String> addresses) {
        List<String> all = new java.util.ArrayList<>(alarmEmails);
        addresses.stream().filter(a -> !all.contains(a)).forEach(all::add);
        return copy(account, region, monthlyBudgetUsd, domainName, emailFrom, all);
    }

    /**
     * The same stage calling the front end's revalidation hook at {@code url} ({@code -c
     * revalidateUrl=https://site.example.com/api/revalidate}); null: none.
     */
    public StageConfig withRevalidateUrl(String url) {
        return new StageConfig(
                name,
                account,
                region,
                removalPolicy,
                logRetention,
                terminationProtection,
                apiMemoryMb,
                lambdaErrorRatePercent,
                apiServerErrorRatePercent,
                apiP95LatencyMs,
                wafRequestsPer5Minutes,
                wafAuthRequestsPer5Minutes,
                canary,
                monthlyBudgetUsd,
                domainName,
                emailFrom,
                alarmEmails,
                noncurrentVersionDays,
                url,
                search,
                spending);
    }

    /** The same stage with another search engine (docs/adr/0013-search-engine-per-stage.md). */
    public StageConfig withSearch(Search engine) {
        return with(engine, spending);
    }

    /** The same stage with other spending choices ({@code -c webFirewall=true}, {@code -c userPoolPlan=PLUS}). */
    public StageConfig withSpending(Spending newSpending) {
        return with(search, newSpending);
    }

    private StageConfig with(Search newSearch, Spending newSpending) {
        return new StageConfig(
                name,
                account,
                region,
                removalPolicy,
                logRetention,
                terminationProtection,
                apiMemoryMb,
                lambdaErrorRatePercent,
                apiServerErrorRatePercent,
                apiP95LatencyMs,
                wafRequestsPer5Minutes,
                wafAuthRequestsPer5Minutes,
                canary,
                monthlyBudgetUsd,
                domainName,
                emailFrom,
                alarmEmails,
                noncurrentVersionDays,
                revalidateUrl,
                newSearch,
                newSpending);
    }

    /**
     * The same stage served under a custom domain ({@code -c domainName=app.example.com}): the
     * edge stack requests its certificate (DNS validation) and the CDN answers to it.
     */
    public StageConfig withDomain(String domain) {
        return copy(account, region, monthlyBudgetUsd, domain, emailFrom, alarmEmails);
    }

    private StageConfig copy(
            String newAccount,
            String newRegion,
            Double budget,
            String domain,
            String newEmailFrom,
            List<String> newAlarmEmails) {
        return new StageConfig(
                name,
                newAccount,
                newRegion,
                removalPolicy,
                logRetention,
                terminationProtection,
                apiMemoryMb,
                lambdaErrorRatePercent,
                apiServerErrorRatePercent,
                apiP95LatencyMs,
                wafRequestsPer5Minutes,
                wafAuthRequestsPer5Minutes,
                canary,
                budget,
                domain,
                newEmailFrom,
                newAlarmEmails,
                noncurrentVersionDays,
                revalidateUrl,
                search,
                spending);
    }
}
