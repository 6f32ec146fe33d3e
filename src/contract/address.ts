import * as z from 'zod/mini';
import type { core } from 'zod/mini';
import { getCountryRules, rulePattern } from './country-rules.ts';
import type { MessageKey, MessageParams } from './messages.ts';

/**
 * Checks a phone number for a country (ISO alpha-2). The real one lives in `./phone.ts` because
 * libphonenumber-js is large; schemas take it as an option so the widget can load it on demand.
 */
export type PhoneValidator = (phoneNumber: string, country: string) => boolean;

/** Field lengths as Partner Center enforces them. */
export const FIELD_LIMITS = {
  firstName: 50,
  lastName: 50,
  companyName: 200,
  email: 250,
  addressLine1: 200,
  addressLine2: 200,
  city: 100,
  state: 100,
  region: 100,
  postalCode: 20,
  phoneNumber: 40,
} as const;

type LimitedField = keyof typeof FIELD_LIMITS;

/** A string that must contain something besides spaces, with the field's length limit. */
export function requiredText(field: LimitedField) {
  return z.string().check(
    // Not `abort`: an aborted issue would stop the address rules from reporting the other fields.
    z.refine((value: string) => value.trim() !== '', `validation.${field}.required`),
    z.maxLength(FIELD_LIMITS[field], `validation.${field}.tooLong`),
  );
}

/** An optional string with the field's length limit. */
export function optionalText(field: LimitedField) {
  return z.optional(
    z.string().check(z.maxLength(FIELD_LIMITS[field], `validation.${field}.tooLong`)),
  );
}

/**
 * An address's fields and their lengths, without the country rules: the shape responses are
 * read with, and the base for per-step schemas (`z.pick`, `z.extend`).
 */
export const AddressFieldsSchema = z.object({
  /** ISO 3166-1 alpha-2 country code, like `JP`. */
  country: z.string().check(z.regex(/^[A-Za-z]{2}$/, 'validation.country.format')),
  /** Region within the country, where the country uses one. */
  region: optionalText('region'),
  /** City, ward or town (`千代田区`, `台北市`, `Redmond`). */
  city: z.string().check(z.maxLength(FIELD_LIMITS.city, 'validation.city.tooLong')),
  /** State, prefecture or province, from the country's `supportedStatesList` when it has one. */
  state: optionalText('state'),
  /** First line of the street address. */
  addressLine1: requiredText('addressLine1'),
  /** Second line of the street address. */
  addressLine2: optionalText('addressLine2'),
  /** Postal code in the country's format, like `100-0001`. */
  postalCode: optionalText('postalCode'),
  /** First name of the contact at this address. */
  firstName: optionalText('firstName'),
  /** Last name of the contact at this address. */
  lastName: optionalText('lastName'),
  /** Phone number, national or international format, valid for the country. */
  phoneNumber: optionalText('phoneNumber'),
});

/** An address as the API sends it. */
export type Address = z.infer<typeof AddressFieldsSchema>;

/** Options for schemas that validate addresses against the country rules. */
export interface AddressRuleOptions {
  /** Full phone check; without it only the rules' loose `phoneNumberRegex` is applied. */
  isValidPhone?: PhoneValidator | undefined;
}

type RuleIssue = { field: keyof Address; key: MessageKey; params?: MessageParams };

/**
 * Checks an address against its country's rules and returns what is wrong. Used by the address
 * schema and by `POST /v1/validations/address`, so both report the same keys.
 */
export function checkAddressRules(address: Address, options: AddressRuleOptions = {}): RuleIssue[] {
  const rules = getCountryRules(address.country);
  if (!rules) {
    return [
      {
        field: 'country',
        key: 'validation.country.unsupported',
        params: { country: address.country },
      },
    ];
  }
  const issues: RuleIssue[] = [];
  const example = rules.postalCodeExample;
  if (rules.isCityRequired && address.city.trim() === '') {
    issues.push({ field: 'city', key: 'validation.city.required' });
  }
  const state = address.state?.trim() ?? '';
  if (rules.isStateRequired && state === '') {
    issues.push({ field: 'state', key: 'validation.state.required' });
  } else if (
    state !== '' &&
    rules.supportedStatesList.length > 0 &&
    !rules.supportedStatesList.includes(state)
  ) {
    issues.push({ field: 'state', key: 'validation.state.unknown' });
  }
  const postalCode = address.postalCode?.trim() ?? '';
  if (postalCode === '') {
    if (rules.isPostalCodeRequired)
      issues.push({
        field: 'postalCode',
        key: 'validation.postalCode.required',
        params: { example },
      });
  } else if (!rulePattern(rules.postalCodeRegex).test(postalCode)) {
    issues.push({ field: 'postalCode', key: 'validation.postalCode.format', params: { example } });
  }
  const phone = address.phoneNumber?.trim() ?? '';
  if (phone !== '') {
    const shapeOk = !rules.phoneNumberRegex || rulePattern(rules.phoneNumberRegex).test(phone);
    if (!shapeOk || (options.isValidPhone && !options.isValidPhone(phone, rules.iso2Code))) {
      issues.push({
        field: 'phoneNumber',
        key: 'validation.phoneNumber.format',
        params: { example: rules.phoneNumberExample },
      });
    }
  }
  return issues;
}

