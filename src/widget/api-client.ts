import type * as z from 'zod/mini';
import {
  API_PATHS,
  AddressValidationResponseSchema,
  ApiErrorSchema,
  CountryValidationRulesResponseSchema,
  CustomerBillingProfileSchema,
  CustomerCollectionSchema,
  CustomerSchema,
  HEADERS,
  LEGACY_ADDRESS_INVALID_CODE,
  customerListQuery,
  errorCodeOf,
  errorMessageKey,
  fieldIssuesOf,
  isConcurrencyConflict,
  quoteEtag,
  readLegacyAddressValidation,
  REQUESTED_WITH_SITE,
  type Address,
  type ApiError,
  type AddressValidationResponse,
  type BillingProfileUpdate,
  type CountryValidationRules,
  type Customer,
  type CustomerBillingProfile,
  type CustomerCollection,
  type CustomerFilter,
  type FieldIssue,
} from '../contract/index.ts';

/** How a request failed, for the widget to choose its message and whether to offer a retry. */
export type ApiFailureKind = 'http' | 'network' | 'timeout' | 'aborted' | 'invalidResponse';

/** Message keys the widget adds to the contract's for failures that have no error body. */
export const CLIENT_MESSAGE_KEYS = {
  network: 'status.network',
  timeout: 'status.timeout',
  aborted: 'status.network',
  invalidResponse: 'status.invalidResponse',
  forbidden: 'status.forbidden',
} as const;

/** A failed API call, with everything the UI needs to explain it. */
export class ApiClientError extends Error {
  /** What went wrong. */
  readonly kind: ApiFailureKind;
  /** HTTP status, for `http` failures. */
  readonly status: number | undefined;
  /** The error body's `code` (like 2055) as a number, when the body had one. */
  readonly code: number | undefined;
  /** Whether the update was refused for a stale ETag (400 with code 2055, or 412). */
  readonly conflict: boolean;
  /** Message key to show: the contract's `error.*` key or the widget's `status.*` key. */
  readonly messageKey: string;
  /** Field problems of a 400, with server paths like `defaultAddress.postalCode`. */
  readonly fieldIssues: readonly FieldIssue[];
  /** Seconds to wait before trying again (from `Retry-After`), when the server said so. */
  readonly retryAfterSeconds: number | undefined;
  /** `MS-CorrelationId` of the request, for support. */
  readonly correlationId: string;
  /** Where to sign in, as the endpoint sent it with a 401 (untrusted: see `sign-in.ts`). */
  readonly signInUrl: string | undefined;

  constructor(
    kind: ApiFailureKind,
    messageKey: string,
    details: {
      status?: number;
      code?: number;
      fieldIssues?: readonly FieldIssue[];
      retryAfterSeconds?: number;
      correlationId?: string;
      conflict?: boolean;
      signInUrl?: string;
      cause?: unknown;
    } = {},
  ) {
    super(`${kind}${details.status ? ` ${details.status}` : ''}: ${messageKey}`, {
      cause: details.cause,
    });
    this.name = 'ApiClientError';
    this.kind = kind;
    this.messageKey = messageKey;
    this.status = details.status;
    this.code = details.code;
    this.fieldIssues = details.fieldIssues ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.correlationId = details.correlationId ?? '';
    this.conflict = details.conflict ?? false;
    this.signInUrl = details.signInUrl;
  }

  /** Whether sending the same request again may succeed (network, timeout, 5xx). */
  get retryable(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      (this.kind === 'http' && (this.status ?? 0) >= 500)
    );
  }
}

/** A customer with the billing profile the Update step edits. */
export type Account = Customer & { billingProfile: CustomerBillingProfile };

/** How the client talks to the endpoint; everything but `endpoint` has a default. */
export interface AccountsClientOptions {
  /** Base URL the contract's paths are appended to, like `/api`. */
  endpoint: string;
  /** The `fetch` to use (tests pass a fake). */
  fetch?: typeof fetch;
  /** Abort an attempt after this many milliseconds (default 15 s). */
  timeoutMs?: number;
  /** Extra attempts for safe requests after a network failure, timeout or 5xx (default 2). */
  retries?: number;
  /** Wait before the first extra attempt, doubled for each next one (default 400 ms). */
  retryDelayMs?: number;
  /** `MS-CorrelationId` sent on every request, so the server's log ties a session together. */
  correlationId?: string;
  /** `X-Locale` sent on every request (like `ja-JP`), so the service answers in that language. */
  locale?: string;
}

/** One page of customers to fetch. */
export interface CustomerPageRequest {
  /** Prefix search; omit to list every customer. */
  filter?: CustomerFilter | undefined;
  /** Items per page. */
  size?: number;
  /** The previous page's `continuationToken`, to fetch the page after it. */
  continuationToken?: string | undefined;
  /** Cancels the request (a newer search replaces it). */
  signal?: AbortSignal | undefined;
}

