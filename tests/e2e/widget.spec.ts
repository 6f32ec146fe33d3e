import type { Locator, Page } from '@playwright/test';
import {
  accessibilityViolations,
  articlePath,
  articles,
  billingProfile,
  customerFor,
  expect,
  test,
  widgetStrings,
} from './fixtures.ts';

const widget = (page: Page) => page.locator('customer-account-update');
/** Unique per test run, so values a test writes always change something, even on a reused server. */
let run = '';
test.beforeEach(() => {
  run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
});
const articleStep = (page: Page, number: number) =>
  page.locator('.sl-markdown-content ol > li').nth(number - 1);

/** Searches for a customer by domain and opens it, as a partner would. */
async function openCustomer(
  page: Page,
  strings: (key: string) => string,
  domain: string,
  companyName: string,
) {
  await widget(page).getByLabel(strings('customers.search.label')).fill(domain);
  await expect(widget(page).locator('[part="result"]')).toHaveCount(1);
  await widget(page).getByRole('button', { name: companyName }).click();
  await expect(
    widget(page).getByRole('heading', { name: strings('account.heading') }),
  ).toBeFocused();
}

test('the widget is rendered on the server with declarative shadow DOM in the page language', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(articlePath('ja-jp'));
  const template = page.locator('customer-account-update > template[shadowrootmode="open"]');
  await expect(template).toHaveCount(0); // the browser turned it into a shadow root while parsing
  const strings = widgetStrings('ja-JP');
  await expect(
    widget(page).getByRole('heading', { name: strings('customers.heading') }),
  ).toBeVisible();
  // Without JavaScript it says what is needed, not "Loading customers…" over a dead search box.
  await expect(widget(page).getByText(strings('widget.noScript'))).toBeVisible();
  await expect(widget(page).getByLabel(strings('customers.search.label'))).toBeHidden();
  await expect(widget(page).getByText(strings('customers.loading'))).toBeHidden();
  await context.close();
});

test('the widget hydrates and loads the customer list', async ({ page }) => {
  await page.goto(articlePath('en'));
  await expect(widget(page).getByText(widgetStrings('en')('widget.noScript'))).toBeHidden();
  await expect(widget(page).locator('[part="result"]').first()).toBeVisible();
  await expect(widget(page).getByRole('status')).toHaveText(/\d+ customers shown/);
});

for (const [slot, article] of articles.entries()) {
  test(`a partner updates an account with the mouse (${article.lang})`, async ({
    page,
    request,
  }) => {
    const strings = widgetStrings(article.lang);
    const customer = await customerFor(request, 'JP', slot);
    await page.goto(articlePath(article.folder));
    await openCustomer(
      page,
      strings,
      customer.companyProfile.domain,
      customer.companyProfile.companyName,
    );
    await expect(articleStep(page, 2)).toHaveAttribute('aria-current', 'step');

    await widget(page)
      .getByRole('button', { name: strings('account.update'), exact: true })
      .click();
    await expect(
      widget(page).getByRole('heading', { name: strings('update.heading'), exact: true }),
    ).toBeFocused();
    const line2 = widget(page).getByLabel(strings('form.addressLine2.label'));
    await expect(line2).toHaveAttribute('autocomplete', 'address-line2');
    // The customer's contact details: the browser must not offer the partner's own.
    for (const field of ['firstName', 'lastName', 'email', 'phoneNumber'])
      await expect(widget(page).locator(`[name="${field}"]`)).toHaveAttribute(
        'autocomplete',
        'off',
      );
    await expect(line2).toHaveAttribute('name', 'addressLine2');
    await line2.fill(`${article.lang} 5F ${run}`);
    await widget(page)
      .getByRole('button', { name: strings('form.submit'), exact: true })
      .click();

    await expect(
      widget(page).getByRole('heading', { name: strings('done.heading') }),
    ).toBeVisible();
    await expect(widget(page).getByRole('table')).toContainText(`${article.lang} 5F ${run}`);
    await expect(articleStep(page, 3)).toHaveAttribute('aria-current', 'step');
    const stored = await billingProfile(request, customer.id);
    expect(stored.defaultAddress.addressLine2).toBe(`${article.lang} 5F ${run}`);

    // On a phone the table stacks: the field's name on a line of its own, full width, and each
    // value below it, so 「フィールド」 is never one character a line.
    await page.setViewportSize({ width: 360, height: 800 });
    const row = widget(page).getByRole('table').locator('tbody tr').first();
    const [name, before, after] = await Promise.all(
      ['th', 'td >> nth=0', 'td >> nth=1'].map(async (cell) => row.locator(cell).boundingBox()),
    );
    const table = await widget(page).getByRole('table').boundingBox();
    expect(name && before && after && table).toBeTruthy();
    if (!name || !before || !after || !table) return;
    expect(name.width).toBeGreaterThan(table.width * 0.9);
    expect(before.y).toBeGreaterThanOrEqual(name.y + name.height - 1);
    expect(after.y).toBeGreaterThanOrEqual(before.y + before.height - 1);
  });
}

