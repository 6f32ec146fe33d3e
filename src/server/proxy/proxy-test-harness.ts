import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { AUTH_PATHS, HEADERS, REQUESTED_WITH_SITE } from '../../contract/index.ts';
import { startEntraIdFake, type EntraIdFake } from '../../../tests/e2e/entra-id-fake.ts';
import {
  startPartnerCenterFake,
  type PartnerCenterFake,
} from '../../../tests/e2e/partner-center-fake.ts';
import { createApp } from '../app.ts';

/** The site's origin in these tests: https, so the cookie is `Secure` and `__Host-`. */
export const SITE_URL = 'https://help.contoso.test';

/**
 * A proxy-mode app (answered through Fastify's inject) against a fake Entra ID and a fake
 * Partner Center on loopback, with a clock the test moves and the request log in `logs`.
 */
export interface ProxyHarness {
  app: FastifyInstance;
  entra: EntraIdFake;
  partnerCenter: PartnerCenterFake;
  logs: string[];
  clock: { now: number };
  /** Starts sign-in: the sign-in's cookie and where the browser is sent. */
  startSignIn(returnTo?: string): Promise<{ cookie: string; authorizeUrl: URL }>;
  /** Lets the fake Entra ID approve: the callback path (with code and state) it sends back to. */
  approve(authorizeUrl: URL): Promise<string>;
  /** Calls the callback with a cookie. */
  callback(path: string, cookie: string): Promise<LightMyRequestResponse>;
  /** The whole round trip: the signed-in session cookie. */
  signIn(returnTo?: string): Promise<string>;
  /** An API call as the site's page makes it (same origin, with the marker header). */
  api(
    method: 'GET' | 'PUT' | 'POST',
    path: string,
    options?: { cookie?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The `name=value` of the cookie a response set whose name has `kind`, for the next request. */
function cookieOf(response: LightMyRequestResponse, kind: '-session' | '-sign-in-'): string {
  const cookie = response.cookies.find((candidate) => candidate.name.includes(kind));
  assert.ok(cookie, `no ${kind} cookie in ${JSON.stringify(response.headers['set-cookie'])}`);
  return `${cookie.name}=${cookie.value}`;
}

/** The `name=value` of the session cookie a response set, for the next request. */
export const sessionCookieOf = (response: LightMyRequestResponse) => cookieOf(response, '-session');

/** Starts the fakes and the app. */
export async function startProxyHarness(): Promise<ProxyHarness> {
  const entra = await startEntraIdFake({ redirectUris: [`${SITE_URL}${AUTH_PATHS.callback}`] });
  const partnerCenter = await startPartnerCenterFake();
  const logs: string[] = [];
  const clock = { now: Date.now() };
  const { app } = await createApp({
    siteDir: false,
    log: (line) => logs.push(line),
    proxy: {
      upstream: partnerCenter.url,
      siteUrl: SITE_URL,
      sessionSecret: 'a test secret that is long enough to sign cookies',
      entra: { issuer: entra.issuer, clientId: entra.clientId, clientSecret: entra.clientSecret },
      now: () => clock.now,
    },
  });

  const harness: ProxyHarness = {
    app,
    entra,
    partnerCenter,
    logs,
    clock,
    async startSignIn(returnTo = '/en/') {
      const response = await app.inject({
        method: 'GET',
        url: `${AUTH_PATHS.signIn}?${new URLSearchParams({ returnTo })}`,
      });
      assert.equal(response.statusCode, 302, response.body);
      return {
        cookie: cookieOf(response, '-sign-in-'),
        authorizeUrl: new URL(String(response.headers.location)),
      };
    },
    async approve(authorizeUrl) {
      const response = await fetch(authorizeUrl, { redirect: 'manual' });
      assert.equal(response.status, 302, await response.text());
      const back = new URL(response.headers.get('location') ?? '');
      assert.equal(back.origin, SITE_URL);
      return `${back.pathname}${back.search}`;
    },
    callback: (path, cookie) => app.inject({ method: 'GET', url: path, headers: { cookie } }),
    async signIn(returnTo = '/en/') {
      const started = await harness.startSignIn(returnTo);
      const response = await harness.callback(
        await harness.approve(started.authorizeUrl),
        started.cookie,
      );
      assert.equal(response.statusCode, 303, response.body);
      return sessionCookieOf(response);
    },
    api: (method, path, options = {}) =>
      app.inject({
        method,
        url: `/api${path}`,
        headers: {
          origin: SITE_URL,
          [HEADERS.requestedWith]: REQUESTED_WITH_SITE,
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
      }),
    async close() {
      await app.close();
      await entra.close();
      await partnerCenter.close();
    },
  };
  return harness;
}
