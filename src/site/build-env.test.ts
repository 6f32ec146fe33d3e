import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { astroMode, buildEnv } from './build-env.ts';
import { siteEndpoint } from './site-endpoint.ts';

test('runs a build in production mode and everything else in development mode', () => {
  assert.equal(astroMode(['node', 'astro', 'build']), 'production');
  assert.equal(astroMode(['node', 'astro', 'dev']), 'development');
  assert.equal(astroMode(['node', 'astro', 'build', '--mode', 'staging']), 'staging');
  assert.equal(astroMode(['node', 'astro', 'build', '--mode=staging']), 'staging');
});

test('reads a variable set only in .env, as Astro does', () => {
  const root = mkdtempSync(join(tmpdir(), 'build-env-'));
  writeFileSync(join(root, '.env'), 'PUBLIC_ACCOUNT_ENDPOINT=http://proxy.example/api\n');
  writeFileSync(join(root, '.env.production'), 'SITE_URL=https://help.example\n');
  const env = buildEnv(root, ['node', 'astro', 'build']);
  assert.equal(env['PUBLIC_ACCOUNT_ENDPOINT'], 'http://proxy.example/api');
  assert.equal(env['SITE_URL'], 'https://help.example');
  assert.equal(buildEnv(root, ['node', 'astro', 'dev'])['SITE_URL'], undefined);
  // The build's endpoint check sees it, and stops the build for a plain-http endpoint.
  assert.throws(() => siteEndpoint(env), /^Error: PUBLIC_ACCOUNT_ENDPOINT="http:\/\/proxy/);
});
