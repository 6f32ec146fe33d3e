import * as z from 'zod/mini';
import { AddressFieldsSchema, AddressSchema, type Address } from './address.ts';
import { FieldIssueSchema } from './errors.ts';

/**
 * `POST /v1/validations/address` body: the address to check (Swagger `Address`).
 * https://learn.microsoft.com/en-us/partner-center/developer/validate-an-address
 */
export const AddressValidationRequestSchema = AddressFieldsSchema;

/**
 * Every status the current address validation answers, as Microsoft documents them:
 * - `VerifiedShippable`, `Verified`: the address is valid.
 * - `InteractionRequired`: the person must confirm or choose (a suggestion may be given).
 * - `StreetPartial`, `PremisesPartial`: the street or the building was only partly matched.
 * - `Multiple`: several addresses match; the suggestions list them.
 * - `None`: the address is incorrect.
 * - `NotValidated`: the address could not be checked (it is not known to be wrong).
 */
export const ADDRESS_VALIDATION_STATUSES = [
  'VerifiedShippable',
  'Verified',
  'InteractionRequired',
  'StreetPartial',
  'PremisesPartial',
  'Multiple',
  'None',
  'NotValidated',
] as const;

/** Outcome of an address check. */
export const AddressValidationStatusSchema = z.enum(ADDRESS_VALIDATION_STATUSES);

/** Outcome of an address check. */
export type AddressValidationStatus = z.infer<typeof AddressValidationStatusSchema>;

/**
 * `POST /v1/validations/address` response of the current generation:
 * `{ originalAddress, suggestedAddresses[], status, validationMessage? }`. Read tolerantly: the
 * status is any string (an unknown one is treated as `NotValidated`), the message is absent when
 * the address is verified, and unknown fields are kept.
 * https://learn.microsoft.com/en-us/partner-center/developer/validate-an-address
 */
export const AddressValidationResponseSchema = z.looseObject({
  /** The address as sent. */
  originalAddress: z.optional(AddressSchema),
  /** Addresses to offer the person; empty or absent when there is nothing to suggest. */
  suggestedAddresses: z.optional(z.nullable(z.array(AddressSchema))),
  /** Outcome of the check, one of `ADDRESS_VALIDATION_STATUSES`. */
  status: z.string(),
  /** The service's explanation, in the requested `X-Locale` where it has one. */
  validationMessage: z.optional(z.nullable(z.string())),
  /** Extra (not in Partner Center, optional): what is wrong, per field, as message keys. */
  issues: z.optional(z.array(FieldIssueSchema)),
});

/** Result of an address check. */
export type AddressValidationResponse = z.infer<typeof AddressValidationResponseSchema>;

/** What the widget does with a check: submit, offer suggestions, mark the address, or warn. */
export type AddressCheckOutcome = 'verified' | 'suggest' | 'incorrect' | 'unchecked';

const OUTCOMES: Readonly<Record<AddressValidationStatus, AddressCheckOutcome>> = {
  VerifiedShippable: 'verified',
  Verified: 'verified',
  InteractionRequired: 'suggest',
  StreetPartial: 'suggest',
  PremisesPartial: 'suggest',
  Multiple: 'suggest',
  None: 'incorrect',
  NotValidated: 'unchecked',
};

/** What a status means for the person submitting; unknown statuses are `unchecked`. */
export function addressCheckOutcome(status: string): AddressCheckOutcome {
  return Object.hasOwn(OUTCOMES, status)
    ? OUTCOMES[status as AddressValidationStatus]
    : 'unchecked';
}

/** The error code of the 2017 generation's failed check (HTTP 400). */
export const LEGACY_ADDRESS_INVALID_CODE = 2007;

/**
 * The JSON inside the `description` of the 2017 generation's 400/2007 answer, with the address
 * the service corrected in snake case (`region` is the state there).
 * https://learn.microsoft.com/en-us/partner-center/developer/validate-an-address (2017 version)
 */
export const LegacyAddressCorrectionSchema = z.looseObject({
  /** The address service's own code, like `60071`. */
  code: z.optional(z.union([z.string(), z.number()])),
  /** What was wrong, with HTML entities (`&#39;`). */
  reason: z.optional(z.nullable(z.string())),
  /** The address the service would use instead. */
  corrected_address: z.optional(
    z.nullable(
      z.looseObject({
        country: z.optional(z.string()),
        region: z.optional(z.nullable(z.string())),
        city: z.optional(z.nullable(z.string())),
        address_line1: z.optional(z.nullable(z.string())),
        address_line2: z.optional(z.nullable(z.string())),
        address_line3: z.optional(z.nullable(z.string())),
        postal_code: z.optional(z.nullable(z.string())),
      }),
    ),
  ),
});

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Turns the HTML character references the 2017 `reason` carries into plain text. */
export function decodeCharacterReferences(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (reference, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : reference;
    }
    return ENTITIES[name.toLowerCase()] ?? reference;
  });
}

/**
 * Reads the 2017 generation's 400/2007 answer as a current-generation response: a corrected
 * address becomes an `InteractionRequired` suggestion, no correction means `None` (the address is
 * incorrect). Returns `undefined` when the description is not that generation's JSON.
 */
export function readLegacyAddressValidation(
  original: Address,
  description: string | undefined,
): AddressValidationResponse | undefined {
  let json: unknown;
  try {
    json = JSON.parse(description ?? '');
  } catch {
    return undefined;
  }
  const parsed = LegacyAddressCorrectionSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { reason, corrected_address: corrected } = parsed.data;
  const validationMessage = reason ? decodeCharacterReferences(reason) : undefined;
  let suggestion: Address | undefined;
  if (corrected) {
    suggestion = { ...original, country: corrected.country ?? original.country };
    const fields = [
      ['state', corrected.region],
      ['city', corrected.city],
      ['addressLine1', corrected.address_line1],
      ['addressLine2', corrected.address_line2],
      ['addressLine3', corrected.address_line3],
      ['postalCode', corrected.postal_code],
    ] as const;
    for (const [field, value] of fields) if (typeof value === 'string') suggestion[field] = value;
  }
  return {
    originalAddress: original,
    suggestedAddresses: suggestion ? [suggestion] : [],
    status: suggestion ? 'InteractionRequired' : 'None',
    ...(validationMessage ? { validationMessage } : {}),
  };
}
