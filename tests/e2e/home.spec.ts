import { articlePath, articles, expect, test } from './fixtures.ts';
import { siteLocales } from '../../src/site/locales.ts';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the home page offers every language as a plain link', async ({ page }) => {
    await page.goto('/');
    for (const { label: name, folder, lang } of siteLocales) {
      const href = `/${folder}/`;
      const link = page.getByRole('link', { name: new RegExp(`^${name}`) });
      await expect(link).toHaveAttribute('href', href);
      await expect(link).toHaveAttribute('lang', lang);
    }
    await page.getByRole('link', { name: new RegExp(`^${siteLocales[1].label}`) }).click();
    await expect(page).toHaveURL('/ja-jp/');
    await expect(
      page.getByRole('main').getByRole('link', { name: articles[1].title }),
    ).toHaveAttribute('href', articlePath('ja-jp'));
  });
});

test.describe('with a Japanese browser', () => {
  test.use({ locale: 'ja-JP' });

  test('the home page goes to the Japanese site', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL('/ja-jp/');
  });
});

test.describe('with a Traditional Chinese (Hong Kong) browser', () => {
  test.use({ locale: 'zh-HK' });

  test('the home page goes to the Traditional Chinese site', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL('/zh-tw/');
  });
});

test.describe('with a French browser', () => {
  test.use({ locale: 'fr-FR' });

  test('the home page stays and lets the reader choose', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: /^English/ })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  test('the home page remembers the language the reader last read in', async ({ page }) => {
    await page.goto(articlePath('zh-tw'));
    await page.goto('/');
    await expect(page).toHaveURL('/zh-tw/');
  });
});
