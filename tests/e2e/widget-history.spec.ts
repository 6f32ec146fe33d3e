import type { Page } from '@playwright/test';
import { articlePath, customerFor, expect, test, widgetStrings } from './fixtures.ts';

const widget = (page: Page) => page.locator('customer-account-update');
const strings = widgetStrings('ja-JP');
const heading = (page: Page, key: string) =>
  widget(page).getByRole('heading', { level: 2, name: strings(key), exact: true });

/** Finds a customer by domain and opens their Update form, as a partner would. */
async function openUpdate(page: Page, domain: string, companyName: string) {
  await widget(page).getByLabel(strings('customers.search.label')).fill(domain);
  await widget(page).getByRole('button', { name: companyName }).click();
  await expect(heading(page, 'account.heading')).toBeFocused();
  await widget(page)
    .getByRole('button', { name: strings('account.update'), exact: true })
    .click();
  await expect(heading(page, 'update.heading')).toBeFocused();
}

test('each step is a history entry: Back returns to the previous step and a reload reopens it with the edits', async ({
  page,
  request,
}) => {
  // Two page loads and four history moves: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const customer = await customerFor(request, 'US', 6);
  const { companyName, domain } = customer.companyProfile;
  await page.goto(articlePath('ja-jp'));
  await openUpdate(page, domain, companyName);
  const line2 = widget(page).getByLabel(strings('form.addressLine2.label'));
  const edit = `History ${Date.now().toString(36)}`;
  await line2.fill(edit);

  await page.reload();
  // A new page load: the widget opens at Customers, then hydrates and goes to the step.
  await expect(heading(page, 'update.heading')).toBeFocused({ timeout: 15_000 });
  await expect(line2).toHaveValue(edit);
  await expect(widget(page).getByRole('heading', { level: 2 })).toHaveCount(1);

  await page.goBack();
  await expect(heading(page, 'account.heading')).toBeFocused();
  await expect(widget(page).getByText(domain).first()).toBeVisible();
  await page.goBack();
  await expect(heading(page, 'customers.heading')).toBeFocused();
  expect(new URL(page.url()).search).toBe('');
  await page.goForward();
  await expect(heading(page, 'account.heading')).toBeFocused();
  await page.goForward();
  await expect(heading(page, 'update.heading')).toBeFocused();
  await expect(line2).toHaveValue(edit);
});

test('a 401 asking for sign-in offers Sign in, which comes back to the same step with the unsent edits', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const customer = await customerFor(request, 'US', 7);
  const { companyName, domain } = customer.companyProfile;
  let signInUrl = 'https://evil.example/sign-in';
  const signInRequired = async (route: import('@playwright/test').Route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({
        code: 70010,
        description: 'Sign in to Partner Center to continue',
        messageKey: 'error.signInRequired',
        data: [],
        source: 'proxy',
        signInUrl,
      }),
    });
  await page.route('**/api/v1/validations/address', signInRequired);
  // The server's sign-in, once done, sends the browser back to returnTo.
  const returnTos: string[] = [];
  await page.route('**/auth/sign-in?*', async (route) => {
    const returnTo = new URL(route.request().url()).searchParams.get('returnTo') ?? '';
    returnTos.push(returnTo);
    await route.fulfill({ status: 302, headers: { Location: returnTo } });
  });

  await page.goto(articlePath('ja-jp'));
  await openUpdate(page, domain, companyName);
  const line2 = widget(page).getByLabel(strings('form.addressLine2.label'));
  const edit = `Signed out ${Date.now().toString(36)}`;
  await line2.fill(edit);
  const submit = widget(page).getByRole('button', { name: strings('form.submit'), exact: true });
  await submit.click();
  const signIn = widget(page).getByRole('button', { name: strings('signIn.button') });

  // Another origin, from untrusted API data: the message, but nowhere to go.
  await expect(widget(page).getByText(strings('error.signInRequired'))).toBeVisible();
  await expect(signIn).toHaveCount(0);

  signInUrl = '/auth/sign-in?prompt=select_account';
  await widget(page)
    .getByRole('button', { name: strings('submit.back') })
    .click();
  await submit.click();
  await signIn.click();
  // A new page load: the widget opens at Customers, then hydrates and goes to the step.
  await expect(heading(page, 'update.heading')).toBeFocused({ timeout: 15_000 });
  await expect(line2).toHaveValue(edit);
  expect(returnTos).toHaveLength(1);
  // Submit reopens as Update: nothing is sent again until the partner presses Submit.
  expect(new URL(returnTos[0] ?? '', page.url()).searchParams.get('cau-step')).toBe('submit');
  expect(new URL(page.url()).searchParams.get('cau-step')).toBe('update');

  await page.unroute('**/api/v1/validations/address');
  await submit.click();
  await expect(heading(page, 'done.heading')).toBeVisible();
});
