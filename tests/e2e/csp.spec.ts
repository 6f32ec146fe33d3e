import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import {
  articlePath,
  articles,
  customerFor,
  cspViolations,
  expect,
  siteString,
  test,
  widgetStrings,
} from './fixtures.ts';

/** Every page of the test build, as the server serves it. */
const builtSite = fileURLToPath(new URL('../../dist-test/', import.meta.url));
const pages = readdirSync(builtSite, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('index.html') && !file.startsWith('widget/'))
  .map((file) => `/${file.replace(/index\.html$/, '')}`)
  .sort();

const widget = (page: Page) => page.locator('customer-account-update');

test('the test build has the pages this check walks through', () => {
  expect(pages).toContain('/');
  for (const article of articles) expect(pages).toContain(articlePath(article.folder));
});

test.describe('every page', () => {
  // A language the site does not have, so `/` stays put instead of choosing one.
  test.use({ locale: 'fr-FR' });

  // One test per page, so the walk spreads over the workers and a slow machine times out no
  // test that walks many.
  for (const path of [...pages, '/no-such-page/']) {
    test(`${path} runs under its Content-Security-Policy without a violation`, async ({ page }) => {
      const response = await page.goto(path, { waitUntil: 'load' });
      const header = response?.headers()['content-security-policy'] ?? '';
      expect(header, `${path}: CSP header`).toContain("frame-ancestors 'self'");
      expect(header, `${path}: script-src`).toMatch(/script-src 'self'[^;]* 'sha256-/);
      expect(header, `${path}: no inline scripts without a hash`).not.toMatch(
        /script-src[^;]*'unsafe-inline'/,
      );
      // The page's scripts are running: Starlight's theme script sets the theme before anything else.
      await expect(page.locator('html')).toHaveAttribute('data-theme', /light|dark/);
      expect(await cspViolations(page), path).toEqual([]);
    });
  }
});

for (const [slot, article] of articles.entries()) {
  test(`every widget step runs under the page's policy (${article.lang})`, async ({
    page,
    request,
  }) => {
    const strings = widgetStrings(article.lang);
    const customer = await customerFor(request, 'TW', 10 + slot);
    await page.goto(articlePath(article.folder));
    await expect(widget(page).locator('[part="result"]').first()).toBeVisible();
    expect(await cspViolations(page), 'Customers').toEqual([]);

    await widget(page)
      .getByLabel(strings('customers.search.label'))
      .fill(customer.companyProfile.domain);
    await expect(widget(page).locator('[part="result"]')).toHaveCount(1);
    await widget(page).getByRole('button', { name: customer.companyProfile.companyName }).click();
    await expect(
      widget(page).getByRole('heading', { name: strings('account.heading') }),
    ).toBeFocused();
    expect(await cspViolations(page), 'Account').toEqual([]);

    await widget(page)
      .getByRole('button', { name: strings('account.update'), exact: true })
      .click();
    const email = widget(page).getByLabel(strings('form.email.label'), { exact: true });
    await expect(email).toBeVisible();
    expect(await cspViolations(page), 'Update').toEqual([]);

    const original = await email.inputValue();
    await email.fill('not an address');
    await widget(page)
      .getByRole('button', { name: strings('form.submit'), exact: true })
      .click();
    await expect(
      widget(page)
        .getByRole('alert')
        .filter({ hasText: strings('form.errorSummary') }),
    ).toBeFocused();
    expect(await cspViolations(page), 'Update with errors').toEqual([]);

    await email.fill(original);
    await widget(page)
      .getByRole('button', { name: strings('form.submit'), exact: true })
      .click();
    await expect(
      widget(page).getByRole('heading', { name: strings('done.heading') }),
    ).toBeVisible();
    expect(await cspViolations(page), 'Submit and done').toEqual([]);
  });
}

test('search runs under the policy (its WebAssembly included)', async ({ page }) => {
  const article = articles[1];
  await page.goto(articlePath(article.folder));
  await page.getByRole('button', { name: siteString(article.lang, 'search.label') }).click();
  await page.getByRole('dialog').getByRole('textbox').fill('請求情報');
  // The first search downloads and compiles Pagefind's WebAssembly and index.
  await expect(page.getByRole('dialog').locator('.pagefind-ui__result-link').first()).toHaveText(
    article.title,
    { timeout: 15_000 },
  );
  expect(await cspViolations(page)).toEqual([]);
});

test('another site cannot show our pages in a frame', async ({ browser, baseURL }) => {
  // Its own context: the browser reports the refused frame as a CSP violation, which the shared
  // page fixture would count against the site.
  const context = await browser.newContext();
  // Chrome asks before a page reaches a loopback server (see the cross-origin widget test).
  await context.grantPermissions(['local-network-access']);
  const page = await context.newPage();
  const framed = `${baseURL}${articlePath('en')}`;
  const otherSite = `${baseURL?.replace('127.0.0.1', 'localhost')}/framing-test/`;
  await page.route(otherSite, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>Other site</title><iframe src="${framed}"></iframe>`,
    }),
  );
  const refused = page.waitForEvent('console', (message) =>
    message
      .text()
      .includes(
        `violates the following Content Security Policy directive: "frame-ancestors 'self'"`,
      ),
  );
  const blocked = page.waitForEvent('requestfailed', (request) => request.url() === framed);
  await page.goto(otherSite);
  await refused;
  expect((await blocked).failure()?.errorText).toBe('net::ERR_BLOCKED_BY_RESPONSE');
  await context.close();
});
