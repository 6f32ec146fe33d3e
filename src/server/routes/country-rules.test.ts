import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CountryValidationRulesSchema, ERROR_CODES } from '../../contract/index.ts';
import type { RunningServer } from '../app.ts';
import { startTestServer } from '../test-helpers.ts';

let server: RunningServer;
before(async () => {
  server = await startTestServer({ seedCount: 10 });
});
after(() => server.close());

test('serves the Japanese rules with all 47 prefectures', async () => {
  const response = await fetch(`${server.apiUrl}/v1/countryvalidationrules/JP`);
  assert.equal(response.status, 200);
  const rules = CountryValidationRulesSchema.parse(await response.json());
  assert.equal(rules.supportedStatesList?.length, 47);
  assert.equal(rules.defaultCulture, 'ja-JP');
});

test('serves rules for a lower-case country code', async () => {
  const response = await fetch(`${server.apiUrl}/v1/countryvalidationrules/tw`);
  assert.equal((await response.json()).iso2Code, 'TW');
});

for (const code of ['ZZ', 'JPN', '__proto__']) {
  test(`answers 404 with the country-not-found code for the country ${code}`, async () => {
    const response = await fetch(`${server.apiUrl}/v1/countryvalidationrules/${code}`);
    assert.equal(response.status, 404);
    assert.equal((await response.json()).code, ERROR_CODES.countryNotFound);
  });
}
