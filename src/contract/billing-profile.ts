import * as z from 'zod/mini';
import {
  AddressFieldsSchema,
  makeAddressSchema,
  requiredText,
  FIELD_LIMITS,
  type AddressRuleOptions,
} from './address.ts';
import { LinkSchema } from './http.ts';

/**
 * zod's own email pattern (`z.regexes.email`), kept here so the widget does not bundle zod's whole
 * table of regexes for this one (2.6 KB gzipped); a test checks the two stay the same.
 */
export const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

const emailSchema = z.string().check(
  z.refine((value: string) => value.trim() !== '', 'validation.email.required'),
  z.maxLength(FIELD_LIMITS.email, 'validation.email.tooLong'),
  z.refine(
    (value: string) => value.trim() === '' || EMAIL_PATTERN.test(value),
    'validation.email.format',
  ),
);

const cultureSchema = z
  .string()
  .check(z.regex(/^[a-z]{2,3}-[A-Z]{2}$/, 'validation.culture.format'));

const languageSchema = z
  .string()
  .check(z.regex(/^[a-z]{2,3}(-[A-Za-z]{4})?$/, 'validation.language.format'));

/** Metadata of a billing profile; the ETag guards updates. */
export const BillingProfileAttributesSchema = z.object({
  /** Version tag of this profile; send it back in `If-Match` to update. */
  etag: z.string(),
  /** Object type marker. */
  objectType: z.literal('CustomerBillingProfile'),
});

/** Links of a billing profile. */
export const BillingProfileLinksSchema = z.object({
  /** The profile itself. */
  self: LinkSchema,
});

/**
 * The editable fields of a billing profile with their lengths, without the country rules on the
 * address. Per-step schemas start here: `z.pick(BillingProfileFieldsSchema, { email: true })`.
 */
export const BillingProfileFieldsSchema = z.object({
  /** Id of the billing profile (not the customer id). */
  id: z.optional(z.string()),
  /** First name of the billing contact. */
  firstName: requiredText('firstName'),
  /** Last name of the billing contact. */
  lastName: requiredText('lastName'),
  /** Email address of the billing contact. */
  email: emailSchema,
  /** Culture for invoices and mail, like `ja-JP`. */
  culture: cultureSchema,
  /** Language for communication, like `ja`. */
  language: languageSchema,
  /** Legal name of the company; it is also the customer's company name. */
  companyName: requiredText('companyName'),
  /** Billing address; its country cannot change. */
  defaultAddress: AddressFieldsSchema,
});

/** `GET /v1/customers/{id}/profiles/billing`: a billing profile as the API sends it. */
export const CustomerBillingProfileSchema = z.extend(BillingProfileFieldsSchema, {
  /** Id of the billing profile. */
  id: z.string(),
  /** Link to this profile. */
  links: BillingProfileLinksSchema,
  /** ETag and object type. */
  attributes: BillingProfileAttributesSchema,
});

/** A billing profile as the API sends it. */
export type CustomerBillingProfile = z.infer<typeof CustomerBillingProfileSchema>;

/**
 * Builds the schema for `PUT /v1/customers/{id}/profiles/billing` bodies and for the widget's
 * form: every field plus the address checked against its country's rules.
 *
 * The phone check is injected because libphonenumber-js is too large for the widget's first
 * load: the widget validates with `BillingProfileUpdateSchema` at once, then
 * `await import('./phone.ts')` and uses its `StrictBillingProfileUpdateSchema` (or passes
 * `isValidPhone` here) before submitting. The server always uses the strict one.
 */
export function makeBillingProfileUpdateSchema(options: AddressRuleOptions = {}) {
  return z.extend(BillingProfileFieldsSchema, {
    /** Billing address, checked against the country rules. */
    defaultAddress: makeAddressSchema(options),
    /** Links are ignored on update. */
    links: z.optional(z.unknown()),
    /** Attributes are ignored on update; the ETag travels in `If-Match`. */
    attributes: z.optional(z.unknown()),
  });
}

/** Update schema with the loose phone pattern only; loads no phone metadata. */
export const BillingProfileUpdateSchema = makeBillingProfileUpdateSchema();

/** A billing profile as a client sends it to update. */
export type BillingProfileUpdate = z.infer<typeof BillingProfileUpdateSchema>;
