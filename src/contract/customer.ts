import * as z from 'zod/mini';
import { AddressSchema } from './address.ts';
import { CustomerBillingProfileSchema } from './billing-profile.ts';
import { MAX_PAGE_SIZE, ResourceAttributesSchema, ResourceLinksSchema } from './http.ts';

const text = z.optional(z.nullable(z.string()));

/**
 * A customer's company profile (Swagger `CustomerCompanyProfile`). List items carry only
 * `tenantId`, `domain`, `companyName` (and sometimes `links`); one customer adds the address and
 * email. Read tolerantly: unknown fields are kept.
 * https://learn.microsoft.com/en-us/partner-center/developer/customer-resources#customercompanyprofile
 */
export const CompanyProfileSchema = z.looseObject({
  /** Microsoft Entra tenant id of the customer. */
  tenantId: text,
  /** The customer's primary domain, like `contoso.onmicrosoft.com`. */
  domain: z.string(),
  /** Legal company name. */
  companyName: z.string(),
  /** The company's address; absent in list items. */
  address: z.optional(AddressSchema),
  /** Company contact email; absent in list items. */
  email: text,
  /** Organization registration number, in countries that have one. */
  organizationRegistrationNumber: text,
  /** Link to the company profile. */
  links: z.optional(ResourceLinksSchema),
  /** Object type marker (`CustomerCompanyProfile`). */
  attributes: z.optional(ResourceAttributesSchema),
});

/**
 * A customer (Swagger `Customer`): an item of `GET /v1/customers`, or `GET /v1/customers/{id}`.
 * List items carry the company profile without address and often no links; one customer adds
 * the address and the billing profile, which may still be absent (the widget then asks for it).
 * https://learn.microsoft.com/en-us/partner-center/developer/get-a-customer-by-id
 */
export const CustomerSchema = z.looseObject({
  /** Customer id (a GUID, same as the tenant id). */
  id: z.string(),
  /** Commerce id of the customer. */
  commerceId: text,
  /** Company fields. */
  companyProfile: CompanyProfileSchema,
  /** Billing profile, the resource the Update step edits; absent in list items. */
  billingProfile: z.optional(CustomerBillingProfileSchema),
  /** Relationship of the partner to this customer (`reseller`, `advisor`…). */
  relationshipToPartner: z.optional(z.union([z.string(), z.number()])),
  /** Whether the partner has delegated admin access. */
  allowDelegatedAccess: z.optional(z.nullable(z.boolean())),
  /** Sign-in of the customer's first admin; only sent when a customer is created. */
  userCredentials: z.optional(
    z.nullable(z.looseObject({ userName: text, password: z.optional(z.unknown()) })),
  ),
  /** Id of the indirect reseller associated with this customer. */
  associatedPartnerId: text,
  /** The customer's domains. */
  customDomains: z.optional(z.nullable(z.array(z.string()))),
  /** Link to the full customer; sometimes absent in lists. */
  links: z.optional(ResourceLinksSchema),
  /** Object type marker (`Customer`). */
  attributes: z.optional(ResourceAttributesSchema),
});

/** A customer with its profiles. */
export type Customer = z.infer<typeof CustomerSchema>;

/**
 * A customer as an item of `GET /v1/customers`: the same resource, read with the same schema.
 * https://learn.microsoft.com/en-us/partner-center/developer/get-a-list-of-customers
 */
export const CustomerSummarySchema = CustomerSchema;

/** A customer in a list. */
export type CustomerSummary = Customer;

/**
 * `GET /v1/customers`: one page of customers (Swagger `ResourceCollection[Customer]`).
 * https://learn.microsoft.com/en-us/partner-center/developer/get-a-list-of-customers
 */
export const CustomerCollectionSchema = z.looseObject({
  /** Number of items in this page (Partner Center's meaning, not the total of all pages). */
  totalCount: z.optional(z.number()),
  /** The customers of this page. */
  items: z.array(CustomerSummarySchema),
  /** Token for the next page; absent on the last page (it may be only in `links.next`). */
  continuationToken: text,
  /** `self`, and `next` when there is another page (with the token header to send). */
  links: z.optional(ResourceLinksSchema),
  /** Object type marker (`Collection`). */
  attributes: z.optional(ResourceAttributesSchema),
});

/** One page of customers. */
export type CustomerCollection = z.infer<typeof CustomerCollectionSchema>;

/** The continuation token of a page: the body's, else the one its `next` link asks to send. */
export function continuationTokenOf(page: CustomerCollection): string | undefined {
  if (page.continuationToken) return page.continuationToken;
  const header = page.links?.next?.headers?.find(
    (entry) => entry.key.toLowerCase() === 'ms-continuationtoken',
  );
  return header?.value || undefined;
}

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
