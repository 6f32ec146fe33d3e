import type { CustomerFilter } from '../contract/index.ts';

const DOMAIN_LIKE = /^[a-z0-9-]+(\.[a-z0-9-]*)+$/i;

/**
 * The server filter for what a person typed in the one search box: a domain search when it looks
 * like a domain (`contoso.onmicrosoft.com`, `contoso.`), a company-name search otherwise, and
 * none for an empty box (list every customer). Only one field can be searched per request.
 */
export function customerFilterFor(query: string): CustomerFilter | undefined {
  const value = query.trim().slice(0, 200);
  if (value === '') return undefined;
  return {
    Field: DOMAIN_LIKE.test(value) ? 'Domain' : 'CompanyName',
    Value: value,
    Operator: 'starts_with',
  };
}
