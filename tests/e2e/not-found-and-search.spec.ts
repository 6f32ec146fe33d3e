import { readFileSync } from 'node:fs';
import { articlePath, articles, expect, siteString, siteStrings, test } from './fixtures.ts';

/** Starlight's and Pagefind's strings in a language, from `locales/<lang>/starlight.json`. */
function starlightStrings(lang: string): Record<string, string> {
  return JSON.parse(
    readFileSync(new URL(`../../locales/${lang}/starlight.json`, import.meta.url), 'utf8'),
  );
}

for (const article of articles) {
  const t = siteStrings(article.lang);

  test(`an unknown address under /${article.folder}/ says so in ${article.lang} first, with the way back`, async ({
    page,
  }) => {
    const response = await page.goto(`/${article.folder}/no-such-page/`);
    expect(response?.status()).toBe(404);
    const own = page.locator(`section[lang="${article.lang}"]`);
    await expect(own.getByRole('heading', { name: t('site.notFound.title') })).toBeVisible();
    await expect(page.locator('section[lang]').first()).toHaveAttribute('lang', article.lang);
    await own.getByRole('link', { name: t('site.notFound.home') }).click();
    await expect(page).toHaveURL(`/${article.folder}/`);
  });

  test(`search results are counted and cleared in ${article.lang}`, async ({ page }) => {
    const strings = starlightStrings(article.lang);
    await page.goto(articlePath(article.folder));
    await page.getByRole('button', { name: siteString(article.lang, 'search.label') }).click();
    const dialog = page.getByRole('dialog');
    const word = article.title;
    await dialog.getByRole('textbox').fill(word);
    // The first search downloads Pagefind's WebAssembly and index; on a busy machine that takes
    // longer than an assertion's default 5 s.
    await expect(dialog.locator('.pagefind-ui__result-link').first()).toBeVisible({
      timeout: 15_000,
    });
    const count = await dialog.locator('.pagefind-ui__result').count();
    const template =
      strings[count === 1 ? 'pagefind.one_result' : 'pagefind.many_results'] ?? 'missing';
    await expect(dialog.locator('.pagefind-ui__message')).toHaveText(
      template.replace('[COUNT]', String(count)).replace('[SEARCH_TERM]', word),
    );
    await dialog
      .getByRole('button', { name: strings['pagefind.clear_search'] ?? 'missing' })
      .click();
    await expect(dialog.getByRole('textbox')).toHaveValue('');
  });
}
