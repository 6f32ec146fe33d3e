import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type * as z from 'zod/mini';
import {
  AddressFieldsSchema,
  AddressSchema,
  AddressValidationResponseSchema,
  ApiErrorSchema,
  BillingProfileFieldsSchema,
  CompanyProfileSchema,
  CountryValidationRulesResponseSchema,
  CountryValidationRulesSchema,
  CustomerBillingProfileSchema,
  CustomerCollectionSchema,
  CustomerSchema,
  LinkHeaderSchema,
  LinkSchema,
  ResourceAttributesSchema,
  ResourceLinksSchema,
  continuationTokenOf,
  errorCodeOf,
  readLegacyAddressValidation,
} from './index.ts';

/**
 * Microsoft's own examples (copied into tests/fixtures/partner-center/, see its README for the
 * sources and licences) must parse with the contract, and the contract must have every field of
 * the Swagger definitions, with a matching type.
 */
const fixture = (name: string) =>
  readFileSync(new URL(`../../tests/fixtures/partner-center/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(fixture(name));

function parses<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  assert.ok(result.success, JSON.stringify(result.error?.issues, null, 2));
  return result.data;
}

test('the customer list example parses: items without address or links', () => {
  const page = parses(CustomerCollectionSchema, json('get-a-list-of-customers.json'));
  assert.equal(page.items.length, 2);
  assert.equal(page.items[0]?.companyProfile.address, undefined);
  assert.equal(page.items[0]?.links, undefined);
  assert.equal(continuationTokenOf(page), undefined);
});

test('the customer search example parses', () => {
  const page = parses(CustomerCollectionSchema, json('get-a-customer-by-name.json'));
  assert.deepEqual(
    page.items.map((item) => item.companyProfile.companyName),
    ['Contoso190', 'Contoso', 'Contoso'],
  );
});

test('the customer example parses and keeps the fields the contract does not name', () => {
  const source = json('get-a-customer-by-id.json') as Record<string, unknown>;
  const customer = parses(CustomerSchema, { ...source, somethingNew: { kept: true } });
  assert.equal(customer.billingProfile?.attributes.etag, '-4242348048554929329');
  assert.equal(customer.companyProfile.address?.region, 'wa');
  assert.deepEqual(customer['somethingNew'], { kept: true });
  assert.deepEqual(customer.customDomains, ['abcdefgh1234.ccsctp.net']);
});

for (const name of [
  'get-a-customer-s-billing-profile.json',
  'update-a-customer-s-billing-profile.json',
]) {
  test(`the billing profile example of ${name} parses`, () => {
    const profile = parses(CustomerBillingProfileSchema, json(name));
    assert.equal(profile.attributes.etag, '<etag>');
    assert.equal(profile.defaultAddress.country, 'US');
  });
}

test('the recorded US rules of the live service parse, every field kept', () => {
  const [record] = json('GetPartnerCountryValidation.json') as { ResponseBody: string }[];
  const body = JSON.parse(record!.ResponseBody) as Record<string, unknown>;
  const rules = parses(CountryValidationRulesSchema, body);
  assert.deepEqual(rules, body);
  assert.equal(rules.supportedStatesList?.length, 51);
});

test('the 2015 rules example parses once its two typing errors are repaired', () => {
  const published = fixture('get-market-specific-validation-data.published.txt');
  assert.throws(() => JSON.parse(published), SyntaxError);
  const repaired = json('get-market-specific-validation-data.json') as Record<string, unknown>;
  // Nothing but the broken pattern string and the bad escapes differs.
  const squash = (text: string) => text.replace(/[\s\\]+/g, '');
  assert.equal(squash(JSON.stringify(repaired)), squash(published));
  const rules = parses(CountryValidationRulesResponseSchema, repaired);
  assert.equal(rules.supportedStatesList?.length, 51);
  assert.deepEqual(rules.supportedCulturesList, ['en-US', 'es-US']);
  assert.equal(rules.postalCodeRegex, '^\\d{5}(-\\d{4})?$');
});

test('the 2017 address check failure parses, with its corrected address read', () => {
  const error = parses(ApiErrorSchema, json('validate-an-address.400.json'));
  assert.equal(errorCodeOf(error), 2007);
  const original = {
    country: 'US',
    city: 'Redmond',
    state: 'WA',
    addressLine1: 'One Microsoft Way',
    postalCode: '98007',
  };
  const result = readLegacyAddressValidation(original, error.description ?? undefined);
  assert.equal(result?.status, 'InteractionRequired');
  assert.deepEqual(result?.suggestedAddresses?.[0], {
    ...original,
    city: 'BELLEVUE',
    postalCode: '98007',
  });
  assert.match(result?.validationMessage ?? '', /Field - 'City' is corrected/);
});

test('the current address check answer parses', () => {
  const result = parses(AddressValidationResponseSchema, json('validate-an-address.current.json'));
  assert.equal(result.status, 'StreetPartial');
  assert.equal(result.suggestedAddresses?.length, 1);
});

test('the throttling answer parses as an error without a code', () => {
  const error = parses(ApiErrorSchema, json('api-throttling-guidance.429.json'));
  assert.equal(errorCodeOf(error), undefined);
});

test('an error code sent as a string is read as a number', () => {
  assert.equal(errorCodeOf(parses(ApiErrorSchema, { code: '2055', description: 'x' })), 2055);
});

// Swagger definitions ↔ contract schemas.

interface SwaggerProperty {
  type?: string;
  $ref?: string;
  enum?: unknown[];
  items?: SwaggerProperty;
}
interface SwaggerDefinition {
  properties: Record<string, SwaggerProperty>;
}
const swagger = json('CustomerService.swagger.definitions.json') as {
  definitions: Record<string, SwaggerDefinition>;
};
const P = 'Microsoft.Partner.Service.Customers.Contracts.V1.';
const C = 'Microsoft.Partner.Core.Collections.';

type AnySchema = z.ZodMiniType & { _zod: { def: Record<string, unknown> } };

/** The object schema inside optional/nullable/pipe wrappers. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def;
    if (def['type'] === 'optional' || def['type'] === 'nullable' || def['type'] === 'default')
      current = def['innerType'] as unknown as AnySchema;
    else if (def['type'] === 'pipe') current = def['out'] as unknown as AnySchema;
    else return current;
  }
}

function shapeOf(schema: AnySchema): Record<string, AnySchema> {
  const inner = unwrap(schema);
  assert.equal(inner._zod.def['type'], 'object');
  return inner._zod.def['shape'] as Record<string, AnySchema>;
}

/** A value of the Swagger type (enums of names are sent as names, whatever `type` says). */
function sampleOf(property: SwaggerProperty): unknown {
  if (property.enum && typeof property.enum[0] === 'string') return property.enum[0];
  switch (property.type) {
    case 'string':
      return 'text';
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return 1;
    case 'array':
      return [sampleOf(property.items ?? {})];
    default:
      return undefined;
  }
}

/** Differences between a Swagger definition and a schema, as `definition.field: problem`. */
function diff(definition: string, schema: AnySchema, refs: Record<string, AnySchema>): string[] {
  const properties = swagger.definitions[definition]?.properties;
  assert.ok(properties, `no Swagger definition ${definition}`);
  const shape = shapeOf(schema);
  const problems: string[] = [];
  const name = definition.split('.').at(-1);
  for (const [field, property] of Object.entries(properties)) {
    const fieldSchema = shape[field];
    if (!fieldSchema) {
      problems.push(`${name}.${field}: missing`);
      continue;
    }
    const ref = property.$ref?.replace('#/definitions/', '');
    if (ref) {
      if (refs[ref]) problems.push(...diff(ref, fieldSchema, refs));
      continue;
    }
    const itemRef = property.items?.$ref?.replace('#/definitions/', '');
    if (property.type === 'array' && itemRef) {
      const list = unwrap(fieldSchema);
      if (list._zod.def['type'] !== 'array') problems.push(`${name}.${field}: not an array`);
      else if (refs[itemRef])
        problems.push(...diff(itemRef, list._zod.def['element'] as unknown as AnySchema, refs));
      continue;
    }
    if (!fieldSchema.safeParse(sampleOf(property)).success)
      problems.push(`${name}.${field}: does not accept ${property.type}`);
  }
  return problems;
}

const READ_REFS: Record<string, AnySchema> = {
  [`${P}Customer`]: CustomerSchema as unknown as AnySchema,
  [`${P}Address`]: AddressSchema as unknown as AnySchema,
  [`${P}CustomerCompanyProfile`]: CompanyProfileSchema as unknown as AnySchema,
  [`${P}CustomerBillingProfile`]: CustomerBillingProfileSchema as unknown as AnySchema,
  [`${C}ResourceLinks`]: ResourceLinksSchema as unknown as AnySchema,
  [`${C}Link`]: LinkSchema as unknown as AnySchema,
  [`${C}ResourceAttributes`]: ResourceAttributesSchema as unknown as AnySchema,
  ['System.Collections.Generic.KeyValuePair[System.String,System.String]']:
    LinkHeaderSchema as unknown as AnySchema,
};

for (const [definition, schema] of [
  [`${P}Customer`, CustomerSchema],
  [`${P}CustomerCompanyProfile`, CompanyProfileSchema],
  [`${P}CustomerBillingProfile`, CustomerBillingProfileSchema],
  [`${P}Address`, AddressSchema],
  [
    `${P}CustomerCountryValidationRules.CustomerCountryValidationRules`,
    CountryValidationRulesSchema,
  ],
  [`${C}ResourceCollection[${P}Customer]`, CustomerCollectionSchema],
] as const) {
  const label = definition.startsWith(C)
    ? 'ResourceCollection[Customer]'
    : definition.split('.').at(-1);
  test(`reads every field of Swagger's ${label} with its type`, () => {
    assert.deepEqual(diff(definition, schema as unknown as AnySchema, READ_REFS), []);
  });
}

test('writes every field of Swagger’s CustomerBillingProfile and Address', () => {
  const refs = { [`${P}Address`]: AddressFieldsSchema as unknown as AnySchema };
  const problems = [
    ...diff(`${P}CustomerBillingProfile`, BillingProfileFieldsSchema as unknown as AnySchema, refs),
    ...diff(`${P}Address`, AddressFieldsSchema as unknown as AnySchema, refs),
  ];
  // The strict write schemas need whole values: a bare "text" is not an email or a culture.
  assert.deepEqual(
    problems.filter(
      (problem) => !/\.(email|culture|language|country): does not accept/.test(problem),
    ),
    [],
  );
});

test('the Swagger diff notices a missing field', () => {
  const shapeless = CompanyProfileSchema as unknown as AnySchema;
  const problems = diff(`${P}Address`, shapeless, READ_REFS);
  assert.ok(problems.includes('Address.addressLine1: missing'));
});