interface RequestOptions<T> {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  schema: z.ZodMiniType<T>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Whether the request may be sent again automatically: no side effects, or none twice. */
  safe: boolean;
  signal?: AbortSignal | undefined;
  /** What a successful answer without a body means (the 2017 address check's empty 200). */
  emptyBody?: T;
  /** Turns an error answer into a result, for answers that are outcomes rather than failures. */
  recover?: (status: number, error: ApiError | undefined) => T | undefined;
}

/** Reads `Retry-After` (seconds or an HTTP date) as whole seconds from now. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

const STATUS_MESSAGE_KEYS: Readonly<Record<number, string>> = {
  401: 'error.unauthorized',
  403: CLIENT_MESSAGE_KEYS.forbidden,
  404: 'error.notFound',
  428: 'error.preconditionRequired',
  429: 'error.tooManyRequests',
  503: 'error.serviceUnavailable',
};

function statusMessageKey(status: number): string {
  return STATUS_MESSAGE_KEYS[status] ?? (status >= 500 ? 'error.internal' : 'error.badRequest');
}

/**
 * The most specific message for an error response: a stale ETag's, the body's own key (our
 * server's extra), the code's among this contract's (which either mean what Partner Center's
 * same code means or lie outside its range), then the status's.
 */
function failureMessageKey(status: number, error: ApiError | undefined): string {
  if (isConcurrencyConflict(status, error)) return 'error.concurrencyConflict';
  // The contract has no 403 error; a proxy or gateway may still send one.
  if (status === 403 || !error) return statusMessageKey(status);
  // Not the contract's `isMessageKey`: its English table would double the widget's first load.
  // A key the locale files lack is replaced where it is shown.
  if (error.messageKey && /^error\.[A-Za-z]+$/.test(error.messageKey)) return error.messageKey;
  const code = errorCodeOf(error);
  const byCode = code === undefined ? 'error.internal' : errorMessageKey(code);
  return byCode === 'error.internal' && status < 500 ? statusMessageKey(status) : byCode;
}

/** The body as JSON; `undefined` when it is empty or not JSON. */
async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The widget's only way to the endpoint. Every response is checked with the contract's schemas;
 * every failure becomes an `ApiClientError`. Safe requests (reads and the side-effect-free address
 * check) are retried on network failures, timeouts and 5xx; the billing-profile PUT is never
 * retried here: the person retries it, with the same `MS-RequestId`, so it cannot apply twice.
 */
export class AccountsClient {
  readonly #base: string;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #retryDelayMs: number;
  readonly #correlationId: string;
  readonly #locale: string | undefined;
  readonly #rules = new Map<string, Promise<CountryValidationRules>>();

  /** The endpoint this client was made for. */
  readonly endpoint: string;

  constructor(options: AccountsClientOptions) {
    this.endpoint = options.endpoint;
    this.#base = options.endpoint.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#retries = options.retries ?? 2;
    this.#retryDelayMs = options.retryDelayMs ?? 400;
    this.#correlationId = options.correlationId ?? crypto.randomUUID();
    this.#locale = options.locale;
  }

