/**
 * The runtime every generated Cairn client shares: it sends a request, unwraps the envelope
 * `{success: true, data}` into `data`, answers a conditional read's 304 with {@link NotModified},
 * and throws a {@link CairnApiError} for `{success: false, error}` (or any other failed answer).
 *
 * Written by hand and copied into each generated package by clients/generate.mjs.
 */

/** A field-level problem of a validation error, as `error.details` lists them. */
export interface FieldError {
  field?: string | null;
  message: string;
}

/** A failed answer from the API: the envelope's `error`, with the HTTP status. */
export class CairnApiError extends Error {
  /** The error code, e.g. `GUITAR_NOT_FOUND` or `GUITAR_VALIDATION_ERROR`. */
  readonly code: string;
  /** The HTTP status of the answer. */
  readonly status: number;
  /** The request's id, to quote to whoever reads the logs (absent when no function answered). */
  readonly requestId: string | undefined;
  /** The fields of a validation error; empty otherwise. */
  readonly details: readonly FieldError[];
  /** The answer's body as parsed (or its text when it is not JSON). */
  readonly body: unknown;

  constructor(init: {
    code: string;
    status: number;
    message: string;
    requestId?: string | null;
    details?: readonly FieldError[] | null;
    body?: unknown;
  }) {
    super(init.message);
    this.name = "CairnApiError";
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId ?? undefined;
    this.details = init.details ?? [];
    this.body = init.body;
  }
}

/**
 * What a conditional read resolves to when the item has not changed: the API answered 304 Not
 * Modified because `ifNoneMatch` named its current ETag. The copy the caller holds is current.
 */
export interface NotModified {
  readonly notModified: true;
  /** The item's current ETag, from the answer's `ETag` header (absent if the answer had none). */
  readonly etag: string | undefined;
}

/** Whether a conditional read's result is {@link NotModified} rather than the item. */
export function isNotModified(result: unknown): result is NotModified {
  return isObject(result) && result["notModified"] === true;
}

/** How a client reaches the API and who it acts as. */
export interface ClientOptions {
  /** The API's origin, e.g. `http://localhost:8080` (the local stack) or a stage's domain. */
  baseUrl: string;
  /** A bearer token (an access token from `login`), or a function that returns the current one. */
  token?: string | (() => string | undefined);
  /** An API key, where the blueprint has them: sent to the operations that accept one, when there is no token. */
  apiKey?: string;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** The fetch to use (defaults to the global one: browsers, Node 18 and later). */
  fetch?: typeof fetch;
}

/** Per-call options. */
export interface RequestOptions {
  /** Extra headers for this call. */
  headers?: Record<string, string>;
  /** Cancels the call. */
  signal?: AbortSignal;
}

/** How an operation is called: written by the generator from the OpenAPI document. */
export interface OperationSpec {
  readonly method: string;
  /** The path template, e.g. `/api/guitars/{id}`. */
  readonly path: string;
  readonly pathParams?: readonly string[];
  readonly queryParams?: readonly string[];
  /** Argument name to header name, e.g. `ifMatch` to `If-Match`. */
  readonly headerParams?: Readonly<Record<string, string>>;
  /** The request body's media type, when the operation takes a body. */
  readonly contentType?: string;
  /** The credentials the operation accepts (the document's `security`); none: a public operation. */
  readonly auth: readonly ("bearer" | "apiKey")[];
  /** A conditional read: its 304 Not Modified resolves to {@link NotModified} instead of failing. */
  readonly conditional?: boolean;
}

type Arguments = Readonly<Record<string, unknown>>;

/** The base of every generated client: credentials, and the one method that calls the API. */
export class CairnClient {
  private readonly baseUrl: string;
  private token: string | (() => string | undefined) | undefined;
  private apiKey: string | undefined;
  private readonly headers: Record<string, string>;
  private readonly fetchFn: (url: string, init: RequestInit) => Promise<Response>;

