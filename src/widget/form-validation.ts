import {
  makeBillingProfileUpdateSchema,
  toFieldIssues,
  type CountryValidationRules,
  type CustomerBillingProfile,
} from '../contract/index.ts';
import { isValidPhone } from '../contract/phone.ts';
import {
  FORM_FIELDS,
  groupIssues,
  toUpdateBody,
  type FieldErrors,
  type FormValues,
} from './profile-form.ts';

/**
 * Checking the Update form needs the contract's update schema, its English message table and
 * libphonenumber-js's metadata, which together outweigh the rest of the widget. So this module is
 * loaded with `import()` when the Update step opens, and the first paint does without it.
 */

/**
 * Checks the form with the contract's update schema, the country's rules as the endpoint served
 * them (without rules, only lengths and formats) and the full phone check. Returns the first
 * problem of each field, in form order.
 */
export function validateForm(
  base: CustomerBillingProfile,
  values: FormValues,
  rules: CountryValidationRules | undefined,
): FieldErrors {
  const schema = makeBillingProfileUpdateSchema({ rules, isValidPhone });
  const result = schema.safeParse(toUpdateBody(base, values));
  if (result.success) return {};
  const { fields } = groupIssues(toFieldIssues(result.error.issues));
  const ordered: FieldErrors = {};
  for (const field of FORM_FIELDS) {
    const issue = fields[field];
    if (issue) ordered[field] = issue;
  }
  return ordered;
}
