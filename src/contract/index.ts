/**
 * The API contract shared by the widget and the reference server: zod schemas (zod/mini, to keep
 * the widget small), their types, error codes and message keys. Phone validation is deliberately
 * not exported here; import `./phone.ts` (lazily in the browser) for it.
 */
export * from './address.ts';
export * from './address-validation.ts';
export * from './billing-profile.ts';
export * from './country-hints.ts';
export * from './country-rules.ts';
export * from './customer.ts';
export * from './errors.ts';
export * from './http.ts';
export * from './messages.ts';
export * from './site-session.ts';