/** Presses Tab, as a keyboard user would, until `target` has focus (at most `limit` times). */
async function tabTo(page: Page, target: Locator, limit: number) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element.matches(':focus'))) break;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('a partner updates an account with the keyboard only', async ({ page, request }) => {
  const strings = widgetStrings('en');
  const customer = await customerFor(request, 'US', 0);
  await page.goto(articlePath('en'));
  const search = widget(page).getByLabel('Search customers');
  await search.focus();
  await page.keyboard.type(customer.companyProfile.domain);
  const result = widget(page).getByRole('button', { name: customer.companyProfile.companyName });
  await expect(widget(page).getByRole('status')).toHaveText('1 customer shown');
  await page.keyboard.press('ArrowDown');
  await expect(result).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(widget(page).getByRole('heading', { name: 'Account' })).toBeFocused();

  const update = widget(page).getByRole('button', { name: 'Update', exact: true });
  await tabTo(page, update, 10);
  await page.keyboard.press('Enter');
  await expect(widget(page).getByRole('heading', { name: 'Update', exact: true })).toBeFocused();

  const city = widget(page).getByLabel('City');
  await tabTo(page, city, 20);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(`Bellevue ${run}`);
  await page.keyboard.press('Enter');
  await expect(widget(page).getByRole('heading', { name: strings('done.heading') })).toBeVisible();
  expect((await billingProfile(request, customer.id)).defaultAddress.city).toBe(`Bellevue ${run}`);
});

for (const [article, email, message] of [
  [
    articles[0],
    'not-an-email',
    'Enter an email address in the correct format, like name@example.com',
  ],
  [
    articles[1],
    'メール',
    'メール アドレスを name@example.com のような正しい形式で入力してください',
  ],
  [articles[2], 'a@b', '請以正確格式輸入電子郵件地址，例如 name@example.com'],
] as const) {
  test(`validation errors are in the page language, summarised and linked to their field (${article.lang})`, async ({
    page,
    request,
  }) => {
    const strings = widgetStrings(article.lang);
    const customer = await customerFor(request, 'TW', articles.indexOf(article));
    await page.goto(articlePath(article.folder));
    await openCustomer(
      page,
      strings,
      customer.companyProfile.domain,
      customer.companyProfile.companyName,
    );
    await widget(page)
      .getByRole('button', { name: strings('account.update'), exact: true })
      .click();
    const emailField = widget(page).getByLabel(strings('form.email.label'), { exact: true });
    await emailField.fill(email);
    await widget(page)
      .getByRole('button', { name: strings('form.submit'), exact: true })
      .click();

    const summary = widget(page)
      .getByRole('alert')
      .filter({ hasText: strings('form.errorSummary') });
    await expect(summary).toBeFocused();
    await summary.getByRole('link', { name: message }).click();
    await expect(emailField).toBeFocused();
    await expect(emailField).toHaveAttribute('aria-invalid', 'true');
    await expect(widget(page).getByText(message).last()).toBeVisible();
  });
}

