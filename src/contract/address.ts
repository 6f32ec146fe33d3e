import * as z from 'zod/mini';
import type { core } from 'zod/mini';
import { countryHints } from './country-hints.ts';
import { rulePattern, type CountryValidationRules } from './country-rules.ts';
import type { MessageKey, MessageParams } from './messages.ts';

/**
 * Checks a phone number for a country (ISO alpha-2). The real one lives in `./phone.ts` because
 * libphonenumber-js is large; schemas take it as an option so the widget can load it on demand.
 */
export type PhoneValidator = (phoneNumber: string, country: string) => boolean;

/** Field lengths as Partner Center enforces them. */
export const FIELD_LIMITS = {
  firstName: 50,
  middleName: 50,
  lastName: 50,
  companyName: 200,
  email: 250,
  emailAddress: 250,
  addressLine1: 200,
  addressLine2: 200,
  addressLine3: 200,
  city: 100,
  district: 100,
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

/**
 * An optional string with the field's length limit; `null` is accepted as "not given", as
 * Partner Center's own request example sends it (`"Region": null`).
 */
export function optionalText(field: LimitedField) {
  return z.optional(
    z.nullable(z.string().check(z.maxLength(FIELD_LIMITS[field], `validation.${field}.tooLong`))),
  );
}

const text = z.optional(z.nullable(z.string()));

/**
 * An address as Partner Center sends it (Swagger `Address`), read tolerantly: only the country is
 * required, `null` means absent, and fields this contract does not know are kept.
 * https://learn.microsoft.com/en-us/partner-center/developer/utility-resources#address
 */
export const AddressSchema = z.looseObject({
  /** Id of the address, when the service gives one. */
  id: text,
  /** ISO 3166-1 alpha-2 country code, like `JP`. */
  country: z.string(),
  /** Region within the country, where the country uses one. */
  region: text,
  /** City, ward or town (`千代田区`, `台北市`, `Redmond`). */
  city: text,
  /** State, prefecture or province, from the country's `supportedStatesList` when it has one. */
  state: text,
  /** District, where the country uses one. */
  district: text,
  /** First line of the street address. */
  addressLine1: text,
  /** Second line of the street address. */
  addressLine2: text,
  /** Third line of the street address. */
  addressLine3: text,
  /** Postal code in the country's format, like `100-0001`. */
  postalCode: text,
  /** First name of the contact at this address. */
  firstName: text,
  /** Middle name of the contact at this address. */
  middleName: text,
  /** Last name of the contact at this address. */
  lastName: text,
  /** Email address of the contact at this address. */
  emailAddress: text,
  /** Phone number, national or international format. */
  phoneNumber: text,
});

/** An address as the service sends it. */
export type Address = z.infer<typeof AddressSchema>;

/**
 * An address as a client writes it: the fields of `AddressSchema` with Partner Center's lengths,
 * a two-letter country, a city and a first line, without the country rules. The base for per-step
 * schemas (`z.pick`, `z.extend`) and for `makeAddressSchema`.
 */
export const AddressFieldsSchema = z.object({
  /** Id of the address, sent back as it came. */
  id: text,
  /** ISO 3166-1 alpha-2 country code, like `JP`. */
  country: z.string().check(z.regex(/^[A-Za-z]{2}$/, 'validation.country.format')),
  /** Region within the country, where the country uses one. */
  region: optionalText('region'),
  /** City, ward or town; required when the country's rules say so. */
  city: z.string().check(z.maxLength(FIELD_LIMITS.city, 'validation.city.tooLong')),
  /** State, prefecture or province. */
  state: optionalText('state'),
  /** District, where the country uses one. */
  district: optionalText('district'),
  /** First line of the street address. */
  addressLine1: requiredText('addressLine1'),
  /** Second line of the street address. */
  addressLine2: optionalText('addressLine2'),
  /** Third line of the street address. */
  addressLine3: optionalText('addressLine3'),
  /** Postal code; required and checked when the country's rules say so. */
  postalCode: optionalText('postalCode'),
  /** First name of the contact at this address. */
  firstName: optionalText('firstName'),
  /** Middle name of the contact at this address. */
  middleName: optionalText('middleName'),
  /** Last name of the contact at this address. */
  lastName: optionalText('lastName'),
  /** Email address of the contact at this address. */
  emailAddress: optionalText('emailAddress'),
  /** Phone number, checked with the country's pattern. */
  phoneNumber: optionalText('phoneNumber'),
});

/** An address as a client writes it. */
export type AddressUpdate = z.infer<typeof AddressFieldsSchema>;

/** Options for schemas that validate addresses against the country rules. */
export interface AddressRuleOptions {
  /**
   * The country's rules, as `GET /v1/countryvalidationrules/{iso2}` answered. Without them only
   * the field lengths are checked: an address is never refused for want of rules.
   */
  rules?: CountryValidationRules | undefined;
  /** Full phone check, for countries whose rules have no `phoneNumberRegex`. */
  isValidPhone?: PhoneValidator | undefined;
}

type RuleIssue = { field: keyof AddressUpdate; key: MessageKey; params?: MessageParams };

const trimmed = (value: string | null | undefined) => value?.trim() ?? '';

/**
 * Checks an address against its country's rules and returns what is wrong. Used by the address
 * schema and by the reference server's address check, so both report the same keys. Messages
 * name an example when one is known for the country (built-in hints or the rules' own extras).
 */
export function checkAddressRules(
  address: Address,
  rules: CountryValidationRules | undefined,
  options: Pick<AddressRuleOptions, 'isValidPhone'> = {},
): RuleIssue[] {
  if (!rules || rules.iso2Code.toUpperCase() !== address.country.toUpperCase()) return [];
  const hints = countryHints(rules.iso2Code);
  const postalExample = rules.postalCodeExample ?? hints.postalCodeExample;
  const phoneExample = rules.phoneNumberExample ?? hints.phoneNumberExample;
  const issues: RuleIssue[] = [];
  if (rules.isCityRequired && trimmed(address.city) === '') {
    issues.push({ field: 'city', key: 'validation.city.required' });
  }
  const state = trimmed(address.state);
  const states = rules.supportedStatesList ?? [];
  if (rules.isStateRequired && state === '') {
    issues.push({ field: 'state', key: 'validation.state.required' });
  } else if (state !== '' && states.length > 0 && !states.includes(state)) {
    issues.push({ field: 'state', key: 'validation.state.unknown' });
  }
  const postalCode = trimmed(address.postalCode);
  const postalPattern = rulePattern(rules.postalCodeRegex);
  // With an example the message shows it ("like 100-0001"); without one it says it plainly.
  const postalIssue = (problem: 'required' | 'format'): RuleIssue =>
    postalExample
      ? {
          field: 'postalCode',
          key: `validation.postalCode.${problem}`,
          params: { example: postalExample },
        }
      : { field: 'postalCode', key: `validation.postalCode.${problem}Generic` };
  if (postalCode === '') {
    if (rules.isPostalCodeRequired) issues.push(postalIssue('required'));
  } else if (postalPattern && !postalPattern.test(postalCode)) {
    issues.push(postalIssue('format'));
  }
  const phone = trimmed(address.phoneNumber);
  if (phone !== '') {
    // The service's own pattern decides when it has one: a number it accepts is never refused
    // here. Only without one does libphonenumber-js check the numbering plan.
    const phonePattern = rulePattern(rules.phoneNumberRegex);
    const valid = phonePattern
      ? phonePattern.test(phone)
      : !options.isValidPhone || options.isValidPhone(phone, rules.iso2Code);
    if (!valid) {
      issues.push(
        phoneExample
          ? {
              field: 'phoneNumber',
              key: 'validation.phoneNumber.format',
              params: { example: phoneExample },
            }
          : { field: 'phoneNumber', key: 'validation.phoneNumber.formatGeneric' },
      );
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
    z.check<AddressUpdate>(
      (payload) => {
        const failed = new Set(payload.issues.map((issue) => issue.path?.[0]));
        if (failed.has('country')) return;
        for (const issue of checkAddressRules(payload.value, options.rules, options)) {
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
export function normalizeState(
  country: string,
  state: string,
  rules?: CountryValidationRules | undefined,
): string {
  const tidy = tidyText(state);
  if (tidy === '') return tidy;
  const folded = tidy.toLowerCase();
  const byCode = (rules?.supportedStatesList ?? []).find((entry) => entry.toLowerCase() === folded);
  if (byCode) return byCode;
  for (const [entry, localName] of Object.entries(countryHints(country).stateNames ?? {})) {
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
export function normalizeAddress<T extends Address>(
  address: T,
  rules?: CountryValidationRules | undefined,
): T {
  const country = address.country.trim().toUpperCase();
  const result: T = { ...address, country };
  for (const field of [
    'city',
    'addressLine1',
    'region',
    'addressLine2',
    'addressLine3',
    'district',
    'firstName',
    'lastName',
    'phoneNumber',
  ] as const) {
    const value = address[field];
    if (typeof value === 'string') result[field] = tidyText(value);
  }
  if (typeof address.state === 'string')
    result.state = normalizeState(country, address.state, rules);
  if (typeof address.postalCode === 'string')
    result.postalCode = normalizePostalCode(country, address.postalCode);
  return result;
}
