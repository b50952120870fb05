package dev.cairn.constructs;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;

/**
 * Props of {@link SearchCollection}. The setters of {@link Builder} say what each prop means and
 * its default.
 *
 * @param encryptionKey see {@link Builder#encryptionKey}
 * @param collectionName see {@link Builder#collectionName}
 * @param standbyReplicas see {@link Builder#standbyReplicas}
 * @param removalPolicy see {@link Builder#removalPolicy}
 */
public record SearchCollectionProps(
        IKey encryptionKey, String collectionName, Boolean standbyReplicas, RemovalPolicy removalPolicy) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link SearchCollectionProps}. */
    public static final class Builder {
        private IKey encryptionKey;
        private String collectionName;
        private Boolean standbyReplicas;
        private RemovalPolicy removalPolicy;

        private Builder() {}

        /**
         * The customer managed KMS key of the collection's encryption policy; the stage's data key,
         * never one of the collection's own. Collections that share a key share their OCUs.
         *
         * <p>Default: none; required.
         */
        public Builder encryptionKey(IKey encryptionKey) {
            this.encryptionKey = encryptionKey;
            return this;
        }

        /**
         * The collection's name, 3..28 characters: a lower-case letter, then lower-case letters,
         * digits and {@code -}; its policies are named after it.
         *
         * <p>Default: a unique name made from the construct's path.
         */
        public Builder collectionName(String collectionName) {
            this.collectionName = collectionName;
            return this;
        }

        /**
         * Standby replicas in another availability zone (redundancy); false halves the OCU floor
         * and is reported as a synth warning.
         *
         * <p>Default: true.
         */
        public Builder standbyReplicas(Boolean standbyReplicas) {
            this.standbyReplicas = standbyReplicas;
            return this;
        }

        /**
         * What CloudFormation does with the collection when it leaves the stack. Its indices are
         * rebuilt from their tables by a reindex.
         *
         * <p>Default: RETAIN.
         */
        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        public SearchCollectionProps build() {
            return new SearchCollectionProps(encryptionKey, collectionName, standbyReplicas, removalPolicy);
        }
    }
}
