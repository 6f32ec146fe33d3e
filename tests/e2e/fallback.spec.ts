import { readFileSync } from 'node:fs';
import { accessibilityViolations, articlePath, expect, siteString, test } from './fixtures.ts';

// These pages come from tests/fixtures/content, built only with INCLUDE_TEST_PAGES=1 (npm test does).
const englishOnly = (folder: string) => `/${folder}/partner-center/test-english-only/`;

// One language in each colour scheme: axe runs once per page load, and both schemes are covered.
for (const [folder, lang, scheme] of [
  ['ja-jp', 'ja-JP', 'dark'],
  ['zh-tw', 'zh-TW', 'light'],
] as const) {
  test(`a page missing in ${lang} shows the English text, marked as English, with a ${lang} notice, accessible in ${scheme}`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(englishOnly(folder));
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByText(siteString(lang, 'i18n.untranslatedContent'))).toBeVisible();
    await expect(page.locator('main')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test page in English only');
    // The reader stays in their language when following a link to a page that is translated.
    const link = page.getByRole('link', { name: 'the customer account article' });
    expect(new URL(await link.evaluate((a: HTMLAnchorElement) => a.href)).pathname).toBe(
      articlePath(folder),
    );
    await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(2);
    await expect(page.locator(`link[rel="alternate"][hreflang="${lang}"]`)).toHaveCount(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
}

test('asides, heading links and code blocks are labelled in the page language', async ({
  page,
}) => {
  await page.goto('/ja-jp/partner-center/test-japanese-markdown/');
  await expect(
    page.getByRole('complementary', { name: siteString('ja-JP', 'aside.note') }),
  ).toContainText('タイトルのないメモ。');
  await expect(
    page.getByRole('complementary', { name: siteString('ja-JP', 'aside.caution') }),
  ).toContainText('タイトルのない注意。');
  await expect(
    page.getByRole('link', {
      name: siteString('ja-JP', 'heading.anchorLabel', { title: '安定したアンカーのある見出し' }),
    }),
  ).toHaveAttribute('href', '#stable-anchor');
  await expect(
    page.getByRole('button', { name: siteString('ja-JP', 'expressiveCode.copyButtonTooltip') }),
  ).toHaveAttribute('data-copied', siteString('ja-JP', 'expressiveCode.copyButtonCopied'));
});

test('a fallback page is the English page for search engines: canonical, sitemap, search index', async ({
  page,
  request,
  baseURL,
}) => {
  await page.goto(englishOnly('ja-jp'));
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(new URL(canonical ?? '', baseURL).pathname).toBe(englishOnly('en'));
  await expect(page.locator('[data-pagefind-body]')).toHaveCount(0);

  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap).toContain(`${englishOnly('en')}</loc>`);
  expect(sitemap).not.toContain(englishOnly('ja-jp'));
  expect(sitemap).not.toContain(englishOnly('zh-tw'));

  // The Japanese search finds the Japanese article, but not the English-only page.
  const zeroResults = JSON.parse(
    readFileSync(new URL('../../locales/ja-JP/starlight.json', import.meta.url), 'utf8'),
  )['pagefind.zero_results'] as string;
  await page.getByRole('button', { name: siteString('ja-JP', 'search.label') }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox').fill('untitled');
  await expect(dialog.locator('.pagefind-ui__message')).toHaveText(
    zeroResults.replace('[SEARCH_TERM]', 'untitled'),
  );
});
