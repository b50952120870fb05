package dev.cairn.local;

import dev.cairn.api.data.PrettyJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The front-end revalidation hook calls the local stack received at {@code POST /_local/revalidate},
 * where it stands in for the site's hook: each with what it asked to revalidate and whether its
 * signature verified. Front-end developers read them at {@code GET /_local/outbox?to=revalidate};
 * the end-to-end tests read them here.
 */
public final class Revalidations {
    private final List<Call> calls = new ArrayList<>();

    /**
     * One received call.
     *
     * @param paths the site paths it names, or {@code null} if its body is not the hook's JSON
     * @param tags the fetch tags it names, or {@code null} if its body is not the hook's JSON
     * @param signature its signature header as received, or {@code null} without one
     * @param verified whether the signature verifies with the stack's secret (a call that does not
     *     is answered 401)
     * @param receivedAt when it arrived
     */
    public record Call(List<String> paths, List<String> tags, String signature, boolean verified, Instant receivedAt) {}

    synchronized void record(Call call) {
        calls.add(call);
        notifyAll();
    }

    /** Every call received, oldest first. */
    public synchronized List<Call> all() {
        return List.copyOf(calls);
    }

    /**
     * The first call after the first {@code after} ones, waiting up to {@code timeoutMillis} for it
     * (delivery is asynchronous, as the queue makes it in AWS).
     */
    public synchronized Call await(int after, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (calls.size() <= after) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new IllegalStateException(
                        "No revalidation call after the first " + after + " within " + timeoutMillis + " ms");
            }
            wait(left);
        }
        return calls.get(after);
    }

    /** The calls as {@code GET /_local/outbox?to=revalidate} lists them. */
    synchronized String json() {
        StringBuilder json = new StringBuilder("[");
        for (Call call : calls) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"paths\":")
                    .append(strings(call.paths()))
                    .append(",\"tags\":")
                    .append(strings(call.tags()))
                    .append(",\"signature\":")
                    .append(PrettyJson.quote(call.signature()))
                    .append(",\"verified\":")
                    .append(call.verified())
                    .append(",\"receivedAt\":")
                    .append(PrettyJson.quote(call.receivedAt().toString()))
                    .append('}');
        }
        return json.append(']').toString();
    }

    private static String strings(List<String> values) {
        if (values == null) {
            return "null";
        }
        List<String> quoted = new ArrayList<>(values.size());
        for (String value : values) {
            quoted.add(PrettyJson.quote(value));
        }
        return "[" + String.join(",", quoted) + "]";
    }
}
