import {
  API_PATHS,
  type Customer,
  type CustomerBillingProfile,
  type CustomerSummary,
  type Link,
} from '../contract/index.ts';
import type { CustomerRecord, CustomerRow, StoredProfile } from './store.ts';

function link(uri: string, method = 'GET', headers: Link['headers'] = []): Link {
  return { uri, method, headers };
}

/**
 * A list item from a stored row, as Partner Center's list sends it: the company profile has the
 * tenant, domain and name only, no address.
 */
export function toCustomerSummary(row: CustomerRow): CustomerSummary {
  return {
    id: row.id,
    companyProfile: {
      tenantId: row.tenantId,
      domain: row.domain,
      companyName: row.companyName,
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    relationshipToPartner: 'reseller',
    links: { self: link(API_PATHS.customer(row.id)) },
    attributes: { objectType: 'Customer' },
  };
}

/** The billing profile resource with its links and ETag. */
export function toBillingProfile(
  customerId: string,
  profile: StoredProfile,
  etag: string,
): CustomerBillingProfile {
  return {
    ...profile,
    links: { self: link(API_PATHS.billingProfile(customerId)) },
    attributes: { etag, objectType: 'CustomerBillingProfile' },
  };
}

/** The full customer from a stored record, with the fields Partner Center's example has. */
export function toCustomer(record: CustomerRecord): Customer {
  const summary = toCustomerSummary(record);
  return {
    ...summary,
    companyProfile: {
      ...summary.companyProfile,
      address: record.profile.defaultAddress,
      email: record.profile.email,
      links: { self: link(`${API_PATHS.customer(record.id)}/profiles/company`) },
    },
    billingProfile: toBillingProfile(record.id, record.profile, record.etag),
    allowDelegatedAccess: true,
    customDomains: [record.domain],
  };
}