test('the hostile record renders as inert text', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.goto(articlePath('en'));
  const search = widget(page).getByLabel('Search customers');
  await search.fill('hostilescript.onmicrosoft.com');
  await expect(widget(page).locator('[part="result"]')).toHaveCount(1);
  await expect(
    widget(page).getByRole('button', { name: '"><script>alert(1)</script>' }),
  ).toBeVisible();
  await search.fill('hostileimage.onmicrosoft.com');
  await expect(widget(page).locator('[part="result"]')).toHaveCount(1);
  const image = widget(page).getByRole('button', { name: '<img src=x onerror=alert(1)>' });
  await expect(image).toBeVisible();
  await expect(widget(page).locator('img, script')).toHaveCount(0);
  await image.click();
  await expect(widget(page).getByText('<img src=x onerror=alert(1)>').first()).toBeVisible();
  await expect(widget(page).locator('img, script')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

/** Opens the Update step of a customer in English. */
async function openUpdate(page: Page, domain: string, companyName: string) {
  const strings = widgetStrings('en');
  await page.goto(articlePath('en'));
  await openCustomer(page, strings, domain, companyName);
  await widget(page).getByRole('button', { name: 'Update', exact: true }).click();
  await expect(widget(page).getByRole('heading', { name: 'Update', exact: true })).toBeFocused();
}

test('a stale ETag (400 with code 2055) shows the latest values beside the edits and re-applies the edits onto them', async ({
  page,
  request,
}) => {
  const customer = await customerFor(request, 'US', 1);
  await openUpdate(page, customer.companyProfile.domain, customer.companyProfile.companyName);
  await widget(page).getByLabel('Address line 2').fill(`Suite 2055 ${run}`);

  // Someone else changes the city meanwhile.
  const before = await billingProfile(request, customer.id);
  const changed = await request.put(`/api/v1/customers/${customer.id}/profiles/billing`, {
    headers: { 'If-Match': `"${before.attributes.etag}"` },
    data: { ...before, defaultAddress: { ...before.defaultAddress, city: `Tacoma ${run}` } },
  });
  expect(changed.status()).toBe(200);

  await widget(page).getByRole('button', { name: 'Submit', exact: true }).click();
  const conflict = widget(page).getByRole('region', { name: 'Someone else changed this account' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('row', { name: /City/ })).toContainText(`Tacoma ${run}`);
  await expect(widget(page).getByLabel('Address line 2')).toHaveValue(`Suite 2055 ${run}`);
  await widget(page)
    .getByRole('button', { name: 'Apply my changes to the latest version' })
    .click();
  await expect(widget(page).getByLabel('City')).toHaveValue(`Tacoma ${run}`);
  await expect(widget(page).getByLabel('Address line 2')).toHaveValue(`Suite 2055 ${run}`);
  await widget(page).getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(widget(page).getByRole('heading', { name: 'Account updated' })).toBeVisible();
  const after = await billingProfile(request, customer.id);
  expect(after.defaultAddress).toMatchObject({
    city: `Tacoma ${run}`,
    addressLine2: `Suite 2055 ${run}`,
  });
});

test('a 500 after the change was saved is retried with the same request id and applied once', async ({
  page,
  request,
}) => {
  const customer = await customerFor(request, 'US', 2);
  const puts: { requestId: string | undefined; status: number; etag: string | undefined }[] = [];
  // Each PUT is recorded in the route handler, before its answer reaches the page, so the list is
  // complete by the time the page shows the outcome (an async `page.on('response')` handler could
  // still be reading a body when the assertions run).
  await page.route('**/api/v1/customers/*/profiles/billing', async (route) => {
    const sent = route.request();
    if (sent.method() !== 'PUT') return route.continue();
    const response = await route.fetch({
      headers: { ...sent.headers(), 'x-test-fault': '500-after-commit-once' },
    });
    const body = await response.text();
    puts.push({
      requestId: sent.headers()['ms-requestid'],
      status: response.status(),
      etag: response.status() === 200 ? JSON.parse(body).attributes.etag : undefined,
    });
    return route.fulfill({ response, body });
  });
  await openUpdate(page, customer.companyProfile.domain, customer.companyProfile.companyName);
  await widget(page).getByLabel('Address line 2').fill(`Floor 500 ${run}`);
  await widget(page).getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(widget(page).getByRole('alert')).toContainText(
    'Something went wrong. Try again later',
  );
  await expect(widget(page).getByText('Your changes are kept.')).toBeVisible();
  await widget(page).getByRole('button', { name: 'Try again' }).click();
  await expect(widget(page).getByRole('heading', { name: 'Account updated' })).toBeVisible();

  expect(puts.map((put) => put.status)).toEqual([500, 200]);
  expect(puts[0]?.requestId).toBeTruthy();
  expect(puts[1]?.requestId).toBe(puts[0]?.requestId);
  const stored = await billingProfile(request, customer.id);
  expect(stored.defaultAddress.addressLine2).toBe(`Floor 500 ${run}`);
  // The retry got the first write's result: had it been applied again, the ETag would differ.
  expect(stored.attributes.etag).toBe(puts[1]?.etag);
});

test('going offline keeps the edits, and coming back sends them', async ({
  page,
  context,
  request,
}) => {
  const customer = await customerFor(request, 'US', 3);
  await openUpdate(page, customer.companyProfile.domain, customer.companyProfile.companyName);
  await widget(page).getByLabel('Address line 2').fill(`Offline ${run}`);
  await context.setOffline(true);
  await widget(page).getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(widget(page).getByRole('alert')).toContainText('Could not connect to the service');
  await context.setOffline(false);
  await widget(page).getByRole('button', { name: 'Try again' }).click();
  await expect(widget(page).getByRole('heading', { name: 'Account updated' })).toBeVisible();
  expect((await billingProfile(request, customer.id)).defaultAddress.addressLine2).toBe(
    `Offline ${run}`,
  );
});

test('unsent edits wait in a draft that the Customers step offers, in one copy of the widget', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const customer = await customerFor(request, 'US', 4);
  await openUpdate(page, customer.companyProfile.domain, customer.companyProfile.companyName);
  await widget(page).getByLabel('Address line 2').fill(`Draft ${run}`);
  const hydrationErrors: string[] = [];
  page.on('console', (message) => {
    if (/hydration/i.test(message.text())) hydrationErrors.push(message.text());
  });
  // The article opened again (not at the step: widget-history.spec.ts covers reloads there).
  await page.goto(articlePath('en'));
  await widget(page).getByRole('button', { name: 'Continue editing' }).click();
  // The server's markup and the first render agree, so hydration keeps one copy: a dead second
  // one would be what keyboard and screen-reader users reach first.
  await expect(widget(page).getByRole('heading', { level: 2 })).toHaveCount(1);
  expect(hydrationErrors).toEqual([]);
  await expect(
    widget(page).getByText('Your changes that were not submitted have been restored.'),
  ).toBeVisible();
  await expect(widget(page).getByLabel('Address line 2')).toHaveValue(`Draft ${run}`);
  await widget(page).getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(widget(page).getByRole('heading', { name: 'Account updated' })).toBeVisible();
  await widget(page).getByRole('button', { name: 'Back to Customers' }).click();
  await expect(widget(page).locator('[part="result"]').first()).toBeVisible();
  await expect(widget(page).getByRole('button', { name: 'Continue editing' })).toHaveCount(0);
});

for (const article of articles) {
  // English in the light theme, Japanese and Chinese in the dark one: both themes at every step,
  // with five axe runs per test rather than ten.
  const theme = article.lang === 'en' ? 'light' : 'dark';
  test(`every step of the widget passes axe (${article.lang}, ${theme} theme)`, async ({
    page,
    request,
  }) => {
    // The whole page once, then at each later step what a step changes: the widget and the
    // article's steps it marks as current. Five axe runs can still take over the default 30 s on
    // a busy machine.
    test.setTimeout(180_000);
    const widgetOnly = (page: Page) =>
      accessibilityViolations(page, [], ['customer-account-update', '.sl-markdown-content ol']);
    await page.emulateMedia({ colorScheme: theme });
    const strings = widgetStrings(article.lang);
    const customer = await customerFor(request, 'JP', 10 + articles.indexOf(article));
    await page.goto(articlePath(article.folder));
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const row = widget(page).locator('[part="result"]').first();
    await expect(row).toBeVisible();
    expect(await accessibilityViolations(page), 'Customers').toEqual([]);
    // A row has a border that stands out from the box (it looks like something to press), and
    // the widget speaks in the article's own font.
    const look = await row.evaluate((button) => {
      const box = button.closest('.base') as HTMLElement;
      return {
        border: getComputedStyle(button).borderTopColor,
        box: getComputedStyle(box).backgroundColor,
        font: getComputedStyle(box).fontFamily,
        page: getComputedStyle(document.body).fontFamily,
      };
    });
    expect(look.border).not.toBe(look.box);
    expect(look.font).toBe(look.page);
    await openCustomer(
      page,
      strings,
      customer.companyProfile.domain,
      customer.companyProfile.companyName,
    );
    expect(await widgetOnly(page), 'Account').toEqual([]);
    await widget(page)
      .getByRole('button', { name: strings('account.update'), exact: true })
      .click();
    await expect(
      widget(page).getByRole('heading', { name: strings('update.heading'), exact: true }),
    ).toBeFocused();
    expect(await widgetOnly(page), 'Update').toEqual([]);
    await widget(page).getByLabel(strings('form.email.label'), { exact: true }).fill('wrong');
    await widget(page)
      .getByRole('button', { name: strings('form.submit'), exact: true })
      .click();
    await expect(widget(page).getByRole('alert').first()).toBeVisible();
    expect(await widgetOnly(page), 'Update with errors').toEqual([]);
    await widget(page)
      .getByLabel(strings('form.email.label'), { exact: true })
      .fill(`axe-${article.folder}-${run}@example.com`);
    await widget(page)
      .getByRole('button', { name: strings('form.submit'), exact: true })
      .click();
    await expect(
      widget(page).getByRole('heading', { name: strings('done.heading') }),
    ).toBeVisible();
    expect(await widgetOnly(page), 'Done').toEqual([]);
  });
}

test('what a reader types before the widget wakes up is searched, not lost', async ({
  page,
  request,
}) => {
  const customer = await customerFor(request, 'US', 5);
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_astro/customer-account-update*.js', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(articlePath('en'), { waitUntil: 'domcontentloaded' });
  await widget(page).getByLabel('Search customers').fill(customer.companyProfile.domain);
  release();
  await expect(widget(page).getByRole('status')).toHaveText('1 customer shown');
  await expect(widget(page).getByLabel('Search customers')).toHaveValue(
    customer.companyProfile.domain,
  );
  await expect(
    widget(page).getByRole('button', { name: customer.companyProfile.companyName }),
  ).toBeVisible();
});

test('the widget works on a plain HTML page of another site, in that page’s language', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  const customer = await customerFor(request, 'JP', 20);
  // Chrome asks before a page reaches a loopback server; a reader of a deployed site never
  // meets this, as their server is not on their own machine.
  await context.grantPermissions(['local-network-access']);
  // The README's example, on another origin: `localhost` where the site is `127.0.0.1` (CORS_ORIGINS
  // allows it in the test server). Both are loopback, as Chrome blocks public origins from
  // calling a loopback server.
  const partnerPage = `${baseURL?.replace('127.0.0.1', 'localhost')}/partner-portal/`;
  await page.route(partnerPage, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html>
        <html lang="ja-JP">
          <head><title>Partner portal</title></head>
          <body>
            <main>
              <h1>Partner portal</h1>
              <customer-account-update endpoint="${baseURL}/api"></customer-account-update>
            </main>
            <script type="module" src="${baseURL}/widget/customer-account-update.js"></script>
          </body>
        </html>`,
    }),
  );
  await page.goto(partnerPage);
  const strings = widgetStrings('ja-JP');
  await expect(
    widget(page).getByRole('heading', { name: strings('customers.heading') }),
  ).toBeVisible();
  await openCustomer(
    page,
    strings,
    customer.companyProfile.domain,
    customer.companyProfile.companyName,
  );
  await widget(page)
    .getByRole('button', { name: strings('account.update'), exact: true })
    .click();
  await widget(page).getByLabel(strings('form.addressLine2.label')).fill(`他社サイト 3F ${run}`);
  await widget(page)
    .getByRole('button', { name: strings('form.submit'), exact: true })
    .click();
  await expect(widget(page).getByRole('heading', { name: strings('done.heading') })).toBeVisible();
  expect((await billingProfile(request, customer.id)).defaultAddress.addressLine2).toBe(
    `他社サイト 3F ${run}`,
  );
});

test('only the page language’s widget strings reach the browser', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const response = await page.goto(articlePath('ja-jp'));
  const html = (await response?.text()) ?? '';
  const ja = widgetStrings('ja-JP');
  const en = widgetStrings('en');
  const zh = widgetStrings('zh-TW');
  expect(html).toContain(ja('customers.search.hint'));
  expect(html).not.toContain(en('customers.search.hint'));
  expect(html).not.toContain(zh('customers.search.hint'));
  await expect(widget(page).locator('[part="result"]').first()).toBeVisible();
  expect(requested.filter((url) => /widget\.json|\/locales\//.test(url))).toEqual([]);
});

test('a busy service (429) says when to try again, and trying again works', async ({ page }) => {
  await page.route('**/api/v1/customers?*', async (route) =>
    route.continue({
      headers: {
        ...route.request().headers(),
        'x-test-fault': '429-once',
        'x-test-fault-key': `busy-list-${run}`,
      },
    }),
  );
  await page.goto(articlePath('zh-tw'));
  const zh = widgetStrings('zh-TW');
  await expect(widget(page).getByRole('alert')).toContainText(
    zh('status.retryAfter_other').replace('{{count}}', '1'),
  );
  await widget(page)
    .getByRole('button', { name: zh('submit.retry') })
    .click();
  await expect(widget(page).locator('[part="result"]').first()).toBeVisible();
});

test('a malformed answer from the endpoint is a message, not a crash', async ({ page }) => {
  await page.route('**/api/v1/customers?*', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ items: [{ id: 42 }] }),
    }),
  );
  await page.goto(articlePath('en'));
  await expect(widget(page).getByRole('alert')).toContainText(
    'The service sent an answer that could not be read.',
  );
  await expect(widget(page).getByLabel('Search customers')).toBeEditable();
});

test('customer-id starts at the Account step; an unknown customer gets a clear message', async ({
  page,
  context,
  request,
  baseURL,
}) => {
  const customer = await customerFor(request, 'TW', 5);
  await context.grantPermissions(['local-network-access']);
  const partnerPage = (id: string) =>
    `${baseURL?.replace('127.0.0.1', 'localhost')}/partner-portal/${id}`;
  await page.route(`${partnerPage('')}*`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="zh-TW"><body>
        <customer-account-update endpoint="${baseURL}/api" customer-id="${route.request().url().split('/').pop()}"></customer-account-update>
        <script type="module" src="${baseURL}/widget/customer-account-update.js"></script>
      </body></html>`,
    }),
  );
  const zh = widgetStrings('zh-TW');
  await page.goto(partnerPage(customer.id));
  await expect(widget(page).getByRole('heading', { name: zh('account.heading') })).toBeVisible();
  await expect(widget(page).getByText(customer.companyProfile.domain)).toBeVisible();
  await page.goto(partnerPage('no-such-customer'));
  await expect(widget(page).getByRole('alert')).toContainText(zh('error.customerNotFound'));
  await widget(page)
    .getByRole('button', { name: zh('account.back') })
    .click();
  await expect(widget(page).getByRole('heading', { name: zh('customers.heading') })).toBeVisible();
});

