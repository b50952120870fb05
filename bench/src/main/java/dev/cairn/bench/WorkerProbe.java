package dev.cairn.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.cairn.api.auth.cognito.AccessTokenScopeTrigger;
import dev.cairn.api.media.MediaProcessorHandler;
import dev.cairn.api.revalidation.RevalidationHandler;
import dev.cairn.api.search.SearchIndexerHandler;
import dev.cairn.api.search.SearchReindexHandler;
import dev.cairn.api.user.PostConfirmationHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * One worker function in a fresh JVM started by {@link WorkerBench}: builds its handler as the
 * Lambda runtime would (no-argument constructor, configuration from the environment), answers the
 * representative event once (the cold invocation), then the same event {@code repeats} more times
 * (warm invocations), and prints one line with the timings and the memory it took.
 *
 * <p>Each warm invocation records its wall time and the CPU time of the thread that handled it;
 * the warm invocations together record the CPU time of the whole process (the handler's thread
 * plus the HTTP clients' threads, the garbage collector and the JIT compiler), whose clock ticks
 * only every 10 ms here, so it is given as a mean per invocation. CPU is what Lambda's CPU share
 * slows down; the rest of the wall time is waiting for DynamoDB, S3, OpenSearch or the hook, which
 * no memory size shortens.
 *
 * <p>Arguments: the worker's name ({@link WorkerBench#WORKERS}), the event file, the warm repeats.
 * An event containing {@value #FRESH_ID} gets a new random id in its place on every invocation
 * (a user confirmed once per sign-up).
 */
public final class WorkerProbe {
    static final String FRESH_ID = "${FRESH_ID}";

    private WorkerProbe() {}

    /** One worker's handler as its invocations call it. */
    private interface Invocation {
        void invoke(byte[] event) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        String worker = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        int repeats = Integer.parseInt(args[2]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        long start = System.nanoTime();
        Invocation invocation = handler(worker);
        long initialised = System.nanoTime();
        Runtime runtime = Runtime.getRuntime();
        runtime.gc();
        long heapInUse = runtime.totalMemory() - runtime.freeMemory();
        long resident = status("VmRSS:");

        long firstStart = System.nanoTime();
        invocation.invoke(event);
        long firstEnd = System.nanoTime();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();

        StringJoiner wall = new StringJoiner(",");
        StringJoiner threadCpu = new StringJoiner(",");
        long processStart = os.getProcessCpuTime();
        for (int i = 0; i < repeats; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            invocation.invoke(event);
            long t1 = System.nanoTime();
            wall.add(ms(t1 - t0));
            threadCpu.add(ms(threads.getCurrentThreadCpuTime() - cpu0));
        }
        String processCpu = ms((os.getProcessCpuTime() - processStart) / Math.max(1, repeats));
        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(
                "WORKER %s init_ms=%.1f first_ms=%.1f heap_mb=%.1f rss_mb=%.1f classes=%d peak_heap_mb=%.1f"
                        + " peak_rss_mb=%.1f wall_ms=%s thread_cpu_ms=%s process_cpu_ms=%s%n",
                worker,
                (initialised - start) / 1e6,
                (firstEnd - firstStart) / 1e6,
                heapInUse / 1048576.0,
                resident / 1048576.0,
                classes,
                peakHeap / 1048576.0,
                status("VmHWM:") / 1048576.0,
                wall,
                threadCpu,
                processCpu);
        System.out.flush();
        System.exit(0);
    }

    /** The worker's handler built as Lambda builds it, and how an event reaches it. */
    private static Invocation handler(String worker) throws IOException {
        Context context = new FixedContext();
        return switch (worker) {
            case "post-confirmation" -> stream(new PostConfirmationHandler(), context);
            case "access-token-scope" -> stream(new AccessTokenScopeTrigger(), context);
            case "media-processor" -> stream(new MediaProcessorHandler(), context);
            case "revalidation" -> stream(new RevalidationHandler(), context);
            case "search-reindex" -> stream(new SearchReindexHandler(), context);
            case "search-indexer" -> {
                SearchIndexerHandler indexer = new SearchIndexerHandler();
                // The runtime hands the function a DynamodbEvent it read from JSON; here it was
                // written with Java serialization by the benchmark, read once outside the timings.
                yield new Invocation() {
                    private DynamodbEvent batch;

                    @Override
                    public void invoke(byte[] event) throws IOException {
                        if (batch == null) {
                            batch = read(event);
                        }
                        StreamsEventResponse answer = indexer.handleRequest(batch, context);
                        if (!answer.getBatchItemFailures().isEmpty()) {
                            throw new IllegalStateException("records failed: " + answer.getBatchItemFailures());
                        }
                    }
                };
            }
            default -> throw new IllegalArgumentException("unknown worker (value: " + worker + ")");
        };
    }

    private static Invocation stream(RequestStreamHandler handler, Context context) {
        return event -> {
            String text = new String(event, StandardCharsets.UTF_8);
            byte[] body = text.contains(FRESH_ID)
                    ? text.replace(FRESH_ID, UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8)
                    : event;
            handler.handleRequest(new ByteArrayInputStream(body), new ByteArrayOutputStream(), context);
        };
    }

    private static DynamodbEvent read(byte[] serialized) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialized))) {
            return (DynamodbEvent) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

    private static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e6);
    }

    /** A field of {@code /proc/self/status} in bytes ({@code VmRSS:}, {@code VmHWM:}), or -1. */
    private static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** A Lambda context with a function's full 15 minutes ahead, so no step stops early. */
    private static final class FixedContext implements Context {
        @Override
        public String getAwsRequestId() {
            return UUID.randomUUID().toString();
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/bench";
        }

        @Override
        public String getLogStreamName() {
            return "bench";
        }

        @Override
        public String getFunctionName() {
            return System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        }

        @Override
        public String getFunctionVersion() {
            return "1";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:" + getFunctionName();
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 15 * 60 * 1000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"));
        }

        @Override
        public LambdaLogger getLogger() {
            return null;
        }
    }
}
