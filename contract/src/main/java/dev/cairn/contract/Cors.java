package dev.cairn.contract;

import java.util.List;

/**
 * What a browser page on another origin may do with the API: the headers it may send, the methods
 * it may use, the response headers its script may read, and how long it may cache a preflight. The
 * HTTP API in AWS and the local stack's emulation of it answer preflights from these lists; which
 * origins they allow is configured per stage (the CDK app) or per run (the local stack).
 */
public final class Cors {
    /** The response header that carries the id of the request, as the error envelope does. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** The request header an API key travels in. */
    public static final String API_KEY_HEADER = "X-Api-Key";

    /** Request headers a cross-origin page may send: a token or an API key, JSON, and conditional requests. */
    public static final List<String> ALLOW_HEADERS =
            List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", API_KEY_HEADER);

    /** Methods a cross-origin page may use (a preflight itself is {@code OPTIONS}, always answered). */
    public static final List<String> ALLOW_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** Response headers a cross-origin script may read beyond the CORS-safelisted ones. */
    public static final List<String> EXPOSE_HEADERS = List.of("ETag", REQUEST_ID_HEADER);

    /** How long a browser may reuse a preflight's answer, in seconds. */
    public static final int MAX_AGE_SECONDS = 600;

    /**
     * The origins the local stack allows by default: the usual dev servers of browser front ends
     * (Create React App and Next.js on 3000, Vite on 5173).
     */
    public static final List<String> LOCAL_ORIGINS = List.of("http://localhost:3000", "http://localhost:5173");

    private Cors() {}
}
