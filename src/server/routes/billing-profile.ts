import type { FastifyInstance } from 'fastify';
import {
  HEADERS,
  makeBillingProfileUpdateSchema,
  quoteEtag,
  toFieldIssues,
  type AddressUpdate,
  type FieldIssue,
} from '../../contract/index.ts';
import { isValidPhone } from '../../contract/phone.ts';
import { getCountryRules } from '../country-rules-data.ts';
import { apiError, errorBody, validationError } from '../errors.ts';
import { parseIfMatch, type IfMatch } from '../if-match.ts';
import { toBillingProfile } from '../representation.ts';
import type { AccountStore, StoredAddress, StoredProfile } from '../store.ts';
import { resource } from './resource.ts';

const MAX_REQUEST_ID_LENGTH = 128;

function singleHeader(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Every address field present, empty when not given, so responses always have the same shape. */
function completeAddress(address: AddressUpdate): StoredAddress {
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

/** The country of a request body, read before the body is validated, to pick its rules. */
function countryOf(body: unknown): string {
  const address = (body as { defaultAddress?: { country?: unknown } } | null)?.defaultAddress;
  return typeof address?.country === 'string' ? address.country : '';
}

/** The ETag a body carries in `attributes.etag`, where Partner Center's resources carry it. */
function bodyEtag(body: unknown): string | undefined {
  const etag = (body as { attributes?: { etag?: unknown } } | null)?.attributes?.etag;
  return typeof etag === 'string' && etag !== '' ? etag : undefined;
}

/**
 * `GET` and `PUT /v1/customers/{id}/profiles/billing`. A PUT carries the ETag it started from in
 * `If-Match` (400 when that is not `*` or a list of entity tags) or, without the header, in the
 * body's `attributes.etag`; neither is a 428. When no tag is the current ETag (weak tags never
 * are) it answers as Partner Center does: HTTP 400 with code 2055. With `MS-RequestId` it replays
 * its first outcome on a retry instead of applying twice. The address is checked with the
 * country's rules, as `GET /v1/countryvalidationrules/{iso2}` serves them.
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
      const etagInBody = bodyEtag(request.body);
      if (!ifMatchHeader && !etagInBody) throw apiError(428, 'preconditionRequired');
      const ifMatch: IfMatch | undefined = ifMatchHeader
        ? parseIfMatch(ifMatchHeader)
        : [etagInBody ?? ''];
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

      const schema = makeBillingProfileUpdateSchema({
        rules: getCountryRules(countryOf(request.body)),
        isValidPhone,
      });
      const parsed = schema.safeParse(request.body);
      const issues: FieldIssue[] = parsed.success ? [] : toFieldIssues(parsed.error.issues);
      if (parsed.success) {
        if (parsed.data.id != null && parsed.data.id !== current.profile.id) {
          issues.push({ field: 'id', messageKey: 'validation.id.mismatch' });
        }
        const country = parsed.data.defaultAddress.country;
        // The service decides which countries it serves: one without rules is refused here.
        if (!getCountryRules(country)) {
          issues.push({
            field: 'defaultAddress.country',
            messageKey: 'validation.country.unsupported',
            params: { country },
          });
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
