import * as z from 'zod/mini';
import type { core } from 'zod/mini';
import type { MessageKey } from './messages.ts';

/**
 * The `code` of the errors the reference server sends. Where Partner Center has a code for the
 * same condition it is used (2055 stale ETag, 1000 not found, 400 access denied, 800002 invalid
 * request input, 800003 unexpected service error; see its REST error code table); the server's
 * own conditions use 70000–70099, a range Partner Center's table does not use, so a client never
 * mistakes one for a real code (Partner Center's 2001, for one, is about subscription quantities).
 * https://learn.microsoft.com/en-us/partner-center/developer/error-codes
 */
export const ERROR_CODES = {
  badRequest: 800002,
  invalidJson: 70001,
  unauthorized: 400,
  signInRequired: 70010,
  crossSiteRequest: 70011,
  notFound: 1000,
  customerNotFound: 70021,
  countryNotFound: 70022,
  methodNotAllowed: 70030,
  idempotencyKeyReused: 70040,
  concurrencyConflict: 2055,
  preconditionRequired: 70056,
  payloadTooLarge: 70060,
  unsupportedMediaType: 70061,
  tooManyRequests: 70070,
  internal: 800003,
  serviceUnavailable: 70091,
} as const;

/** Partner Center's code for "Etag is no longer valid" (HTTP 400). */
export const STALE_ETAG_CODE = ERROR_CODES.concurrencyConflict;

/** The name of an error code, which is also its message key suffix (`error.<name>`). */
export type ErrorName = keyof typeof ERROR_CODES;

/** One field that failed validation. */
export const FieldIssueSchema = z.object({
  /** Dot path of the field in the request body or query, like `defaultAddress.postalCode`. */
  field: z.string(),
  /** i18n key of the message to show, like `validation.postalCode.format`. */
  messageKey: z.string(),
  /** Values for the message's placeholders, like `{ example: '100-0001' }`. */
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});

/** One field that failed validation. */
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/**
 * The body of an error response as Partner Center documents it: `{ code, description, data,
 * source }`. Read tolerantly: `code` is a number in the examples and a string in the table,
 * `description` may itself be JSON (address validation's 2007), `data` holds error objects of any
 * shape. `messageKey` and field issues in `data` are this contract's optional extras.
 * https://learn.microsoft.com/en-us/partner-center/developer/error-codes#error-responses
 */
export const ApiErrorSchema = z.looseObject({
  /** Error code, like 2055; a number or a numeric string. */
  code: z.optional(z.union([z.number(), z.string()])),
  /** English text for logs and developers; show the translated `messageKey` to people instead. */
  description: z.optional(z.nullable(z.string())),
  /** Extra: i18n key for the error as a whole, like `error.concurrencyConflict`. */
  messageKey: z.optional(z.string()),
  /** Error objects; the reference server's validation errors put one field issue in each. */
  data: z.optional(z.nullable(z.array(z.unknown()))),
  /** The component that produced the error. */
  source: z.optional(z.nullable(z.string())),
  /**
   * Extra, with HTTP 401 from our proxy (`signInRequired`): the same-site path that starts sign-in,
   * like `/auth/sign-in`. The widget adds `returnTo` and must accept only a same-origin path.
   */
  signInUrl: z.optional(z.string()),
});

/** The body of an error response. */
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** The body the reference server writes: the documented fields, all present. */
export interface ApiErrorBody {
  code: number;
  description: string;
  messageKey?: string;
  data: FieldIssue[];
  source: string;
  signInUrl?: string;
}

/** An error body's `code` as a number (`"2055"` → 2055), or `undefined`. */
export function errorCodeOf(error: Pick<ApiError, 'code'> | undefined): number | undefined {
  const code = error?.code;
  if (typeof code === 'number') return code;
  return typeof code === 'string' && /^\d+$/.test(code.trim()) ? Number(code) : undefined;
}

/** The field issues among an error body's `data` (the reference server's extra). */
export function fieldIssuesOf(error: Pick<ApiError, 'data'> | undefined): FieldIssue[] {
  return (error?.data ?? []).flatMap((entry) => {
    const parsed = FieldIssueSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Whether a failed update was refused for a stale ETag: Partner Center answers HTTP 400 with
 * code 2055; HTTP 412 (Precondition Failed) is accepted too, from proxies that speak plain HTTP.
 */
export function isConcurrencyConflict(status: number, error: ApiError | undefined): boolean {
  return status === 412 || (status === 400 && errorCodeOf(error) === STALE_ETAG_CODE);
}

/** Message key for a whole-request error code (the widget's fallback when it knows no better). */
export function errorMessageKey(code: number): MessageKey {
  const name = (Object.keys(ERROR_CODES) as ErrorName[]).find((key) => ERROR_CODES[key] === code);
  return name ? (`error.${name}` as MessageKey) : 'error.internal';
}

const FALLBACK_KEYS: Partial<Record<core.$ZodIssue['code'], MessageKey>> = {
  invalid_type: 'validation.invalidType',
  too_small: 'validation.required',
  too_big: 'validation.tooLong',
};

/**
 * Turns zod issues into field issues. Schemas in this contract put a message key into each
 * issue's `message`; a custom issue's `params` and a length check's bound become message params.
 */
export function toFieldIssues(issues: readonly core.$ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const params: Record<string, string | number> = {};
    if (issue.code === 'too_big' && typeof issue.maximum === 'number')
      params['max'] = issue.maximum;
    if (issue.code === 'too_small' && typeof issue.minimum === 'number')
      params['min'] = issue.minimum;
    if (issue.code === 'custom' && issue.params) {
      for (const [name, value] of Object.entries(issue.params)) {
        if (typeof value === 'string' || typeof value === 'number') params[name] = value;
      }
    }
    // A prefix test rather than a lookup keeps the English message table out of the widget bundle.
    const messageKey = issue.message.startsWith('validation.')
      ? issue.message
      : (FALLBACK_KEYS[issue.code] ?? 'validation.invalidType');
    const field = issue.path.map(String).join('.');
    return Object.keys(params).length > 0 ? { field, messageKey, params } : { field, messageKey };
  });
}
