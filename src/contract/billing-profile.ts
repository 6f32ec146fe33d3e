import * as z from 'zod/mini';
import {
  AddressFieldsSchema,
  AddressSchema,
  makeAddressSchema,
  requiredText,
  FIELD_LIMITS,
  type AddressRuleOptions,
} from './address.ts';
import { ResourceAttributesSchema, ResourceLinksSchema } from './http.ts';

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

/**
 * A culture as Partner Center lists them: language, optional script, region (`ja-JP`,
 * `az-Latn-AZ`, `sr-Cyrl-RS`, `es-419`).
 */
const cultureSchema = z
  .string()
  .check(
    z.regex(/^[a-zA-Z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?$/, 'validation.culture.format'),
  );

/** A language as Partner Center lists them: `ja`, `zh-Hant`, `pt-BR`. */
const languageSchema = z
  .string()
  .check(z.regex(/^[a-zA-Z]{2,3}(-[A-Za-z]{2,4})?$/, 'validation.language.format'));

const text = z.optional(z.nullable(z.string()));

/**
 * `GET /v1/customers/{id}/profiles/billing`: a billing profile as the service sends it (Swagger
 * `CustomerBillingProfile`), read tolerantly: fields it may leave out are optional, and fields
 * this contract does not know are kept, so a PUT of the whole resource sends them back.
 * https://learn.microsoft.com/en-us/partner-center/developer/get-a-customer-s-billing-profile
 */
export const CustomerBillingProfileSchema = z.looseObject({
  /** Id of the billing profile (not the customer id). */
  id: text,
  /** First name of the billing contact. */
  firstName: text,
  /** Last name of the billing contact. */
  lastName: text,
  /** Email address of the billing contact. */
  email: text,
  /** Culture for invoices and mail, like `ja-JP`. */
  culture: text,
  /** Language for communication, like `ja`. */
  language: text,
  /** Legal name of the company; it is also the customer's company name. */
  companyName: text,
  /** Billing address. */
  defaultAddress: AddressSchema,
  /** Link to this profile. */
  links: z.optional(ResourceLinksSchema),
  /** The ETag (required to update) and the object type. */
  attributes: z.extend(ResourceAttributesSchema, {
    /** Version tag of this profile; sent back in `attributes.etag` and `If-Match` to update. */
    etag: z.string(),
  }),
});

/** A billing profile as the service sends it. */
export type CustomerBillingProfile = z.infer<typeof CustomerBillingProfileSchema>;

/**
 * The editable fields of a billing profile with their lengths, as a client writes them, without
 * the country rules on the address. Per-step schemas start here:
 * `z.pick(BillingProfileFieldsSchema, { email: true })`.
 * https://learn.microsoft.com/en-us/partner-center/developer/update-a-customer-s-billing-profile
 */
export const BillingProfileFieldsSchema = z.object({
  /** Id of the billing profile, sent back as it came. */
  id: text,
  /** First name of the billing contact. */
  firstName: requiredText('firstName'),
  /** Last name of the billing contact. */
  lastName: requiredText('lastName'),
  /** Email address of the billing contact. */
  email: emailSchema,
  /** Culture for invoices and mail, like `ja-JP` or `az-Latn-AZ`. */
  culture: cultureSchema,
  /** Language for communication, like `ja`. */
  language: languageSchema,
  /** Legal name of the company; it is also the customer's company name. */
  companyName: requiredText('companyName'),
  /** Billing address; its country cannot change. */
  defaultAddress: AddressFieldsSchema,
  /** Links, sent back as they came; the service ignores them. */
  links: z.optional(z.unknown()),
  /** The ETag of the version the edit started from, in `attributes.etag` as the service expects. */
  attributes: z.optional(z.looseObject({ etag: z.optional(z.string()) })),
});

/**
 * Builds the schema for `PUT /v1/customers/{id}/profiles/billing` bodies and for the widget's
 * form: every field plus the address checked against its country's rules (`options.rules`, as
 * the endpoint serves them; without rules only lengths and formats are checked).
 *
 * The phone check is injected because libphonenumber-js is too large for the widget's first
 * load: the widget passes `isValidPhone` from `./phone.ts`, which it imports when the Update step
 * opens. Unknown fields are not part of the output; the widget sends the whole resource back.
 */
export function makeBillingProfileUpdateSchema(options: AddressRuleOptions = {}) {
  return z.extend(BillingProfileFieldsSchema, {
    /** Billing address, checked against the country rules. */
    defaultAddress: makeAddressSchema(options),
  });
}

/** Update schema without country rules or phone metadata: the field lengths and formats. */
export const BillingProfileUpdateSchema = makeBillingProfileUpdateSchema();

/** A billing profile as a client sends it to update. */
export type BillingProfileUpdate = z.infer<typeof BillingProfileUpdateSchema>;