  constructor(
    options: ClientOptions,
    private readonly apiKeyHeader?: string,
  ) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.token = options.token;
    this.apiKey = options.apiKey;
    this.headers = { ...options.headers };
    const fetchFn = options.fetch ?? globalThis.fetch;
    if (fetchFn === undefined) {
      throw new Error("No fetch: pass options.fetch (Node 18 or later has one)");
    }
    // Called as a plain function: a browser's fetch refuses any other `this` than the window.
    this.fetchFn = (url, init) => fetchFn(url, init);
  }

  /** Acts as the holder of this bearer token (e.g. `login`'s `accessToken`); `undefined` signs out. */
  setToken(token: string | (() => string | undefined) | undefined): void {
    this.token = token;
  }

  /** Acts as the owner of this API key; `undefined` stops sending it. */
  setApiKey(apiKey: string | undefined): void {
    this.apiKey = apiKey;
  }

  /** Calls an operation: `args` holds its path, query and header parameters by name. */
  protected async call<T>(
    spec: OperationSpec,
    args: Arguments | undefined,
    body: unknown,
    options: RequestOptions | undefined,
  ): Promise<T> {
    const values = args ?? {};
    let path = spec.path;
    for (const name of spec.pathParams ?? []) {
      const value = values[name];
      if (value === undefined || value === null || value === "") {
        throw new TypeError(`${spec.method} ${spec.path}: the path parameter ${name} is missing`);
      }
      path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
    }
    const query = new URLSearchParams();
    for (const name of spec.queryParams ?? []) {
      const value = values[name];
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item !== undefined && item !== null) {
          query.append(name, String(item));
        }
      }
    }
    const headers: Record<string, string> = { Accept: "application/json", ...this.headers };
    for (const [name, header] of Object.entries(spec.headerParams ?? {})) {
      const value = values[name];
      if (value !== undefined && value !== null) {
        headers[header] = String(value);
      }
    }
    Object.assign(headers, this.credentials(spec.auth));
    if (spec.contentType !== undefined) {
      headers["Content-Type"] = spec.contentType;
    }
    Object.assign(headers, options?.headers);

    const search = query.toString();
    const response = await this.fetchFn(this.baseUrl + path + (search ? `?${search}` : ""), {
      method: spec.method,
      headers,
      body: spec.contentType !== undefined ? JSON.stringify(body) : undefined,
      signal: options?.signal,
    });
    if (spec.conditional === true && response.status === 304) {
      const notModified: NotModified = { notModified: true, etag: response.headers.get("ETag") ?? undefined };
      return notModified as T;
    }
    return unwrap<T>(response);
  }

  /** The bearer token where the operation accepts one and there is one; else the API key, where accepted. */
  private credentials(accepted: OperationSpec["auth"]): Record<string, string> {
    const token = accepted.includes("bearer") ? (typeof this.token === "function" ? this.token() : this.token) : undefined;
    if (token) {
      return { Authorization: `Bearer ${token}` };
    }
    if (accepted.includes("apiKey") && this.apiKey !== undefined && this.apiKeyHeader !== undefined) {
      return { [this.apiKeyHeader]: this.apiKey };
    }
    return {};
  }
}

async function unwrap<T>(response: Response): Promise<T> {
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  const envelope = isObject(parsed) ? parsed : undefined;
  if (response.ok) {
    if (envelope !== undefined && envelope["success"] === true) {
      return envelope["data"] as T;
    }
    if (parsed === undefined) {
      return undefined as T;
    }
    throw new CairnApiError({
      code: "UNEXPECTED_RESPONSE",
      status: response.status,
      message: `${response.status}: the answer is not a Cairn envelope`,
      body: parsed,
    });
  }
  const error = envelope !== undefined && isObject(envelope["error"]) ? envelope["error"] : undefined;
  if (error !== undefined && typeof error["code"] === "string") {
    throw new CairnApiError({
      code: error["code"],
      status: response.status,
      message: typeof error["message"] === "string" ? error["message"] : error["code"],
      requestId: typeof error["requestId"] === "string" ? error["requestId"] : undefined,
      details: Array.isArray(error["details"]) ? (error["details"] as FieldError[]) : undefined,
      body: parsed,
    });
  }
  // No envelope: the gateway's own answers (e.g. its throttle's {"message": "Too Many Requests"}).
  const message = envelope !== undefined && typeof envelope["message"] === "string" ? envelope["message"] : undefined;
  throw new CairnApiError({
    code: response.status === 429 ? "RATE_LIMITED" : `HTTP_${response.status}`,
    status: response.status,
    message: message ?? `${response.status} ${response.statusText}`.trim(),
    body: parsed,
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