  /** `GET /v1/customers`: one page, the first or the one after `continuationToken`. */
  listCustomers(request: CustomerPageRequest = {}): Promise<CustomerCollection> {
    const next = request.continuationToken !== undefined;
    const query = customerListQuery({
      ...(request.size !== undefined ? { size: request.size } : {}),
      ...(request.filter ? { filter: request.filter } : {}),
      next,
    });
    return this.#request({
      method: 'GET',
      path: API_PATHS.customers() + query,
      schema: CustomerCollectionSchema,
      headers: next ? { [HEADERS.continuationToken]: request.continuationToken ?? '' } : {},
      safe: true,
      signal: request.signal,
    });
  }

  /** `GET /v1/customers/{id}`: the customer with its company and billing profiles. */
  getCustomer(id: string, signal?: AbortSignal): Promise<Customer> {
    return this.#request({
      method: 'GET',
      path: API_PATHS.customer(id),
      schema: CustomerSchema,
      safe: true,
      signal,
    });
  }

  /**
   * The customer with its billing profile: `GET /v1/customers/{id}`, and the profile's own
   * `GET …/profiles/billing` when the customer came without one.
   */
  async getAccount(id: string, signal?: AbortSignal): Promise<Account> {
    const customer = await this.getCustomer(id, signal);
    const billingProfile = customer.billingProfile ?? (await this.getBillingProfile(id, signal));
    return { ...customer, billingProfile };
  }

  /** `GET /v1/customers/{id}/profiles/billing`: the latest billing profile and its ETag. */
  getBillingProfile(id: string, signal?: AbortSignal): Promise<CustomerBillingProfile> {
    return this.#request({
      method: 'GET',
      path: API_PATHS.billingProfile(id),
      schema: CustomerBillingProfileSchema,
      safe: true,
      signal,
    });
  }

  /**
   * `GET /v1/countryvalidationrules/{iso2}`, fetched once per country and client: the only
   * source of what an address in that country needs.
   */
  getCountryRules(iso2: string): Promise<CountryValidationRules> {
    const code = iso2.toUpperCase();
    let rules = this.#rules.get(code);
    if (!rules) {
      rules = this.#request({
        method: 'GET',
        path: API_PATHS.countryRules(code),
        schema: CountryValidationRulesResponseSchema,
        safe: true,
      });
      // A failure is not cached: the next call asks again.
      rules.catch(() => this.#rules.delete(code));
      this.#rules.set(code, rules);
    }
    return rules;
  }

  /**
   * `POST /v1/validations/address`, read in either generation's terms: the current answer as it
   * is; the 2017 generation's empty 200 as `Verified` and its 400/2007 (a corrected address inside
   * `description`) as a suggestion, or as `None` when nothing was corrected.
   */
  validateAddress(address: Address, signal?: AbortSignal): Promise<AddressValidationResponse> {
    return this.#request({
      method: 'POST',
      path: API_PATHS.addressValidation(),
      schema: AddressValidationResponseSchema,
      body: address,
      safe: true,
      signal,
      emptyBody: { originalAddress: address, suggestedAddresses: [], status: 'Verified' },
      recover: (status, error) =>
        status === 400 && errorCodeOf(error) === LEGACY_ADDRESS_INVALID_CODE
          ? readLegacyAddressValidation(address, error?.description ?? undefined)
          : undefined,
    });
  }

  /**
   * `PUT /v1/customers/{id}/profiles/billing`: the whole resource, with the ETag it started from
   * in `attributes.etag` and in `If-Match` (as the reference page asks), and `MS-RequestId`. Send
   * the same `requestId` to retry the same edit: the service then answers with the first outcome.
   */
  updateBillingProfile(
    id: string,
    profile: BillingProfileUpdate,
    options: { etag: string; requestId: string; signal?: AbortSignal },
  ): Promise<CustomerBillingProfile> {
    const attributes = { ...(profile.attributes ?? {}), etag: options.etag };
    return this.#request({
      method: 'PUT',
      path: API_PATHS.billingProfile(id),
      schema: CustomerBillingProfileSchema,
      body: { ...profile, attributes },
      headers: {
        [HEADERS.ifMatch]: quoteEtag(options.etag),
        [HEADERS.requestId]: options.requestId,
      },
      safe: false,
      signal: options.signal,
    });
  }

  async #request<T>(options: RequestOptions<T>): Promise<T> {
    // One id per call, the same for its automatic retries: the service applies it at most once.
    const requestId = options.headers?.[HEADERS.requestId] ?? crypto.randomUUID();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#attempt(options, requestId);
      } catch (error) {
        const again =
          options.safe &&
          attempt < this.#retries &&
          error instanceof ApiClientError &&
          error.retryable &&
          !options.signal?.aborted;
        if (!again) throw error;
        await sleep(this.#retryDelayMs * 2 ** attempt);
      }
    }
  }

  async #attempt<T>(options: RequestOptions<T>, requestId: string): Promise<T> {
    const correlationId = this.#correlationId;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    const forwardAbort = () => controller.abort();
    options.signal?.addEventListener('abort', forwardAbort, { once: true });
    if (options.signal?.aborted) controller.abort();
    let response: Response;
    let json: unknown;
    try {
      response = await this.#fetch(this.#base + options.path, {
        method: options.method,
        headers: {
          Accept: 'application/json',
          // Marks the call as the site's own: with the proxy, a PUT or POST without it is refused.
          [HEADERS.requestedWith]: REQUESTED_WITH_SITE,
          [HEADERS.correlationId]: correlationId,
          [HEADERS.requestId]: requestId,
          ...(this.#locale ? { [HEADERS.locale]: this.#locale } : {}),
          ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        signal: controller.signal,
      });
      json = await readJson(response);
    } catch (error) {
      const kind = timedOut ? 'timeout' : options.signal?.aborted ? 'aborted' : 'network';
      throw new ApiClientError(kind, CLIENT_MESSAGE_KEYS[kind], { correlationId, cause: error });
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', forwardAbort);
    }

    if (!response.ok) {
      const body = ApiErrorSchema.safeParse(json);
      const error = body.success ? body.data : undefined;
      const recovered = options.recover?.(response.status, error);
      if (recovered !== undefined) return recovered;
      const messageKey = failureMessageKey(response.status, error);
      const retryAfterSeconds = parseRetryAfter(response.headers.get(HEADERS.retryAfter));
      const code = errorCodeOf(error);
      throw new ApiClientError('http', messageKey, {
        status: response.status,
        ...(code !== undefined ? { code } : {}),
        fieldIssues: fieldIssuesOf(error),
        conflict: isConcurrencyConflict(response.status, error),
        ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
        ...(response.status === 401 && error?.signInUrl ? { signInUrl: error.signInUrl } : {}),
        correlationId,
      });
    }
    if (json === undefined && options.emptyBody !== undefined) return options.emptyBody;
    const parsed = options.schema.safeParse(json);
    if (!parsed.success) {
      throw new ApiClientError('invalidResponse', CLIENT_MESSAGE_KEYS.invalidResponse, {
        status: response.status,
        correlationId,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }
}
