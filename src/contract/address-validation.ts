import * as z from 'zod/mini';
import { AddressFieldsSchema } from './address.ts';
import { FieldIssueSchema } from './errors.ts';

/** `POST /v1/validations/address` body: the address to check. */
export const AddressValidationRequestSchema = AddressFieldsSchema;

/**
 * Outcome of an address check.
 * - `VerifiedShippable`: valid and already in canonical form.
 * - `Verified`: valid; `suggestedAddresses[0]` is the canonical form (`1000001` → `100-0001`).
 * - `NotValidated`: breaks the country rules; a suggestion is offered when normalizing fixes it.
 * - `None`: the country has no rules, so nothing was checked.
 */
export const AddressValidationStatusSchema = z.enum([
  'VerifiedShippable',
  'Verified',
  'NotValidated',
  'None',
]);

/** Outcome of an address check. */
export type AddressValidationStatus = z.infer<typeof AddressValidationStatusSchema>;

/** `POST /v1/validations/address` response. */
export const AddressValidationResponseSchema = z.object({
  /** The address as sent. */
  originalAddress: AddressFieldsSchema,
  /** Normalized addresses to offer the user; empty when there is nothing to suggest. */
  suggestedAddresses: z.array(AddressFieldsSchema),
  /** Outcome of the check. */
  status: AddressValidationStatusSchema,
  /** English summary for logs; show `issues` (translated) to people. */
  validationMessage: z.string(),
  /** Extra (not in Partner Center): what is wrong with the original address, per field. */
  issues: z.array(FieldIssueSchema),
});

/** Result of an address check. */
export type AddressValidationResponse = z.infer<typeof AddressValidationResponseSchema>;
