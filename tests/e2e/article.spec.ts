import {
  accessibilityViolations,
  articlePath,
  articles,
  expect,
  siteString,
  test,
} from './fixtures.ts';
import { siteLocales } from '../../src/site/locales.ts';

for (const article of articles) {
  test.describe(`the ${article.lang} article`, () => {
    test('renders in its language with its title, metadata and steps', async ({ page }) => {
      await page.goto(articlePath(article.folder));
      await expect(page.locator('html')).toHaveAttribute('lang', article.lang);
      await expect(page).toHaveTitle(`${article.title} | ${article.siteTitle}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
      await expect(page.getByRole('heading', { level: 2, name: article.heading })).toBeVisible();
      const steps = page.locator('.sl-markdown-content ol > li');
      await expect(steps).toHaveCount(3);
      for (const [index, step] of article.steps.entries()) {
        await expect(steps.nth(index)).toContainText(step);
      }
      const meta = page.locator('.article-meta');
      await expect(meta).toContainText(article.appliesTo);
      await expect(meta.locator('time')).toHaveText(article.date);
      await expect(meta.locator('time')).toHaveAttribute('datetime', '2020-04-07');
    });

    test('shows no side-by-side markup and no doubled site name', async ({ page }) => {
      await page.goto(articlePath(article.folder));
      const html = await page.content();
      expect(html).not.toContain('sxs-lookup');
      expect(html).not.toContain('data-ttu-id');
      await expect(page).not.toHaveTitle(new RegExp(`${article.siteTitle}.*${article.siteTitle}`));
    });

    test('sends the damaged permission link to the article in the same language', async ({
      page,
    }) => {
      await page.goto(articlePath(article.folder));
      const link = page.getByRole('link', { name: article.permissionLink });
      // The site's own page when this build publishes the article, its public page otherwise.
      const published = await page.request.get(
        `/${article.folder}/partner-center/give-customers-permission/`,
      );
      await expect(link).toHaveAttribute(
        'href',
        published.ok() ? '../give-customers-permission/' : article.permissionHref,
      );
    });

    test('keeps the stable English anchor of the steps heading', async ({ page }) => {
      await page.goto(`${articlePath(article.folder)}#update-customer-details`);
      const heading = page.getByRole('heading', { level: 2, name: article.heading });
      await expect(heading).toHaveAttribute('id', 'update-customer-details');
      await expect(heading).toBeInViewport();
      await expect(page.locator('#update-customer-details:target')).toHaveCount(1);
    });

    test('lists only the languages that have the page as alternates', async ({ page }) => {
      await page.goto(articlePath(article.folder));
      const alternates = page.locator('link[rel="alternate"][hreflang]');
      await expect(alternates).toHaveCount(4);
      for (const other of articles) {
        await expect(
          page.locator(`link[rel="alternate"][hreflang="${other.lang}"]`),
        ).toHaveAttribute('href', new RegExp(`${articlePath(other.folder)}$`));
      }
      await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveAttribute(
        'href',
        new RegExp(`${articlePath('en')}$`),
      );
    });

    test('has no accessibility violations', async ({ page }) => {
      await page.goto(articlePath(article.folder));
      expect(await accessibilityViolations(page)).toEqual([]);
    });
  });
}

test('the language switcher keeps the article', async ({ page }) => {
  await page.goto(articlePath('ja-jp'));
  // Starlight shows the switcher in the header on wide screens and in the menu on narrow ones.
  await page
    .getByRole('combobox', { name: siteString('ja-JP', 'languageSelect.accessibleLabel') })
    .first()
    .selectOption({ label: siteLocales[2].label });
  await expect(page).toHaveURL(articlePath('zh-tw'));
  await page
    .getByRole('combobox', { name: siteString('zh-TW', 'languageSelect.accessibleLabel') })
    .first()
    .selectOption({ label: siteLocales[0].label });
  await expect(page).toHaveURL(articlePath('en'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(articles[0].title);
});

test('the sidebar and table of contents speak the page language', async ({ page }) => {
  await page.goto(articlePath('ja-jp'));
  await expect(
    page
      .getByRole('navigation', { name: siteString('ja-JP', 'sidebarNav.accessibleLabel') })
      .getByRole('link', { name: articles[1].title }),
  ).toHaveAttribute('aria-current', 'page');
  const toc = page.locator('starlight-toc nav');
  await expect(toc.getByRole('link', { name: articles[1].heading })).toHaveAttribute(
    'href',
    '#update-customer-details',
  );
  await expect(page.locator('starlight-toc h2')).toHaveText(
    siteString('ja-JP', 'tableOfContents.onThisPage'),
  );
});

test('the article page loads without a failed request', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(articlePath('ja-jp'));
  await expect(page.locator('customer-account-update [part="result"]').first()).toBeVisible();
  expect(failed).toEqual([]);
});
