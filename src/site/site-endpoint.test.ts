import assert from 'node:assert/strict';
import { test } from 'node:test';
import { siteEndpoint } from './site-endpoint.ts';

test('takes an https endpoint or a path on this site', () => {
  assert.equal(
    siteEndpoint({ PUBLIC_ACCOUNT_ENDPOINT: 'https://proxy.example/api' }),
    'https://proxy.example/api',
  );
  assert.equal(siteEndpoint({ PUBLIC_ACCOUNT_ENDPOINT: '/partner-api' }), '/partner-api');
  assert.equal(siteEndpoint({}), undefined);
});

for (const bad of ['http://proxy.example/api', 'javascript:alert(1)', '//evil.example/api']) {
  test(`stops the build for PUBLIC_ACCOUNT_ENDPOINT=${bad}, naming the variable`, () => {
    assert.throws(
      () => siteEndpoint({ PUBLIC_ACCOUNT_ENDPOINT: bad }),
      (error: Error) => error.message.startsWith(`PUBLIC_ACCOUNT_ENDPOINT="${bad}": `),
    );
  });
}
