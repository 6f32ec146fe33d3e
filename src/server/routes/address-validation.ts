import type { FastifyInstance } from 'fastify';
import {
  AddressValidationRequestSchema,
  API_PATHS,
  checkAddressRules,
  formatEnglishMessage,
  getCountryRules,
  isMessageKey,
  normalizeAddress,
  toFieldIssues,
  type Address,
  type AddressValidationResponse,
  type FieldIssue,
} from '../../contract/index.ts';
import { isValidPhone } from '../../contract/phone.ts';
import { validationError } from '../errors.ts';
import { resource } from './resource.ts';

function sameAddress(left: Address, right: Address): boolean {
  const fields = new Set([...Object.keys(left), ...Object.keys(right)]) as Set<keyof Address>;
  return [...fields].every((field) => (left[field] ?? '') === (right[field] ?? ''));
}

/** Checks an address against its country's rules and suggests its canonical form. */
export function validateAddress(address: Address): AddressValidationResponse {
  if (!getCountryRules(address.country)) {
    return {
      originalAddress: address,
      suggestedAddresses: [],
      status: 'None',
      validationMessage: formatEnglishMessage('validation.country.unsupported', {
        country: address.country,
      }),
      issues: [],
    };
  }
  const issues: FieldIssue[] = checkAddressRules(address, { isValidPhone }).map((issue) => ({
    field: issue.field,
    messageKey: issue.key,
    ...(issue.params ? { params: { ...issue.params } } : {}),
  }));
  const normalized = normalizeAddress(address);
  const changed = !sameAddress(address, normalized);
  const normalizedIsValid = checkAddressRules(normalized, { isValidPhone }).length === 0;
  const suggestedAddresses = changed && normalizedIsValid ? [normalized] : [];
  if (issues.length === 0) {
    return {
      originalAddress: address,
      suggestedAddresses,
      status: changed ? 'Verified' : 'VerifiedShippable',
      validationMessage: changed
        ? 'The address is valid. A standard form is suggested.'
        : 'The address is valid.',
      issues,
    };
  }
  const [first] = issues;
  return {
    originalAddress: address,
    suggestedAddresses,
    status: 'NotValidated',
    validationMessage:
      first && isMessageKey(first.messageKey)
        ? formatEnglishMessage(first.messageKey, first.params)
        : 'The address is not valid.',
    issues,
  };
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
