import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Page } from '@playwright/test';
import { AUTH_PATHS } from '../../src/contract/site-session.ts';
import { serviceLocale, type WidgetLanguage } from '../../src/widget/translate.ts';
import { startEntraIdFake, type EntraIdFake } from './entra-id-fake.ts';
import { articlePath, articles, expect, siteStrings, test, widgetStrings } from './fixtures.ts';
import { startPartnerCenterFake, type PartnerCenterFake } from './partner-center-fake.ts';

/*
 * The site in proxy mode, as `npm start` runs it with only environment variables: a second
 * server (the test build, `node src/server/main.ts`) on its own port, signing in with a fake
 * Entra ID and forwarding to a fake Partner Center, both on loopback. One worker runs this file,
 * in order: they share the server and the fakes.
 */
test.describe.configure({ mode: 'serial' });

const proxyPort = Number(
  process.env['E2E_PROXY_PORT'] ?? Number(process.env['E2E_PORT'] ?? 4329) + 10,
);
const siteUrl = `http://127.0.0.1:${proxyPort}`;

let entra: EntraIdFake;
let partnerCenter: PartnerCenterFake;
let server: ChildProcess;
const serverLog: string[] = [];

test.beforeAll(async () => {
  entra = await startEntraIdFake({ redirectUris: [`${siteUrl}${AUTH_PATHS.callback}`] });
  partnerCenter = await startPartnerCenterFake();
  server = spawn(process.execPath, ['src/server/main.ts'], {
    env: {
      PATH: process.env['PATH'] ?? '',
      PORT: String(proxyPort),
      SITE_DIR: 'dist-test',
      SITE_URL: siteUrl,
      PARTNER_CENTER_API_URL: partnerCenter.url,
      ENTRA_AUTHORITY: entra.authority,
      ENTRA_TENANT_ID: entra.tenantId,
      ENTRA_CLIENT_ID: entra.clientId,
      ENTRA_CLIENT_SECRET: entra.clientSecret,
      SESSION_SECRET: randomBytes(32).toString('base64'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  server.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const lines = createInterface({ input: server.stdout! });
  lines.on('line', (line) => serverLog.push(line));
  // Started when it says so; if it exits first, its own message is the failure.
  const started = new Promise<void>((resolve) =>
    lines.on('line', (line) => line.startsWith('Proxy mode:') && resolve()),
  );
  const exited = once(server, 'exit').then(([code]) => {
    throw new Error(`the proxy-mode server exited (${code}): ${errors.join('')}`);
  });
  await Promise.race([started, exited]);
  exited.catch(() => undefined);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  await entra?.close();
  await partnerCenter?.close();
});

const widget = (page: Page) => page.locator('customer-account-update');
const header = (page: Page) => page.locator('header [data-signed-in-user]');

test('npm start says it runs in proxy mode, and the API asks to sign in without a session', async ({
  request,
}) => {
  expect(serverLog[0]).toContain(`→ ${partnerCenter.url}/v1`);
  const response = await request.get(`${siteUrl}/api/v1/customers`);
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({
    code: 70010,
    messageKey: 'error.signInRequired',
    signInUrl: AUTH_PATHS.signIn,
  });
});

test('signs in from the page header, comes back to the same page, and signs out', async ({
  page,
}) => {
  const strings = siteStrings('ja-JP');
  const article = articles[1];
  await page.goto(`${siteUrl}${articlePath(article.folder)}#update-customer-details`);
  await header(page)
    .getByRole('link', { name: strings('site.account.signIn') })
    .click();

  await expect(page).toHaveURL(`${siteUrl}${articlePath(article.folder)}#update-customer-details`);
  await expect(header(page)).toContainText(
    strings('site.account.signedInAs', { name: entra.user.name }),
  );
  expect(entra.grants.at(-1)).toEqual({ grantType: 'authorization_code', status: 200 });
  const cookies = await page.context().cookies(siteUrl);
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  expect(await page.evaluate(() => document.cookie)).toBe('');

  await header(page)
    .getByRole('button', { name: strings('site.account.signOut') })
    .click();
  await expect(
    header(page).getByRole('link', { name: strings('site.account.signIn') }),
  ).toBeVisible();
  const api = await page.request.get(`${siteUrl}/api/v1/customers`);
  expect(api.status()).toBe(401);
});

for (const article of articles) {
  test(`updates a customer through the proxy as the signed-in user (${article.lang})`, async ({
    page,
  }) => {
    const strings = widgetStrings(article.lang);
    await page.goto(
      `${siteUrl}${AUTH_PATHS.signIn}?${new URLSearchParams({ returnTo: articlePath(article.folder) })}`,
    );
    await expect(page).toHaveURL(`${siteUrl}${articlePath(article.folder)}`);
    await expect(header(page)).toContainText(entra.user.name);
    partnerCenter.requests.length = 0;

    await widget(page).getByRole('button', { name: partnerCenter.customer.companyName }).click();
    await expect(
      widget(page).getByRole('heading', { name: strings('account.heading') }),
    ).toBeFocused();
    await widget(page)
      .getByRole('button', { name: strings('account.update'), exact: true })
      .click();
    const city = `Kirkland ${article.lang}`;
    await widget(page).getByLabel(strings('form.city.label')).fill(city);
    await widget(page)
      .getByRole('button', { name: strings('form.submit'), exact: true })
      .click();
    await expect(
      widget(page).getByRole('heading', { name: strings('done.heading') }),
    ).toBeVisible();

    // What Partner Center received: the change, as this user, with the widget's headers.
    expect(partnerCenter.billingProfile()['defaultAddress']).toMatchObject({ city });
    const token = `Bearer ${entra.accessTokens.at(-1)}`;
    expect(partnerCenter.requests.map((request) => request.method)).toContain('PUT');
    for (const request of partnerCenter.requests) {
      expect(request.headers['authorization']).toBe(token);
      expect(request.headers['x-locale']).toBe(serviceLocale(article.lang as WidgetLanguage));
      expect(request.headers['ms-correlationid']).toBeTruthy();
      expect(request.headers['ms-requestid']).toMatch(/^[0-9a-f-]{36}$/);
      expect(request.headers['cookie']).toBeUndefined();
    }
    // One log line per proxied call, with the upstream's time, and never a token.
    const put = partnerCenter.requests.find((request) => request.method === 'PUT');
    const putLine = serverLog.find(
      (line) =>
        line.startsWith(`PUT /api${put?.path} 200 `) &&
        line.endsWith(` ${put?.headers['ms-correlationid']}`),
    );
    expect(putLine).toMatch(/ upstream [\d.]+ms /);
    for (const line of serverLog) expect(line).not.toContain(entra.accessTokens.at(-1));
  });
}
