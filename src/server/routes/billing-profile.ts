import type { FastifyInstance } from 'fastify';
import {
  HEADERS,
  quoteEtag,
  toFieldIssues,
  type Address,
  type FieldIssue,
} from '../../contract/index.ts';
import { StrictBillingProfileUpdateSchema } from '../../contract/phone.ts';
import { apiError, errorBody, validationError } from '../errors.ts';
import { parseIfMatch } from '../if-match.ts';
import { toBillingProfile } from '../representation.ts';
import type { AccountStore, StoredProfile } from '../store.ts';
import { resource } from './resource.ts';

const MAX_REQUEST_ID_LENGTH = 128;

function singleHeader(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Every address field present, empty when not given, so responses always have the same shape. */
function completeAddress(address: Address): Address {
  return {
    country: address.country.toUpperCase(),
    region: address.region ?? '',
    city: address.city,
    state: address.state ?? '',
    addressLine1: address.addressLine1,
    addressLine2: address.addressLine2 ?? '',
    postalCode: address.postalCode ?? '',
    firstName: address.firstName ?? '',
    lastName: address.lastName ?? '',
    phoneNumber: address.phoneNumber ?? '',
  };
}

/**
 * `GET` and `PUT /v1/customers/{id}/profiles/billing`. A PUT needs `If-Match` (428 without, 400
 * when it is not `*` or a list of entity tags), answers 412 (code 2055) when no tag in it is the
 * current ETag (weak tags never are), and with `MS-RequestId` replays its first outcome on a
 * retry instead of applying twice.
 */
export function billingProfileRoutes(app: FastifyInstance, store: AccountStore): void {
  resource(app, '/v1/customers/:id/profiles/billing', {
    GET: async (request, reply) => {
      const { id } = request.params as { id: string };
      const record = store.get(id);
      if (!record) throw apiError(404, 'customerNotFound');
      reply.header(HEADERS.etag, quoteEtag(record.etag));
      return toBillingProfile(id, record.profile, record.etag);
    },

    PUT: async (request, reply) => {
      const { id } = request.params as { id: string };
      const ifMatchHeader = singleHeader(request.headers['if-match'])?.trim();
      if (!ifMatchHeader) throw apiError(428, 'preconditionRequired');
      const ifMatch = parseIfMatch(ifMatchHeader);
      if (!ifMatch) {
        throw validationError([{ field: HEADERS.ifMatch, messageKey: 'validation.invalidType' }]);
      }
      const requestId = singleHeader(request.headers['ms-requestid']);
      if (
        requestId !== undefined &&
        (requestId === '' || requestId.length > MAX_REQUEST_ID_LENGTH)
      ) {
        throw validationError([{ field: HEADERS.requestId, messageKey: 'validation.invalidType' }]);
      }
      const current = store.get(id);
      if (!current) throw apiError(404, 'customerNotFound');

      const parsed = StrictBillingProfileUpdateSchema.safeParse(request.body);
      const issues: FieldIssue[] = parsed.success ? [] : toFieldIssues(parsed.error.issues);
      if (parsed.success) {
        if (parsed.data.id !== undefined && parsed.data.id !== current.profile.id) {
          issues.push({ field: 'id', messageKey: 'validation.id.mismatch' });
        }
      }
      if (!parsed.success || issues.length > 0) throw validationError(issues);

      const update = parsed.data;
      const profile: StoredProfile = {
        id: current.profile.id,
        firstName: update.firstName,
        lastName: update.lastName,
        email: update.email,
        culture: update.culture,
        language: update.language,
        companyName: update.companyName,
        defaultAddress: completeAddress(update.defaultAddress),
      };
      const outcome = store.update({
        customerId: id,
        ifMatch,
        requestId,
        profile,
        renderSuccess: (etag) => JSON.stringify(toBillingProfile(id, profile, etag)),
        conflictBody: JSON.stringify(errorBody('concurrencyConflict')),
      });
      if (outcome === undefined) throw apiError(404, 'customerNotFound');
      if (outcome === 'reused') throw apiError(409, 'idempotencyKeyReused');
      if (outcome.etag) reply.header(HEADERS.etag, quoteEtag(outcome.etag));
      return reply.code(outcome.status).type('application/json; charset=utf-8').send(outcome.body);
    },
  });
}
