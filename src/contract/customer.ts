import * as z from 'zod/mini';
import { AddressFieldsSchema } from './address.ts';
import { CustomerBillingProfileSchema } from './billing-profile.ts';
import { LinkSchema, MAX_PAGE_SIZE } from './http.ts';

/** Where a list item's address summary comes from: the billing address's place fields. */
export const AddressSummarySchema = z.pick(AddressFieldsSchema, {
  country: true,
  state: true,
  city: true,
});

/** The company fields a customer list shows. */
export const CompanyProfileSummarySchema = z.object({
  /** Microsoft Entra tenant id of the customer. */
  tenantId: z.string(),
  /** The customer's primary domain, like `contoso.onmicrosoft.com`. */
  domain: z.string(),
  /** Legal company name. */
  companyName: z.string(),
  /** Country, state and city of the billing address, so a result list can show where it is. */
  address: AddressSummarySchema,
});

/** A customer as an item of `GET /v1/customers`. */
export const CustomerSummarySchema = z.object({
  /** Customer id (a GUID, same as the tenant id). */
  id: z.string(),
  /** Company fields. */
  companyProfile: CompanyProfileSummarySchema,
  /** Relationship of the partner to this customer. */
  relationshipToPartner: z.string(),
  /** Link to the full customer. */
  links: z.object({ self: LinkSchema }),
  /** Object type marker. */
  attributes: z.object({ objectType: z.literal('Customer') }),
});

/** A customer in a list. */
export type CustomerSummary = z.infer<typeof CustomerSummarySchema>;

/** Company profile of `GET /v1/customers/{id}`. */
export const CompanyProfileSchema = z.extend(CompanyProfileSummarySchema, {
  /** Full billing address of the company. */
  address: AddressFieldsSchema,
  /** Company contact email (the billing contact's). */
  email: z.string(),
  /** Object type marker. */
  attributes: z.object({ objectType: z.literal('CustomerCompanyProfile') }),
});

/** `GET /v1/customers/{id}`: one customer with its company and billing profiles. */
export const CustomerSchema = z.extend(CustomerSummarySchema, {
  /** Company fields with the full address. */
  companyProfile: CompanyProfileSchema,
  /** Billing profile, the resource the Update step edits. */
  billingProfile: CustomerBillingProfileSchema,
});

/** A customer with its profiles. */
export type Customer = z.infer<typeof CustomerSchema>;

/** `GET /v1/customers`: one page of customers. */
export const CustomerCollectionSchema = z.object({
  /** Number of items in this page (Partner Center's meaning, not the total of all pages). */
  totalCount: z.number(),
  /** The customers of this page. */
  items: z.array(CustomerSummarySchema),
  /** Token for the next page; absent on the last page. */
  continuationToken: z.optional(z.string()),
  /** `self`, and `next` when there is another page (with the token header to send). */
  links: z.object({ self: LinkSchema, next: z.optional(LinkSchema) }),
  /** Object type marker. */
  attributes: z.object({ objectType: z.literal('Collection') }),
});

/** One page of customers. */
export type CustomerCollection = z.infer<typeof CustomerCollectionSchema>;

/** The `filter` query parameter of `GET /v1/customers`, as URL-encoded JSON. */
export const CustomerFilterSchema = z.object({
  /** Field to search. */
  Field: z.enum(['CompanyName', 'Domain']),
  /** Prefix to look for; case- and width-insensitive (NFKC). */
  Value: z.string().check(z.minLength(1), z.maxLength(200)),
  /** The only operator Partner Center supports for customers. */
  Operator: z.literal('starts_with'),
});

/** A customer search. */
export type CustomerFilter = z.infer<typeof CustomerFilterSchema>;

/** The `size` query parameter: an integer from 1 to `MAX_PAGE_SIZE`. */
export const PageSizeSchema = z.coerce
  .number()
  .check(
    z.int('validation.pageSize.range'),
    z.gte(1, 'validation.pageSize.range'),
    z.lte(MAX_PAGE_SIZE, 'validation.pageSize.range'),
  );

/**
 * Folds text for prefix search: NFKC makes full- and half-width forms equal (`ｶﾌﾞｼｷ` = `カブシキ`,
 * `ＡＢＣ` = `ABC`), then case is dropped. Server and widget fold the same way, so a widget can
 * highlight what matched.
 */
export function foldForSearch(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Builds the query string of a customer search page (without the continuation header). */
export function customerListQuery(
  options: { size?: number; filter?: CustomerFilter; next?: boolean } = {},
): string {
  const params = new URLSearchParams();
  if (options.size !== undefined) params.set('size', String(options.size));
  if (options.filter) params.set('filter', JSON.stringify(options.filter));
  if (options.next) params.set('seekOperation', 'Next');
  const query = params.toString();
  return query ? `?${query}` : '';
}
