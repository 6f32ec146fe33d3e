import { expect, test } from './fixtures.ts';

// tests/fixtures/content/en/partner-center/test-hand-edited-hostile.md, built only in test builds:
// an article edited by hand, not through the importer, so only the site build's sanitizer stands
// between its markup and the reader.
const hostilePage = '/en/partner-center/test-hand-edited-hostile/';

declare global {
  interface Window {
    hostile?: string;
  }
}

test('markup written into an article by hand is rendered inert', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  await page.goto(hostilePage);
  const article = page.locator('.sl-markdown-content');
  await expect(article.getByText('Details text')).toBeVisible();
  await article.getByText('Details summary').click();

  await expect(
    article.locator('iframe, script:not([src]), form, input, [style*="fixed"]'),
  ).toHaveCount(0);
  await expect(article.locator('[onerror], [ontoggle], .sl-banner')).toHaveCount(0);
  for (const name of ['javascript link', 'data link', 'entity link']) {
    await expect(article.getByText(name)).toBeVisible();
    await expect(article.getByRole('link', { name })).toHaveCount(0);
  }
  await expect(article.getByText('Fake banner')).toBeVisible();
  await expect(article.getByText('Enter <Subscription ID> in the box')).toBeVisible();
  await expect(article.locator('code', { hasText: '<script>' })).toBeVisible();
  expect(await page.evaluate(() => window.hostile)).toBeUndefined();
  expect(dialogs).toBe(0);
});
