/**
 * The i18n message keys that validation issues and API errors carry.
 *
 * The contract never ships translated text: an issue names a key from this list plus parameters,
 * and whoever shows it (the widget's locale files, the server's English `description`) turns it
 * into words. English is the reference wording, written the GOV.UK way: say what to do.
 */
export const ENGLISH_MESSAGES = {
  'validation.invalidType': 'Enter a valid value',
  'validation.required': 'Enter a value',
  'validation.tooLong': 'Enter {{max}} characters or fewer',
  'validation.firstName.required': 'Enter a first name',
  'validation.firstName.tooLong': 'First name must be {{max}} characters or fewer',
  'validation.lastName.required': 'Enter a last name',
  'validation.lastName.tooLong': 'Last name must be {{max}} characters or fewer',
  'validation.email.required': 'Enter an email address',
  'validation.email.format': 'Enter an email address in the correct format, like name@example.com',
  'validation.email.tooLong': 'Email address must be {{max}} characters or fewer',
  'validation.companyName.required': 'Enter a company name',
  'validation.companyName.tooLong': 'Company name must be {{max}} characters or fewer',
  'validation.culture.format': 'Enter a culture code, like ja-JP',
  'validation.language.format': 'Enter a language code, like ja',
  'validation.country.format': 'Enter a two-letter country code, like JP',
  'validation.country.unsupported': 'Addresses in {{country}} are not supported',
  'validation.region.tooLong': 'Region must be {{max}} characters or fewer',
  'validation.city.required': 'Enter a city',
  'validation.city.tooLong': 'City must be {{max}} characters or fewer',
  'validation.state.required': 'Select a state or province',
  'validation.state.unknown': 'Select a state or province from the list',
  'validation.state.tooLong': 'State or province must be {{max}} characters or fewer',
  'validation.addressLine1.required': 'Enter the first line of the address',
  'validation.addressLine1.tooLong': 'Address line 1 must be {{max}} characters or fewer',
  'validation.addressLine2.tooLong': 'Address line 2 must be {{max}} characters or fewer',
  'validation.postalCode.required': 'Enter a postal code, like {{example}}',
  'validation.postalCode.format': 'Enter a postal code in the correct format, like {{example}}',
  'validation.postalCode.requiredGeneric': 'Enter a postal code',
  'validation.postalCode.formatGeneric': 'Enter a postal code in the correct format',
  'validation.postalCode.tooLong': 'Postal code must be {{max}} characters or fewer',
  'validation.phoneNumber.format': 'Enter a phone number, like {{example}}',
  'validation.phoneNumber.formatGeneric': 'Enter a phone number in the correct format',
  'validation.phoneNumber.tooLong': 'Phone number must be {{max}} characters or fewer',
  'validation.middleName.tooLong': 'Middle name must be {{max}} characters or fewer',
  'validation.district.tooLong': 'District must be {{max}} characters or fewer',
  'validation.addressLine3.tooLong': 'Address line 3 must be {{max}} characters or fewer',
  'validation.emailAddress.tooLong': 'Email address must be {{max}} characters or fewer',
  'validation.address.notFound':
    'Check the address: the street, city, state and postal code do not match a real address',
  'validation.id.mismatch': 'The profile id does not match this customer',
  'validation.pageSize.range': 'Enter a page size from 1 to {{max}}',
  'validation.filter.format':
    'Enter a filter like {"Field":"CompanyName","Value":"Contoso","Operator":"starts_with"}',
  'validation.continuationToken.invalid':
    'Start the list again: the continuation token is not valid',
  'validation.seekOperation.invalid': 'Use seekOperation=Next with a continuation token',
  'error.badRequest': 'Check the request and try again',
  'error.invalidJson': 'Send a valid JSON body',
  'error.unauthorized': 'Sign in again: the access token is missing or not valid',
  'error.notFound': 'The page or resource was not found',
  'error.customerNotFound': 'The customer was not found',
  'error.countryNotFound': 'There are no validation rules for this country',
  'error.signInRequired': 'Sign in to Partner Center to continue',
  'error.crossSiteRequest': 'Make this change from the help site’s own page',
  'error.methodNotAllowed': 'This method is not allowed here',
  'error.idempotencyKeyReused': 'Use a new request id for a different change',
  'error.concurrencyConflict':
    'Someone else changed this profile. Reload it and make your change again',
  'error.payloadTooLarge': 'The request body is too large',
  'error.preconditionRequired': 'Send the If-Match header with the profile’s ETag',
  'error.unsupportedMediaType': 'Send the body as application/json',
  'error.tooManyRequests': 'Too many requests. Wait a moment and try again',
  'error.internal': 'Something went wrong. Try again later',
  'error.serviceUnavailable': 'The service is unavailable. Try again later',
} as const;

/** A key the widget's locale files must translate. */
export type MessageKey = keyof typeof ENGLISH_MESSAGES;

/** Every message key, in a stable order, for locale completeness checks. */
export const MESSAGE_KEYS = /* @__PURE__ */ Object.keys(ENGLISH_MESSAGES) as MessageKey[];

/** Parameters interpolated into a message (`{{example}}`, `{{max}}`, `{{country}}`). */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Tells whether a string is one of the contract's message keys. */
export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(ENGLISH_MESSAGES, value);
}

/** Renders a key in English with i18next-style `{{name}}` placeholders; used for `description`. */
export function formatEnglishMessage(key: MessageKey, params: MessageParams = {}): string {
  return ENGLISH_MESSAGES[key].replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}
