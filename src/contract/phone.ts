import { isValidPhoneNumber, type CountryCode } from 'libphonenumber-js/max';
import type { PhoneValidator } from './address.ts';
import { makeBillingProfileUpdateSchema } from './billing-profile.ts';

/**
 * Phone validation with libphonenumber-js's full metadata (numbering-plan patterns, not only
 * lengths). Kept in its own module because it is the largest part of the contract: the widget
 * imports it lazily, the server statically.
 */
export const isValidPhone: PhoneValidator = (phoneNumber, country) => {
  try {
    return isValidPhoneNumber(phoneNumber, country.toUpperCase() as CountryCode);
  } catch {
    return false;
  }
};

/** The billing-profile update schema with the full phone check. */
export const StrictBillingProfileUpdateSchema = makeBillingProfileUpdateSchema({ isValidPhone });
