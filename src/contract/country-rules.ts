import * as z from 'zod/mini';

const optionalStrings = z.optional(z.array(z.string()));

/**
 * `GET /v1/countryvalidationrules/{iso2}`: the rules an address must follow in one country, field
 * for field as Partner Center sends them (Swagger `CustomerCountryValidationRules`; the recorded
 * US answer is in `tests/fixtures/partner-center/`).
 * https://learn.microsoft.com/en-us/partner-center/developer/get-market-specific-validation-data
 *
 * Read tolerantly: every field the service may leave out is optional and unknown fields are kept.
 * The rules are the only source of what a country requires; built-in data (`country-hints.ts`)
 * only adds examples and state names.
 */
export const CountryValidationRulesSchema = z.looseObject({
  /** ISO 3166-1 alpha-2 code of the country these rules describe. */
  iso2Code: z.string(),
  /** The country's default culture, like `en-US`. */
  defaultCulture: z.optional(z.string()),
  /** Whether the address must name a state (prefecture, province). */
  isStateRequired: z.optional(z.boolean()),
  /** The accepted state values; empty or absent when the country has no state list. */
  supportedStatesList: optionalStrings,
  /** Language codes a customer in this country can use, like `en`. */
  supportedLanguagesList: optionalStrings,
  /** Culture codes a customer in this country can use, like `en-US`. */
  supportedCulturesList: optionalStrings,
  /** Whether the address must have a postal code. */
  isPostalCodeRequired: z.optional(z.boolean()),
  /** Pattern a postal code must match (.NET syntax; see `rulePattern`). */
  postalCodeRegex: z.optional(z.nullable(z.string())),
  /** Whether the address must name a city. */
  isCityRequired: z.optional(z.boolean()),
  /** Whether the country has VAT ids. */
  isVatIdSupported: z.optional(z.boolean()),
  /** Format of a tax id, like `US######`. */
  taxIdFormat: z.optional(z.nullable(z.string())),
  /** A sample tax id. */
  taxIdSample: z.optional(z.nullable(z.string())),
  /** Pattern of a VAT id. */
  vatIdRegex: z.optional(z.nullable(z.string())),
  /** Pattern a phone number must match (.NET syntax; see `rulePattern`). */
  phoneNumberRegex: z.optional(z.nullable(z.string())),
  /** Whether the country has tax ids. */
  isTaxIdSupported: z.optional(z.boolean()),
  /** Whether a tax id may be left out. */
  isTaxIdOptional: z.optional(z.boolean()),
  /** Pattern of an organization registration number. */
  customerOrganizationRegistrationNumberRegex: z.optional(z.nullable(z.string())),
  /** A sample organization registration number. */
  customerOrganizationRegistrationNumberSample: z.optional(z.nullable(z.string())),
  /** Whether an organization registration number is required. */
  customerOrganizationRegistrationNumberRequired: z.optional(z.boolean()),
  /** Whether the company's phone number is required. */
  customerOrganizationPhoneNumberRequired: z.optional(z.boolean()),
  /** International calling codes, like `1`. */
  countryCallingCodesList: optionalStrings,
  /** Object type marker (`CountryValidationRules`). */
  attributes: z.optional(z.looseObject({ objectType: z.optional(z.string()) })),
  /** Extra (not in Partner Center, optional): a valid postal code, for hints and messages. */
  postalCodeExample: z.optional(z.string()),
  /** Extra (not in Partner Center, optional): a valid phone number, for hints and messages. */
  phoneNumberExample: z.optional(z.string()),
});

/** The validation rules of one country. */
export type CountryValidationRules = z.infer<typeof CountryValidationRulesSchema>;

const LEGACY_LISTS = {
  states: 'supportedStatesList',
  supportedLanguages: 'supportedLanguagesList',
  supportedCultures: 'supportedCulturesList',
  countryCallingCodes: 'countryCallingCodesList',
} as const;

/**
 * The rules as any generation of the service sends them. The 2015 reference page shows lists
 * wrapped as `{ "states": { "value": [...] } }`; they are read as the current `…List` fields.
 */
export const CountryValidationRulesResponseSchema = z.pipe(
  z.transform((input: unknown) => {
    if (typeof input !== 'object' || input === null) return input;
    const record: Record<string, unknown> = { ...input };
    for (const [legacy, current] of Object.entries(LEGACY_LISTS)) {
      const wrapped = record[legacy];
      if (record[current] === undefined && typeof wrapped === 'object' && wrapped !== null) {
        const value = (wrapped as { value?: unknown }).value;
        if (Array.isArray(value)) record[current] = value;
      }
    }
    return record;
  }),
  CountryValidationRulesSchema,
);

const patternCache = new Map<string, RegExp | null>();

/**
 * Compiles a rules pattern once, or returns `undefined` when JavaScript cannot compile it (the
 * service writes .NET patterns): a pattern we cannot read never refuses what a partner typed;
 * the service checks again on submit.
 */
export function rulePattern(source: string | null | undefined): RegExp | undefined {
  if (!source) return undefined;
  let pattern = patternCache.get(source);
  if (pattern === undefined) {
    try {
      pattern = new RegExp(source);
    } catch {
      pattern = null;
    }
    patternCache.set(source, pattern);
  }
  return pattern ?? undefined;
}
