import * as z from 'zod/mini';
import type { core } from 'zod/mini';
import type { MessageKey } from './messages.ts';

/**
 * Numeric error codes in the `code` field of every error body. 2055 is Partner Center's code
 * for a stale ETag; the rest are this API's own, stable for clients to branch on.
 */
export const ERROR_CODES = {
  badRequest: 2000,
  invalidJson: 2001,
  unauthorized: 2010,
  notFound: 2020,
  customerNotFound: 2021,
  countryNotFound: 2022,
  methodNotAllowed: 2030,
  idempotencyKeyReused: 2040,
  concurrencyConflict: 2055,
  preconditionRequired: 2056,
  payloadTooLarge: 2060,
  unsupportedMediaType: 2061,
  tooManyRequests: 2070,
  internal: 2090,
  serviceUnavailable: 2091,
} as const;

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

/** The body of every error response, in Partner Center's shape. */
export const ApiErrorSchema = z.object({
  /** Numeric error code from `ERROR_CODES`. */
  code: z.number(),
  /** English text for logs and developers; show the translated `messageKey` to people instead. */
  description: z.string(),
  /** i18n key for the error as a whole, like `error.concurrencyConflict`. */
  messageKey: z.optional(z.string()),
  /** For validation errors (400), one entry per failed field. */
  data: z.optional(z.array(FieldIssueSchema)),
  /** The component that produced the error. */
  source: z.string(),
});

/** The body of every error response. */
export type ApiError = z.infer<typeof ApiErrorSchema>;

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
