import { articlePath, articles, expect, siteString, test } from './fixtures.ts';

const searches = [
  { article: articles[1], word: '請求情報' },
  { article: articles[2], word: '帳單資訊' },
  { article: articles[0], word: 'billing' },
] as const;

for (const { article, word } of searches) {
  test(`search on the ${article.lang} site finds the article by “${word}”`, async ({ page }) => {
    await page.goto(articlePath(article.folder));
    await page.getByRole('button', { name: siteString(article.lang, 'search.label') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill(word);
    const result = dialog.locator('.pagefind-ui__result-link').first();
    // The first search downloads and compiles Pagefind's WebAssembly and index: on a busy machine
    // that takes longer than the default five seconds.
    await expect(result).toHaveText(article.title, { timeout: 15_000 });
    await expect(result).toHaveAttribute('href', articlePath(article.folder));
  });
}
