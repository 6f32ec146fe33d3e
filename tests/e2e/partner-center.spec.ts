import type { Page } from '@playwright/test';
import { serviceLocale, type WidgetLanguage } from '../../src/widget/translate.ts';
import { articlePath, articles, expect, test, widgetStrings } from './fixtures.ts';
import { startPartnerCenterFake, type PartnerCenterFake } from './partner-center-fake.ts';

const widget = (page: Page) => page.locator('customer-account-update');

/**
 * Sends the widget's API requests to the fake Partner Center: the page stays the real article
 * under its real Content-Security-Policy (the endpoint is `/api` on the site), and every request
 * the widget makes, headers and body as they are, is answered by the fake.
 */
async function routeToFake(page: Page, fake: PartnerCenterFake) {
  await page.route('**/api/v1/**', async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({
      url: `${fake.url}${url.pathname.replace(/^\/api/, '')}${url.search}`,
    });
    await route.fulfill({ response });
  });
}

for (const article of articles) {
  test(`against Partner Center's own answers: a StreetPartial suggestion, a 400/2055 conflict, then done (${article.lang})`, async ({
    page,
  }) => {
    const fake = await startPartnerCenterFake();
    try {
      const strings = widgetStrings(article.lang);
      await routeToFake(page, fake);
      await page.goto(articlePath(article.folder));

      // Customers: Partner Center's list items have no address; the customer still shows.
      await widget(page).getByRole('button', { name: fake.customer.companyName }).click();
      await expect(
        widget(page).getByRole('heading', { name: strings('account.heading') }),
      ).toBeFocused();
      await expect(widget(page).getByText(fake.customer.domain).first()).toBeVisible();
      await widget(page)
        .getByRole('button', { name: strings('account.update'), exact: true })
        .click();
      const firstEtag = (fake.billingProfile()['attributes'] as { etag: string }).etag;

      const line1 = widget(page).getByLabel(strings('form.addressLine1.label'));
      await line1.fill('Microsoft Way');
      // Someone else moves the customer to Bellevue meanwhile.
      fake.changeBillingProfile((profile) => ({
        ...profile,
        defaultAddress: { ...(profile['defaultAddress'] as object), city: 'Bellevue' },
      }));
      await widget(page)
        .getByRole('button', { name: strings('form.submit'), exact: true })
        .click();

      // StreetPartial: the suggestion, with Partner Center's own message as text.
      const suggestion = widget(page).getByRole('region', {
        name: strings('submit.suggestion.heading'),
      });
      await expect(suggestion).toContainText("Address field invalid for property: 'Street'");
      await expect(suggestion).toContainText('1 Microsoft Way');
      await suggestion.getByRole('button', { name: strings('submit.suggestion.use') }).click();

      // 400 with code 2055: the latest version beside the edits.
      const conflict = widget(page).getByRole('region', { name: strings('conflict.heading') });
      await expect(conflict).toBeVisible();
      await expect(conflict).toContainText('Bellevue');
      await conflict.getByRole('button', { name: strings('conflict.apply') }).click();
      await expect(widget(page).getByLabel(strings('form.city.label'))).toHaveValue('Bellevue');
      await expect(line1).toHaveValue('1 Microsoft Way');
      await widget(page)
        .getByRole('button', { name: strings('form.submit'), exact: true })
        .click();
      await expect(
        widget(page).getByRole('heading', { name: strings('done.heading') }),
      ).toBeVisible();

      // What Partner Center received.
      expect(fake.billingProfile()['defaultAddress']).toMatchObject({
        addressLine1: '1 Microsoft Way',
        city: 'Bellevue',
        phoneNumber: '1234567890',
        firstName: '1kl as',
      });
      const puts = fake.requests.filter((request) => request.method === 'PUT');
      expect(puts).toHaveLength(2);
      const sentEtags = puts.map((put) => (put.body?.['attributes'] as { etag: string }).etag);
      expect(sentEtags[0]).toBe(firstEtag);
      expect(sentEtags[1]).not.toBe(firstEtag);
      for (const [index, put] of puts.entries())
        expect(put.headers['if-match']).toBe(`"${sentEtags[index]}"`);
      expect(puts[0]?.headers['ms-requestid']).not.toBe(puts[1]?.headers['ms-requestid']);
      expect(
        fake.requests.some((request) => request.path === '/v1/countryvalidationrules/US'),
      ).toBe(true);
      for (const request of fake.requests) {
        expect(request.headers['x-locale']).toBe(serviceLocale(article.lang as WidgetLanguage));
        expect(request.headers['accept']).toBe('application/json');
        expect(request.headers['ms-requestid']).toMatch(/^[0-9a-f-]{36}$/);
        expect(request.headers['ms-correlationid']).toBeTruthy();
      }
    } finally {
      await fake.close();
    }
  });
}
