import { siteLocales } from '../../src/site/locales.ts';
import { accessibilityViolations, expect, siteString, test } from './fixtures.ts';

for (const { folder, lang } of siteLocales) {
  test(`the translation status page speaks ${lang} and lists every translation of the seed article`, async ({
    page,
  }) => {
    await page.goto(`/${folder}/translators/`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      siteString(lang, 'site.translators.title'),
    );
    const rows = page
      .getByRole('row')
      .filter({ hasText: 'partner-center/update-customer-account-info' });
    for (const other of siteLocales.slice(1)) {
      await expect(rows.filter({ hasText: other.lang })).toContainText(
        siteString(lang, 'site.translators.state.translated'),
      );
    }
    // The test pages have an English-only article: it is missing in every other language.
    await expect(
      page.getByRole('row').filter({ hasText: 'partner-center/test-english-only' }).first(),
    ).toContainText(siteString(lang, 'site.translators.state.missing'));
    expect(await accessibilityViolations(page)).toEqual([]);
  });
}

test('/translators/ is the English report, linking to the other languages', async ({ page }) => {
  await page.goto('/translators/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    siteString('en', 'site.translators.title'),
  );
  for (const other of siteLocales.slice(1)) {
    await expect(page.getByRole('link', { name: other.label })).toHaveAttribute(
      'href',
      `/${other.folder}/translators/`,
    );
  }
});
