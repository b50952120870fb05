package dev.cairn.constructs;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.opensearchservice.EngineVersion;

/**
 * Props of {@link SearchDomain}. The setters of {@link Builder} say what each prop means and its
 * default.
 *
 * @param encryptionKey see {@link Builder#encryptionKey}
 * @param administrator see {@link Builder#administrator}
 * @param domainName see {@link Builder#domainName}
 * @param engineVersion see {@link Builder#engineVersion}
 * @param instanceType see {@link Builder#instanceType}
 * @param instanceCount see {@link Builder#instanceCount}
 * @param availabilityZones see {@link Builder#availabilityZones}
 * @param dedicatedMasterType see {@link Builder#dedicatedMasterType}
 * @param dedicatedMasterCount see {@link Builder#dedicatedMasterCount}
 * @param volumeSizeGiB see {@link Builder#volumeSizeGiB}
 * @param logRetention see {@link Builder#logRetention}
 * @param logEncryptionKey see {@link Builder#logEncryptionKey}
 * @param removalPolicy see {@link Builder#removalPolicy}
 */
public record SearchDomainProps(
        IKey encryptionKey,
        IRole administrator,
        String domainName,
        EngineVersion engineVersion,
        String instanceType,
        Integer instanceCount,
        Integer availabilityZones,
        String dedicatedMasterType,
        Integer dedicatedMasterCount,
        Integer volumeSizeGiB,
        RetentionDays logRetention,
        IKey logEncryptionKey,
        RemovalPolicy removalPolicy) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link SearchDomainProps}. */
    public static final class Builder {
        private IKey encryptionKey;
        private IRole administrator;
        private String domainName;
        private EngineVersion engineVersion;
        private String instanceType;
        private Integer instanceCount;
        private Integer availabilityZones;
        private String dedicatedMasterType;
        private Integer dedicatedMasterCount;
        private Integer volumeSizeGiB;
        private RetentionDays logRetention;
        private IKey logEncryptionKey;
        private RemovalPolicy removalPolicy;

        private Builder() {}

        /**
         * The customer managed KMS key that encrypts the domain's data at rest (indices, logs of
         * the nodes, swap, snapshots); the stage's data key, never one of the domain's own.
         *
         * <p>Default: none; required.
         */
        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        /**
         * The IAM role fine-grained access control makes the domain's master user (OpenSearch's
         * {@code all_access}): it creates indices and aliases and maps the other granted roles to
         * OpenSearch roles. No internal user database, no password.
         *
         * <p>Default: none; required.
         */
        public Builder administrator(IRole administrator) {
            this.administrator = administrator;
            return this;
        }

        /**
         * The domain's name, 3..28 characters: a lower-case letter, then lower-case letters, digits
         * and {@code -}. Its access policy names its own ARN, so the name is fixed at synth.
         *
         * <p>Default: a unique name made from the construct's path.
         */
        public Builder domainName(String domainName) {
            this.domainName = domainName;
            return this;
        }

        /**
         * The OpenSearch version.
         *
         * <p>Default: {@link SearchDomain#ENGINE_VERSION}.
         */
        public Builder engineVersion(EngineVersion engineVersion) {
            this.engineVersion = engineVersion;
            return this;
        }

        /**
         * The data nodes' instance type.
         *
         * <p>Default: {@link SearchDomain#INSTANCE_TYPE} (the smallest that supports encryption at rest
         * and fine-grained access control).
         */
        public Builder instanceType(String instanceType) {
            this.instanceType = instanceType;
            return this;
        }

        /**
         * How many data nodes; a multiple of {@code availabilityZones}.
         *
         * <p>Default: one per availability zone.
         */
        public Builder instanceCount(Integer instanceCount) {
            this.instanceCount = instanceCount;
            return this;
        }

        /**
         * Over how many availability zones the data nodes and replicas spread, 1..3; above 1 turns
         * zone awareness on. One zone is reported as a synth warning.
         *
         * <p>Default: 2.
         */
        public Builder availabilityZones(Integer availabilityZones) {
            this.availabilityZones = availabilityZones;
            return this;
        }

        /**
         * The dedicated master nodes' instance type.
         *
         * <p>Default: {@link SearchDomain#DEDICATED_MASTER_TYPE}.
         */
        public Builder dedicatedMasterType(String dedicatedMasterType) {
            this.dedicatedMasterType = dedicatedMasterType;
            return this;
        }

        /**
         * How many dedicated master nodes: 3 or 5 (a quorum survives the loss of one or two), or 0
         * for none (the data nodes elect one of themselves), which is reported as a synth warning.
         *
         * <p>Default: {@link SearchDomain#DEDICATED_MASTER_COUNT}.
         */
        public Builder dedicatedMasterCount(Integer dedicatedMasterCount) {
            this.dedicatedMasterCount = dedicatedMasterCount;
            return this;
        }

        /**
         * The gp3 EBS volume of each data node, in GiB, 10..1024.
         *
         * <p>Default: {@link SearchDomain#VOLUME_SIZE_GIB}.
         */
        public Builder volumeSizeGiB(Integer volumeSizeGiB) {
            this.volumeSizeGiB = volumeSizeGiB;
            return this;
        }

        /**
         * How long the slow logs and the error logs are kept.
         *
         * <p>Default: one month.
         */
        public Builder logRetention(RetentionDays logRetention) {
            this.logRetention = logRetention;
            return this;
        }

        /**
         * The KMS key of the log groups (its policy must let CloudWatch Logs use it).
         *
         * <p>Default: a new key with rotation, usable by CloudWatch Logs only.
         */
        public Builder logEncryptionKey(IKey logEncryptionKey) {
            this.logEncryptionKey = logEncryptionKey;
            return this;
        }

        /**
         * What CloudFormation does with the domain and its log groups when they leave the stack.
         * The indices are rebuilt from their tables by a reindex, so DESTROY loses no data of
         * record.
         *
         * <p>Default: RETAIN.
         */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        public SearchDomainProps build() {
            return new SearchDomainProps(
                    encryptionKey,
                    administrator,
                    domainName,
                    engineVersion,
                    instanceType,
                    instanceCount,
                    availabilityZones,
                    dedicatedMasterType,
                    dedicatedMasterCount,
                    volumeSizeGiB,
                    logRetention,
                    logEncryptionKey,
                    removalPolicy);
        }
    }
}
