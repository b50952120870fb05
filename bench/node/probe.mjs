// One cold start of the Node.js baseline, in a fresh process started by the cold benchmark: loads
// the handler module (the function's init), answers one GET /api/guitars/{id} built like API
// Gateway's payload 2.0 event, prints one line and exits. Times are from this script's start;
// the benchmark itself times the whole process from spawn.
const start = performance.now();
const { handler } = await import("./handler.mjs");
const initialised = performance.now();
// What a snapshot of the initialised process would hold: the live heap after a full collection
// (the benchmark runs node with --expose-gc) and the resident set.
globalThis.gc?.();
const memory = process.memoryUsage();
const requestStart = performance.now();
const path = process.env.CAIRN_BENCH_PATH;
const answer = await handler({
  version: "2.0",
  routeKey: "$default",
  rawPath: path,
  rawQueryString: "",
  headers: { accept: "application/json", authorization: `Bearer ${process.env.CAIRN_BENCH_TOKEN}` },
  isBase64Encoded: false,
  requestContext: {
    requestId: "bench",
    authorizer: { jwt: { claims: { sub: process.env.CAIRN_BENCH_SUB, token_use: "access" } } },
    http: { method: "GET", path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "cairn-bench" },
  },
});
const answered = performance.now();
if (answer.statusCode !== 200) {
  console.error(`Unexpected answer ${answer.statusCode}: ${answer.body}`);
  process.exit(1);
}
const mb = (bytes) => (bytes / 1048576).toFixed(1);
console.log(
  `COLD node init_ms=${(initialised - start).toFixed(1)} first_request_ms=${(answered - requestStart).toFixed(1)}` +
    ` heap_mb=${mb(memory.heapUsed)} rss_mb=${mb(memory.rss)}`,
);
process.exit(0);
