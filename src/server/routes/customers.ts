import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as z from 'zod/mini';
import {
  API_PATHS,
  CustomerFilterSchema,
  DEFAULT_PAGE_SIZE,
  HEADERS,
  MAX_PAGE_SIZE,
  PageSizeSchema,
  customerListQuery,
  type CustomerCollection,
  type CustomerFilter,
} from '../../contract/index.ts';
import { apiError, validationError } from '../errors.ts';
import { toCustomer, toCustomerSummary } from '../representation.ts';
import type { AccountStore, PageCursor } from '../store.ts';
import { resource } from './resource.ts';

/** What a continuation token carries: the search, the page size and where the last page ended. */
const ContinuationSchema = z.object({
  v: z.literal(1),
  f: z.nullable(CustomerFilterSchema),
  s: PageSizeSchema,
  k: z.string().check(z.maxLength(1000)),
  i: z.string().check(z.maxLength(100)),
});

type Continuation = z.infer<typeof ContinuationSchema>;

function encodeToken(continuation: Continuation): string {
  return Buffer.from(JSON.stringify(continuation)).toString('base64url');
}

function decodeToken(token: string): Continuation {
  try {
    const parsed = ContinuationSchema.safeParse(
      JSON.parse(Buffer.from(token, 'base64url').toString('utf8')),
    );
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through to the 400 below: a token that is not base64url JSON is as bad as a wrong one.
  }
  throw validationError([
    { field: HEADERS.continuationToken, messageKey: 'validation.continuationToken.invalid' },
  ]);
}

type ListQuery = { size?: unknown; filter?: unknown; seekOperation?: unknown };

function parseSize(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const parsed = PageSizeSchema.safeParse(value);
  if (!parsed.success) {
    throw validationError([
      { field: 'size', messageKey: 'validation.pageSize.range', params: { max: MAX_PAGE_SIZE } },
    ]);
  }
  return parsed.data;
}

function parseFilter(value: unknown): CustomerFilter | undefined {
  if (value === undefined) return undefined;
  let json: unknown;
  try {
    json = typeof value === 'string' ? JSON.parse(value) : undefined;
  } catch {
    json = undefined;
  }
  const parsed = CustomerFilterSchema.safeParse(json);
  if (!parsed.success)
    throw validationError([{ field: 'filter', messageKey: 'validation.filter.format' }]);
  return parsed.data;
}

function readPageRequest(request: FastifyRequest): {
  size: number;
  filter: CustomerFilter | undefined;
  after: PageCursor | undefined;
} {
  const query = request.query as ListQuery;
  const size = parseSize(query.size);
  const filter = parseFilter(query.filter);
  if (query.seekOperation === undefined)
    return { size: size ?? DEFAULT_PAGE_SIZE, filter, after: undefined };
  const token = request.headers['ms-continuationtoken'];
  if (query.seekOperation !== 'Next') {
    throw validationError([
      { field: 'seekOperation', messageKey: 'validation.seekOperation.invalid' },
    ]);
  }
  if (typeof token !== 'string' || token === '') {
    throw validationError([
      { field: HEADERS.continuationToken, messageKey: 'validation.continuationToken.invalid' },
    ]);
  }
  const continuation = decodeToken(token);
  if (filter && JSON.stringify(filter) !== JSON.stringify(continuation.f)) {
    throw validationError([
      { field: HEADERS.continuationToken, messageKey: 'validation.continuationToken.invalid' },
    ]);
  }
  return {
    size: size ?? continuation.s,
    filter: continuation.f ?? undefined,
    after: { key: continuation.k, id: continuation.i },
  };
}

/** `GET /v1/customers` (paged, optionally filtered) and `GET /v1/customers/{id}`. */
export function customerRoutes(app: FastifyInstance, store: AccountStore): void {
  resource(app, API_PATHS.customers(), {
    GET: async (request) => {
      const { size, filter, after } = readPageRequest(request);
      const rows = store.list({ size: size + 1, filter, after });
      const page = rows.slice(0, size);
      const last = page.at(-1);
      const continuationToken =
        rows.length > size && last
          ? encodeToken({ v: 1, f: filter ?? null, s: size, k: last.sortKey, i: last.id })
          : undefined;
      const body: CustomerCollection = {
        totalCount: page.length,
        items: page.map(toCustomerSummary),
        ...(continuationToken ? { continuationToken } : {}),
        links: {
          self: {
            uri: API_PATHS.customers() + customerListQuery({ size, ...(filter ? { filter } : {}) }),
            method: 'GET',
            headers: [],
          },
          ...(continuationToken
            ? {
                next: {
                  uri: API_PATHS.customers() + customerListQuery({ next: true }),
                  method: 'GET',
                  headers: [{ key: HEADERS.continuationToken, value: continuationToken }],
                },
              }
            : {}),
        },
        attributes: { objectType: 'Collection' },
      };
      return body;
    },
  });

  resource(app, '/v1/customers/:id', {
    GET: async (request) => {
      const { id } = request.params as { id: string };
      const record = store.get(id);
      if (!record) throw apiError(404, 'customerNotFound');
      return toCustomer(record);
    },
  });
}