/**
 * Builds the address schema that enforces the country rules on top of the field lengths.
 * Fields that already failed their own check are not reported twice.
 */
export function makeAddressSchema(options: AddressRuleOptions = {}) {
  return AddressFieldsSchema.check(
    z.check<Address>(
      (payload) => {
        const failed = new Set(payload.issues.map((issue) => issue.path?.[0]));
        if (failed.has('country')) return;
        for (const issue of checkAddressRules(payload.value, options)) {
          if (failed.has(issue.field)) continue;
          payload.issues.push({
            code: 'custom',
            path: [issue.field],
            message: issue.key,
            input: payload.value[issue.field],
            ...(issue.params ? { params: { ...issue.params } } : {}),
          } satisfies core.$ZodRawIssue);
        }
      },
      // Run even when other fields failed, so a form shows every problem at once.
      {
        when: (payload) => isRecord(payload.value) && typeof payload.value['country'] === 'string',
      },
    ),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The address schema with the country rules and the loose phone pattern (no libphonenumber). */
export const AddressSchema = makeAddressSchema();

const FULL_WIDTH_FORMS = /[\uFF01-\uFF5E\u3000]/g;

/** Folds full-width ASCII and the ideographic space to their plain forms (`１００` → `100`). */
export function toHalfWidth(value: string): string {
  return value.replace(FULL_WIDTH_FORMS, (char) =>
    char === '\u3000' ? ' ' : String.fromCharCode(char.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Rewrites a postal code into its country's canonical form (`1000001` → `100-0001`,
 * `k1a0b1` → `K1A 0B1`, `sw1a1aa` → `SW1A 1AA`). Returns the input, tidied, when it cannot.
 */
export function normalizePostalCode(country: string, postalCode: string): string {
  const tidy = toHalfWidth(postalCode).trim().replace(/\s+/g, ' ');
  const compact = tidy.replace(/[\s-]/g, '').toUpperCase();
  switch (country.toUpperCase()) {
    case 'JP':
      return /^\d{7}$/.test(compact) ? `${compact.slice(0, 3)}-${compact.slice(3)}` : tidy;
    case 'BR':
      return /^\d{8}$/.test(compact) ? `${compact.slice(0, 5)}-${compact.slice(5)}` : tidy;
    case 'CA':
      return /^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(compact)
        ? `${compact.slice(0, 3)} ${compact.slice(3)}`
        : tidy;
    case 'GB':
      return /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)
        ? `${compact.slice(0, -3)} ${compact.slice(-3)}`
        : tidy.toUpperCase();
    case 'US':
      if (/^\d{9}$/.test(compact)) return `${compact.slice(0, 5)}-${compact.slice(5)}`;
      return /^\d{5}$/.test(compact) ? compact : tidy;
    case 'IN':
    case 'DE':
    case 'FR':
    case 'CN':
    case 'KR':
    case 'AU':
    case 'TW':
      return /^\d+$/.test(compact) ? compact : tidy;
    default:
      return tidy;
  }
}

function tidyText(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Finds the state list entry a person meant: `wa` → `WA`, `東京都` or `東京` → `Tokyo`. */
export function normalizeState(country: string, state: string): string {
  const tidy = tidyText(state);
  const rules = getCountryRules(country);
  if (!rules || tidy === '') return tidy;
  const folded = tidy.toLowerCase();
  const byCode = rules.supportedStatesList.find((entry) => entry.toLowerCase() === folded);
  if (byCode) return byCode;
  for (const [entry, localName] of Object.entries(rules.stateDisplayNames ?? {})) {
    // Japanese prefectures are often written without 都/府/県, Chinese provinces without 省/市.
    const name = localName.toLowerCase();
    if (name === folded || name.replace(/[都府県省市]$/, '') === folded) return entry;
  }
  return tidy;
}

/**
 * The canonical form of an address: NFKC text (full-width digits and letters become ASCII,
 * half-width katakana full-width), single spaces, upper-case country, the state as its list
 * entry, and the postal code in the country's format.
 */
export function normalizeAddress(address: Address): Address {
  const country = address.country.trim().toUpperCase();
  const result: Address = {
    ...address,
    country,
    city: tidyText(address.city),
    addressLine1: tidyText(address.addressLine1),
  };
  for (const field of ['region', 'addressLine2', 'firstName', 'lastName', 'phoneNumber'] as const) {
    const value = address[field];
    if (value !== undefined) result[field] = tidyText(value);
  }
  if (address.state !== undefined) result.state = normalizeState(country, address.state);
  if (address.postalCode !== undefined)
    result.postalCode = normalizePostalCode(country, address.postalCode);
  return result;
}
