package dev.cairn.infra;

import dev.cairn.contract.Functions;
import java.util.Map;

/**
 * The worker functions' memory, chosen from measured duration × price ({@code scripts/bench --only
 * workers}; the measurements and the reasoning are in docs/performance.md, "Worker functions"). The
 * API's memory stays a stage setting ({@link StageConfig#apiMemoryMb}).
 *
 * <p>The model: Lambda gives CPU in proportion to memory (one vCPU at 1,769 MB) and bills
 * duration × memory at one price per GB-second, plus a price per request. The CPU part of an
 * invocation shrinks as memory grows, up to one vCPU for a single-threaded handler, so for
 * CPU-bound work more memory costs about the same and answers sooner; time spent waiting on
 * DynamoDB, S3, OpenSearch or a hook does not shrink, so for I/O-bound work more memory only costs
 * more. Every size also holds the function's peak resident set with room to spare, and the first
 * invocation after a SnapStart restore (class loading and interpreted code: CPU) must stay well
 * inside the Cognito triggers' 5-second limit.
 */
final class FunctionSizes {
    /**
     * One conditional PutItem, once per sign-up: cost is negligible at any size. The first
     * invocation after a restore (the DynamoDB client's first request) is CPU, and the user waits
     * for it while confirming: the size keeps it under a second.
     */
    static final int POST_CONFIRMATION_MB = 1024;

    /**
     * Runs on every sign-in and token refresh; warm it is a fraction of a millisecond of CPU, so
     * its bill is the request charge and the 1 ms minimum. The size is set by the first invocation
     * after a restore, which builds an SSM client and reads the internal client's id: it must stay
     * far inside Cognito's 5 seconds.
     */
    static final int ACCESS_TOKEN_SCOPE_MB = 1024;

    /**
     * Decoding a photo and encoding its variants is CPU on one thread: at one full vCPU the same
     * work costs the same as at 1,024 MB and ends sooner, and beyond it the single thread goes no
     * faster while the price keeps rising. The peak resident set of a 12-megapixel photo fits with
     * room for the 25-megapixel limit.
     */
    static final int MEDIA_PROCESSOR_MB = 1769;

    /** One signed hook call per message: waiting, not CPU, so the smallest size that holds the JVM. */
    static final int REVALIDATION_MB = 512;

    /**
     * A batch of up to 100 stream records, one bulk request: half CPU (building the documents),
     * half waiting for OpenSearch. 512 MB costs about 15 % less than 1,024 MB for a batch that still
     * ends in about a tenth of a second; below it the JVM's resident set would leave too little room.
     */
    static final int SEARCH_INDEXER_MB = 512;

    /**
     * One scan segment written in bulk requests, run by an operator now and then: a whole reindex
     * costs a fraction of a cent at any size, and the operator waits for it, so the size where
     * more memory stops paying off in time.
     */
    static final int SEARCH_REINDEX_MB = 1024;

    /** Each worker's handler to its memory. */
    static final Map<String, Integer> BY_HANDLER = Map.of(
            Functions.POST_CONFIRMATION_HANDLER, POST_CONFIRMATION_MB,
            Functions.ACCESS_TOKEN_SCOPE_HANDLER, ACCESS_TOKEN_SCOPE_MB,
            Functions.MEDIA_PROCESSOR_HANDLER, MEDIA_PROCESSOR_MB,
            Functions.REVALIDATION_HANDLER, REVALIDATION_MB,
            Functions.SEARCH_INDEXER_HANDLER, SEARCH_INDEXER_MB,
            Functions.SEARCH_REINDEX_HANDLER, SEARCH_REINDEX_MB);

    private FunctionSizes() {}

    /** The memory of the worker whose handler is {@code handler}. */
    static int of(String handler) {
        Integer size = BY_HANDLER.get(handler);
        if (size == null) {
            throw new IllegalArgumentException("no size chosen for the worker " + handler);
        }
        return size;
    }
}
