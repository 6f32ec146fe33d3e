import type {
  Address,
  BillingProfileUpdate,
  CustomerBillingProfile,
  FieldIssue,
} from '../contract/index.ts';

/**
 * The fields of the Update form, in the order they are shown, named as the contract names them
 * (the address fields by their `defaultAddress` name, like `postalCode`).
 */
export const FORM_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'companyName',
  'country',
  'addressLine1',
  'addressLine2',
  'city',
  'state',
  'postalCode',
  'phoneNumber',
  'language',
  'culture',
] as const;

/** A field of the Update form. */
export type FormField = (typeof FORM_FIELDS)[number];

/** What the Update form holds: every field as the text in its control. */
export type FormValues = Record<FormField, string>;

/** The first problem with each field, as a contract message key and its parameters. */
export type FieldErrors = Partial<Record<FormField, FieldIssue>>;

const ADDRESS_FIELDS = [
  'country',
  'addressLine1',
  'addressLine2',
  'city',
  'state',
  'postalCode',
  'phoneNumber',
] as const satisfies readonly FormField[];

type AddressField = (typeof ADDRESS_FIELDS)[number];

const isAddressField = (field: string): field is AddressField =>
  (ADDRESS_FIELDS as readonly string[]).includes(field);

/** The HTML `autocomplete` token of each field, so browsers and password managers can fill it. */
export const AUTOCOMPLETE: Record<FormField, string> = {
  // The customer's contact, not the partner's own: `given-name`, `email` and `tel` would have the
  // browser offer (and fill in one go) the partner's name, email and phone, as GOV.UK Frontend
  // warns for other people's details. The address fields keep their tokens: they are the
  // customer's company's, which the browser never holds as the partner's own.
  firstName: 'off',
  lastName: 'off',
  email: 'off',
  companyName: 'organization',
  country: 'country',
  addressLine1: 'address-line1',
  addressLine2: 'address-line2',
  city: 'address-level2',
  state: 'address-level1',
  postalCode: 'postal-code',
  phoneNumber: 'off',
  language: 'language',
  // No standard token describes an invoice culture; `off` keeps browsers from guessing one.
  culture: 'off',
};

/** Fields a person may leave empty; the rest are required (or required by the country rules). */
export const OPTIONAL_FIELDS: ReadonlySet<FormField> = new Set(['addressLine2', 'phoneNumber']);

/** The form's address fields for an address (a profile's, or a suggested one). */
export function addressFormValues(
  address: Address,
): Pick<FormValues, (typeof ADDRESS_FIELDS)[number]> {
  return {
    country: address.country.toUpperCase(),
    addressLine1: address.addressLine1 ?? '',
    addressLine2: address.addressLine2 ?? '',
    city: address.city ?? '',
    state: address.state ?? '',
    postalCode: address.postalCode ?? '',
    phoneNumber: address.phoneNumber ?? '',
  };
}

/**
 * The form's values with a suggested address taken in: the place fields the suggestion has
 * (street, city, state, postal code). What it leaves out (an address service rarely returns the
 * phone number) and the country keep what the partner entered.
 */
export function applySuggestion(values: FormValues, suggestion: Address): FormValues {
  const result = { ...values };
  for (const field of ['addressLine1', 'addressLine2', 'city', 'state', 'postalCode'] as const) {
    const value = suggestion[field];
    if (typeof value === 'string') result[field] = value;
  }
  if (suggestion.phoneNumber) result.phoneNumber = suggestion.phoneNumber;
  return result;
}

/** The form's values for a billing profile; a field the service left out is empty. */
export function formValuesFrom(profile: CustomerBillingProfile): FormValues {
  return {
    firstName: profile.firstName ?? '',
    lastName: profile.lastName ?? '',
    email: profile.email ?? '',
    companyName: profile.companyName ?? '',
    language: profile.language ?? '',
    culture: profile.culture ?? '',
    ...addressFormValues(profile.defaultAddress),
  };
}

/**
 * The PUT body for the form's values on top of `base`: the whole resource as the service sent
 * it, so fields the form does not show (the profile id, the address's contact name and region,
 * fields this widget does not know) go back unchanged, with the ETag of `base` in
 * `attributes.etag`.
 */
export function toUpdateBody(
  base: CustomerBillingProfile,
  values: FormValues,
): BillingProfileUpdate & Record<string, unknown> {
  const address = Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, values[field]])) as Pick<
    FormValues,
    AddressField
  >;
  return {
    ...base,
    firstName: values.firstName,
    lastName: values.lastName,
    email: values.email,
    companyName: values.companyName,
    culture: values.culture,
    language: values.language,
    defaultAddress: { ...base.defaultAddress, ...address },
    attributes: { ...base.attributes },
  };
}

/**
 * The form field a server or schema path belongs to: `defaultAddress.postalCode` → `postalCode`,
 * `firstName` → `firstName`; the address's contact name shows on the profile's name fields.
 * Paths with no field on the form (like `id`) give `undefined`.
 */
export function fieldForPath(path: string): FormField | undefined {
  const [head, child] = path.split('.');
  const name = head === 'defaultAddress' ? child : head;
  if (head === 'defaultAddress' && (name === 'firstName' || name === 'lastName')) return name;
  return (FORM_FIELDS as readonly string[]).includes(name ?? '') &&
    (head !== 'defaultAddress' || isAddressField(name ?? ''))
    ? (name as FormField)
    : undefined;
}

/** Sorts issues onto their fields (first issue per field) and keeps the rest apart. */
export function groupIssues(issues: readonly FieldIssue[]): {
  fields: FieldErrors;
  other: FieldIssue[];
} {
  const fields: FieldErrors = {};
  const other: FieldIssue[] = [];
  for (const issue of issues) {
    const field = fieldForPath(issue.field);
    if (!field) other.push(issue);
    else fields[field] ??= issue;
  }
  return { fields, other };
}

/** One field that differs between two versions. */
export interface FieldChange {
  /** The form field. */
  field: FormField;
  /** Its value in the first version. */
  before: string;
  /** Its value in the second version. */
  after: string;
}

/** The fields whose values differ, in form order. */
export function diffValues(before: FormValues, after: FormValues): FieldChange[] {
  return FORM_FIELDS.filter((field) => before[field] !== after[field]).map((field) => ({
    field,
    before: before[field],
    after: after[field],
  }));
}

/**
 * Re-applies a person's edits onto a newer version: every field they changed (compared with the
 * version they started from) takes their value, every other field the newer version's.
 */
export function rebaseEdits(
  original: FormValues,
  mine: FormValues,
  latest: FormValues,
): FormValues {
  const result = { ...latest };
  for (const field of FORM_FIELDS) {
    if (mine[field] !== original[field]) result[field] = mine[field];
  }
  return result;
}

/** An `MS-RequestId` and the exact request it was made for. */
export interface PendingRequest {
  /** The id sent as `MS-RequestId`. */
  requestId: string;
  /** What was sent: the ETag and the body, as one string. */
  fingerprint: string;
}

/**
 * The `MS-RequestId` for sending `body` with `etag`: the previous id when this is the same edit
 * again (a retry, so the server applies it at most once), a new one when anything changed (the
 * server refuses a reused id with a different body).
 */
export function requestFor(
  previous: PendingRequest | undefined,
  etag: string,
  body: BillingProfileUpdate,
  newId: () => string = () => crypto.randomUUID(),
): PendingRequest {
  const fingerprint = `${etag}\n${JSON.stringify(body)}`;
  return previous?.fingerprint === fingerprint ? previous : { requestId: newId(), fingerprint };
}
