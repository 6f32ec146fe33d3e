import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { configFromEnv, ConfigError, DEFAULT_ENTRA_AUTHORITY, DEFAULT_PORT } from './config.ts';

const proxyEnv = {
  PARTNER_CENTER_API_URL: 'https://api.partnercenter.microsoft.com/',
  ENTRA_TENANT_ID: '0b8a6b43-12a5-4a6e-9f3e-5c0c1c1e0b8a',
  ENTRA_CLIENT_ID: '6f1b2c3d-0000-4000-8000-000000000001',
  ENTRA_CLIENT_SECRET: 'client-secret',
  SESSION_SECRET: 'x'.repeat(32),
  SITE_URL: 'https://help.contoso.com',
};

function errorOf(env: NodeJS.ProcessEnv): string {
  try {
    configFromEnv(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail('the configuration was accepted');
}

describe('configFromEnv', () => {
  test('gives the reference server its defaults when nothing is set', () => {
    const config = configFromEnv({});
    assert.equal(config.port, DEFAULT_PORT);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.options.proxy, undefined);
    assert.equal(config.options.log, true);
    assert.equal(config.options.faults, false);
    assert.deepEqual(config.options.corsOrigins, []);
  });

  test('reads the reference server’s variables', () => {
    const config = configFromEnv({
      PORT: '0',
      ACCOUNTS_DB: ':memory:',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      API_FAULTS: '1',
      API_LOG: '0',
      SITE_DIR: 'dist-test',
    });
    assert.equal(config.port, 0);
    assert.equal(config.options.dbPath, ':memory:');
    assert.deepEqual(config.options.corsOrigins, ['https://a.example', 'https://b.example']);
    assert.equal(config.options.faults, true);
    assert.equal(config.options.log, false);
    assert.equal(config.options.siteDir, 'dist-test');
  });

  for (const [name, value] of [
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['API_FAULTS', 'yes'],
    ['API_LOG', 'false'],
    ['CORS_ORIGINS', 'not an origin'],
    ['PARTNER_CENTER_API_URL', 'http://api.partnercenter.microsoft.com'],
    ['PARTNER_CENTER_API_URL', 'api.partnercenter.microsoft.com'],
    ['ENTRA_AUTHORITY', 'http://login.example.com'],
    ['SITE_URL', 'https://help.contoso.com/docs'],
    ['SITE_URL', 'ftp://help.contoso.com'],
  ] as const) {
    test(`stops at ${name}=${value}, naming the variable and its value`, () => {
      assert.match(
        errorOf({ [name]: value }),
        new RegExp(`${name}="${value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}": `),
      );
    });
  }

  test('reads proxy mode, with the issuer below the default authority', () => {
    const proxy = configFromEnv(proxyEnv).options.proxy;
    assert.deepEqual(proxy, {
      upstream: 'https://api.partnercenter.microsoft.com',
      siteUrl: 'https://help.contoso.com',
      sessionSecret: proxyEnv.SESSION_SECRET,
      entra: {
        issuer: `${DEFAULT_ENTRA_AUTHORITY}/${proxyEnv.ENTRA_TENANT_ID}/v2.0`,
        clientId: proxyEnv.ENTRA_CLIENT_ID,
        clientSecret: proxyEnv.ENTRA_CLIENT_SECRET,
      },
    });
  });

  test('accepts a plain-http authority and upstream on loopback (local fakes)', () => {
    const proxy = configFromEnv({
      ...proxyEnv,
      ENTRA_AUTHORITY: 'http://127.0.0.1:4352',
      PARTNER_CENTER_API_URL: 'http://127.0.0.1:4353',
    }).options.proxy;
    assert.equal(proxy?.entra.issuer, `http://127.0.0.1:4352/${proxyEnv.ENTRA_TENANT_ID}/v2.0`);
    assert.equal(proxy?.upstream, 'http://127.0.0.1:4353');
  });

  test('names every variable proxy mode lacks', () => {
    const message = errorOf({ PARTNER_CENTER_API_URL: proxyEnv.PARTNER_CENTER_API_URL });
    for (const name of [
      'ENTRA_TENANT_ID',
      'ENTRA_CLIENT_ID',
      'ENTRA_CLIENT_SECRET',
      'SESSION_SECRET',
      'SITE_URL',
    ]) {
      assert.match(message, new RegExp(`${name} is not set`));
    }
  });

  test('refuses a short SESSION_SECRET', () => {
    assert.match(
      errorOf({ ...proxyEnv, SESSION_SECRET: 'short' }),
      /SESSION_SECRET="short": must be at least 32/,
    );
  });

  test('refuses the reference server’s token, faults and CORS in proxy mode', () => {
    const message = errorOf({
      ...proxyEnv,
      API_TOKEN: 't',
      API_FAULTS: '1',
      CORS_ORIGINS: 'https://a.example',
    });
    for (const name of ['API_TOKEN', 'API_FAULTS', 'CORS_ORIGINS'])
      assert.match(message, new RegExp(`${name} is set`));
  });

  test('treats an empty variable as not set', () => {
    assert.equal(configFromEnv({ PORT: '', PARTNER_CENTER_API_URL: '' }).port, DEFAULT_PORT);
  });
});
