import type { FastifyInstance } from 'fastify';
import {
  AddressValidationRequestSchema,
  API_PATHS,
  checkAddressRules,
  formatEnglishMessage,
  isMessageKey,
  normalizeAddress,
  toFieldIssues,
  type AddressUpdate,
  type AddressValidationStatus,
  type FieldIssue,
} from '../../contract/index.ts';
import { isValidPhone } from '../../contract/phone.ts';
import { getCountryRules } from '../country-rules-data.ts';
import { validationError } from '../errors.ts';
import { resource } from './resource.ts';

/** What the reference server answers: the current generation's shape, every field typed. */
export interface AddressValidationResult {
  originalAddress: AddressUpdate;
  suggestedAddresses: AddressUpdate[];
  status: AddressValidationStatus;
  validationMessage?: string;
  /** Our extra: what is wrong, per field, when the address breaks its country's rules. */
  issues?: FieldIssue[];
}

/**
 * Countries whose addresses this demo "verifies" beyond the rules. Partner Center validates
 * addresses in some markets only; elsewhere it answers `NotValidated`, as this server does for
 * the other countries it has rules for (India and Brazil among the seeded ones).
 */
const VERIFIED_COUNTRIES = new Set(['JP', 'TW', 'US', 'CA', 'GB', 'DE', 'FR', 'CN', 'KR', 'AU']);

/** City names found in more than one place, with the places (state, postal code). */
const AMBIGUOUS_CITIES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  'US:springfield': [
    ['IL', '62701'],
    ['MA', '01103'],
    ['MO', '65801'],
  ],
  'JP:府中市': [
    ['Tokyo', '183-0023'],
    ['Hiroshima', '726-0005'],
  ],
  'TW:中正區': [
    ['', '100'],
    ['', '202'],
  ],
};

const PO_BOX = /\b(p\.?\s*o\.?\s*box|post office box)\b|私書箱|郵政信箱|號信箱|号信箱/iu;
const UNIT_WITHOUT_NUMBER =
  /^(?!.*\d).*(\b(suite|ste|unit|apt|apartment|floor|room)\.?|階|号室|樓|室)\s*$/iu;
const NO_SUCH_POSTAL_CODE = /^[0\s-]+$/;
const HOUSE_NUMBER_LAST = new Set(['JP', 'TW', 'CN', 'KR']);

function sameAddress(left: AddressUpdate, right: AddressUpdate): boolean {
  const fields = new Set([...Object.keys(left), ...Object.keys(right)]) as Set<keyof AddressUpdate>;
  return [...fields].every((field) => (left[field] ?? '') === (right[field] ?? ''));
}

/** The street with a house number, where the country writes it (`1 Main St`, `丸の内1丁目`). */
function withHouseNumber(address: AddressUpdate, number: number): AddressUpdate {
  const line = address.addressLine1.trim();
  const country = address.country.toUpperCase();
  const addressLine1 =
    country === 'JP'
      ? `${line}${number}丁目`
      : HOUSE_NUMBER_LAST.has(country)
        ? `${line}${number}號`
        : `${number} ${line}`;
  return { ...address, addressLine1 };
}

/**
 * Checks an address as Partner Center's current address validation answers, with demo rules that
 * reach every status (the seeded well-known customers show each one):
 * - the country's rules are broken: `InteractionRequired` with the standard form when that
 *   repairs it, else `None` (incorrect), as when the postal code is all zeros;
 * - a country this demo does not verify: `NotValidated`;
 * - a post office box: `InteractionRequired`;
 * - a city found in several places, none with this postal code: `Multiple`;
 * - a first line without a house number: `StreetPartial` (three numbered suggestions);
 * - a suite or floor without its number: `PremisesPartial`;
 * - valid, but not written in the canonical form: `Verified` (the canonical form suggested);
 * - valid and canonical: `VerifiedShippable`.
 */
export function validateAddress(address: AddressUpdate): AddressValidationResult {
  const country = address.country.toUpperCase();
  const rules = getCountryRules(country);
  const issues: FieldIssue[] = checkAddressRules(address, rules, { isValidPhone }).map((issue) => ({
    field: issue.field,
    messageKey: issue.key,
    ...(issue.params ? { params: { ...issue.params } } : {}),
  }));
  const result = (
    status: AddressValidationStatus,
    validationMessage?: string,
    suggestedAddresses: AddressUpdate[] = [],
    extra: Partial<AddressValidationResult> = {},
  ): AddressValidationResult => ({
    originalAddress: address,
    suggestedAddresses: suggestedAddresses.slice(0, 3),
    status,
    ...(validationMessage ? { validationMessage } : {}),
    ...extra,
  });

  const normalized = normalizeAddress(address, rules);
  if (issues.length > 0) {
    // Input the standard form repairs (`１０００００１`, `東京都`) is offered back, corrected.
    if (checkAddressRules(normalized, rules, { isValidPhone }).length === 0) {
      return result(
        'InteractionRequired',
        'The address was corrected to its standard form. Confirm it.',
        [normalized],
      );
    }
    const [first] = issues;
    const message =
      first && isMessageKey(first.messageKey)
        ? formatEnglishMessage(first.messageKey, first.params)
        : 'The address is not valid.';
    return result('None', message, [], { issues });
  }
  if (NO_SUCH_POSTAL_CODE.test(address.postalCode ?? '')) {
    return result('None', 'No address has this postal code.', [], {
      issues: [{ field: 'postalCode', messageKey: 'validation.address.notFound' }],
    });
  }
  if (!rules || !VERIFIED_COUNTRIES.has(country)) {
    return result('NotValidated', `Addresses in ${country} are not validated.`);
  }
  if (PO_BOX.test(normalized.addressLine1) || PO_BOX.test(normalized.addressLine2 ?? '')) {
    return result(
      'InteractionRequired',
      'This is a post office box. Confirm that invoices can be delivered to it.',
    );
  }
  const places = AMBIGUOUS_CITIES[`${country}:${normalized.city.toLowerCase()}`];
  if (places && !places.some(([, postalCode]) => postalCode === normalized.postalCode)) {
    return result(
      'Multiple',
      `More than one place is called ${normalized.city}. Choose one.`,
      places.map(([state, postalCode]) => ({ ...normalized, state, postalCode })),
    );
  }
  if (!/\d/.test(normalized.addressLine1)) {
    return result(
      'StreetPartial',
      'The street was found, but not the house number.',
      [1, 2, 3].map((number) => withHouseNumber(normalized, number)),
    );
  }
  if (UNIT_WITHOUT_NUMBER.test(normalized.addressLine2 ?? '')) {
    return result('PremisesPartial', 'The building was found, but not the suite or floor.');
  }
  return sameAddress(address, normalized)
    ? result('VerifiedShippable')
    : result('Verified', undefined, [normalized]);
}

/** `POST /v1/validations/address`. */
export function addressValidationRoutes(app: FastifyInstance): void {
  resource(app, API_PATHS.addressValidation(), {
    POST: async (request) => {
      const parsed = AddressValidationRequestSchema.safeParse(request.body);
      if (!parsed.success) throw validationError(toFieldIssues(parsed.error.issues));
      return validateAddress(parsed.data);
    },
  });
}
