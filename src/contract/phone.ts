import { isSupportedCountry, isValidPhoneNumber, type CountryCode } from 'libphonenumber-js/max';
import type { PhoneValidator } from './address.ts';

/**
 * Phone validation with libphonenumber-js's full metadata (numbering-plan patterns, not only
 * lengths). Kept in its own module because it is the largest part of the contract: the widget
 * imports it lazily, the server statically. A country libphonenumber-js does not know is left
 * to the service's own `phoneNumberRegex`: missing metadata never refuses a number.
 */
export const isValidPhone: PhoneValidator = (phoneNumber, country) => {
  const code = country.toUpperCase();
  if (!isSupportedCountry(code)) return true;
  try {
    return isValidPhoneNumber(phoneNumber, code as CountryCode);
  } catch {
    return false;
  }
};
