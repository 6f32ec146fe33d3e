import { articlePath, articles, expect, test } from './fixtures.ts';

const searches = [
  { article: articles[1], label: '検索', word: '請求情報' },
  { article: articles[2], label: '搜尋', word: '帳單資訊' },
  { article: articles[0], label: 'Search', word: 'billing' },
] as const;

for (const { article, label, word } of searches) {
  test(`search on the ${article.lang} site finds the article by “${word}”`, async ({ page }) => {
    await page.goto(articlePath(article.folder));
    await page.getByRole('button', { name: label }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill(word);
    const result = dialog.locator('.pagefind-ui__result-link').first();
    await expect(result).toHaveText(article.title);
    await expect(result).toHaveAttribute('href', articlePath(article.folder));
  });
}
