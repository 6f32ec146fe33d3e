import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AUTH_PATHS, HEADERS, REQUESTED_WITH_SITE } from '../../contract/index.ts';
import {
  SITE_URL,
  sessionCookieOf,
  startProxyHarness,
  type ProxyHarness,
} from '../proxy/proxy-test-harness.ts';
import { SIGN_IN_SCOPES } from './entra-sign-in.ts';

let harness: ProxyHarness;
before(async () => {
  harness = await startProxyHarness();
});
after(() => harness.close());

const session = (cookie: string) =>
  harness.app.inject({ method: 'GET', url: AUTH_PATHS.session, headers: { cookie } });

describe('sign-in with Microsoft Entra ID', () => {
  test('asks for the code with PKCE S256, a state, a nonce and the Partner Center scope', async () => {
    const { authorizeUrl } = await harness.startSignIn();
    const query = authorizeUrl.searchParams;
    assert.equal(authorizeUrl.pathname, `/${harness.entra.tenantId}/oauth2/v2.0/authorize`);
    assert.equal(query.get('client_id'), harness.entra.clientId);
    assert.equal(query.get('response_type'), 'code');
    assert.equal(query.get('redirect_uri'), `${SITE_URL}/auth/callback`);
    assert.equal(query.get('scope'), SIGN_IN_SCOPES);
    assert.equal(query.get('code_challenge_method'), 'S256');
    assert.match(query.get('code_challenge') ?? '', /^[\w-]{43}$/);
    assert.ok((query.get('state') ?? '').length >= 22);
    assert.ok((query.get('nonce') ?? '').length >= 22);
  });

  test('keeps the sign-in and then the session in HttpOnly, SameSite=Lax, Secure, __Host- cookies', async () => {
    const start = await harness.app.inject({ method: 'GET', url: AUTH_PATHS.signIn });
    const started = await harness.startSignIn();
    const callback = await harness.callback(
      await harness.approve(started.authorizeUrl),
      started.cookie,
    );
    const headers = [start, callback].flatMap((response) =>
      [response.headers['set-cookie'] ?? []].flat(),
    );
    assert.match(headers[0] ?? '', /^__Host-partner-help-sign-in-[\w-]{16}=/);
    assert.ok(headers.some((header) => header.startsWith('__Host-partner-help-session=')));
    for (const header of headers) {
      assert.match(header, /; HttpOnly/);
      assert.match(header, /; SameSite=Lax/);
      assert.match(header, /; Secure/);
      assert.match(header, /; Path=\//);
      assert.doesNotMatch(header, /Domain=/);
      // Nothing but a random id or the sign-in's state, signed: never a token.
      for (const token of harness.entra.accessTokens) assert.ok(!header.includes(token));
    }
  });

  test('two sign-ins started at once (a double click, two tabs) can each finish', async () => {
    const first = await harness.startSignIn('/en/first/');
    const second = await harness.startSignIn('/en/second/');
    const both = `${first.cookie}; ${second.cookie}`;
    const secondBack = await harness.callback(await harness.approve(second.authorizeUrl), both);
    assert.equal(secondBack.headers.location, '/en/second/');
    const firstBack = await harness.callback(await harness.approve(first.authorizeUrl), both);
    assert.equal(firstBack.headers.location, '/en/first/');
  });

  test('signs in, returns to the page it started from, and knows who is signed in', async () => {
    const started = await harness.startSignIn(
      '/ja-jp/partner-center/update-customer-account-info/?step=update#form',
    );
    const response = await harness.callback(
      await harness.approve(started.authorizeUrl),
      started.cookie,
    );
    assert.equal(response.statusCode, 303);
    assert.equal(
      response.headers.location,
      '/ja-jp/partner-center/update-customer-account-info/?step=update#form',
    );
    const cookie = sessionCookieOf(response);
    // The sign-in's cookie is spent, and is no session.
    assert.match(String(response.headers['set-cookie']), /-sign-in-[\w-]{16}=;/);
    assert.deepEqual((await session(started.cookie)).json(), {
      signedIn: false,
      signInUrl: AUTH_PATHS.signIn,
    });
    assert.deepEqual((await session(cookie)).json(), {
      signedIn: true,
      name: harness.entra.user.name,
      username: harness.entra.user.preferredUsername,
    });
  });

  for (const [returnTo, expected] of [
    ['https://evil.example/', '/'],
    ['//evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/en/\tx', '/'],
  ] as const) {
    test(`returns to the site, not to ${JSON.stringify(returnTo)}`, async () => {
      const started = await harness.startSignIn(returnTo);
      const response = await harness.callback(
        await harness.approve(started.authorizeUrl),
        started.cookie,
      );
      assert.equal(response.headers.location, expected);
    });
  }

  for (const flaw of [
    'tamperedPayload',
    'foreignKey',
    'wrongAudience',
    'wrongIssuer',
    'wrongNonce',
    'expired',
  ] as const) {
    test(`refuses an ID token with ${flaw}, and no session is signed in`, async () => {
      const started = await harness.startSignIn();
      harness.entra.nextIdTokenFlaw = flaw;
      const response = await harness.callback(
        await harness.approve(started.authorizeUrl),
        started.cookie,
      );
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Sign-in did not complete/);
      assert.doesNotMatch(String(response.headers['set-cookie']), /-session=/);
      assert.deepEqual((await session(started.cookie)).json().signedIn, false);
      assert.equal(harness.entra.nextIdTokenFlaw, undefined, 'the flawed token was issued');
    });
  }

  test('a browser’s prefetch of the sign-in link starts nothing and sets no cookie', async () => {
    const response = await harness.app.inject({
      method: 'GET',
      url: `${AUTH_PATHS.signIn}?returnTo=/en/`,
      headers: { 'sec-purpose': 'prefetch' },
    });
    assert.equal(response.statusCode, 204);
    assert.equal(response.headers['set-cookie'], undefined);
  });

  test('refuses a replayed state: the callback works once', async () => {
    const started = await harness.startSignIn();
    const callback = await harness.approve(started.authorizeUrl);
    assert.equal((await harness.callback(callback, started.cookie)).statusCode, 303);
    const again = await harness.callback(callback, started.cookie);
    assert.equal(again.statusCode, 400);
    assert.doesNotMatch(String(again.headers['set-cookie']), /-session=/);
  });

  test('refuses a callback in a browser that did not start that sign-in (login CSRF)', async () => {
    const started = await harness.startSignIn();
    const callback = await harness.approve(started.authorizeUrl);
    const other = await harness.startSignIn();
    assert.equal((await harness.callback(callback, other.cookie)).statusCode, 400);
    assert.equal((await harness.callback(callback, '')).statusCode, 400);
  });

  test('refuses a callback whose state was changed', async () => {
    const started = await harness.startSignIn();
    const callback = new URL(await harness.approve(started.authorizeUrl), SITE_URL);
    callback.searchParams.set('state', 'forged');
    const response = await harness.callback(
      `${callback.pathname}${callback.search}`,
      started.cookie,
    );
    assert.equal(response.statusCode, 400);
  });

  test('sign-out ends the session and clears the cookie; the API then asks to sign in', async () => {
    const cookie = await harness.signIn();
    const response = await harness.app.inject({
      method: 'POST',
      url: AUTH_PATHS.signOut,
      headers: { cookie, origin: SITE_URL, [HEADERS.requestedWith]: REQUESTED_WITH_SITE },
    });
    assert.equal(response.statusCode, 204);
    assert.match(
      String(response.headers['set-cookie']),
      /__Host-partner-help-session=;.*Expires=Thu, 01 Jan 1970/,
    );
    assert.equal((await session(cookie)).json().signedIn, false);
    const api = await harness.api('GET', '/v1/customers', { cookie });
    assert.equal(api.statusCode, 401);
  });

  test('refuses a cross-site sign-out (a form on another site)', async () => {
    const cookie = await harness.signIn();
    const response = await harness.app.inject({
      method: 'POST',
      url: AUTH_PATHS.signOut,
      headers: { cookie, origin: 'https://evil.example' },
    });
    assert.equal(response.statusCode, 403);
    assert.equal((await session(cookie)).json().signedIn, true);
  });
});