test('an address the service calls incorrect (None) is marked on its fields, with the service’s message', async ({
  page,
}) => {
  const strings = widgetStrings('en');
  await openUpdate(page, 'hikaridenki.onmicrosoft.com', '株式会社ひかり電機');
  await widget(page).getByRole('button', { name: 'Submit', exact: true }).click();
  const summary = widget(page)
    .getByRole('alert')
    .filter({ hasText: strings('form.errorSummary') });
  await expect(summary).toBeFocused();
  await expect(
    summary.getByRole('link', { name: strings('validation.address.notFound') }),
  ).toBeVisible();
  await expect(summary).toContainText('No address has this postal code.');
  await expect(widget(page).getByLabel(strings('form.postalCode.label'))).toHaveAttribute(
    'aria-invalid',
    'true',
  );
});

test('an address the service could not check (NotValidated) is submitted once the partner confirms', async ({
  page,
}) => {
  const strings = widgetStrings('en');
  await openUpdate(page, 'tailspintoys.onmicrosoft.com', 'Tailspin Toys Pvt. Ltd.');
  await widget(page).getByLabel(strings('form.addressLine2.label')).fill(`Unchecked ${run}`);
  await widget(page).getByRole('button', { name: 'Submit', exact: true }).click();
  const unchecked = widget(page).getByRole('region', {
    name: strings('submit.unchecked.heading'),
  });
  await expect(unchecked).toBeFocused();
  await expect(unchecked).toContainText('Addresses in IN are not validated.');
  await unchecked.getByRole('button', { name: strings('submit.unchecked.send') }).click();
  await expect(widget(page).getByRole('heading', { name: strings('done.heading') })).toBeVisible();
});
