import { readFileSync } from 'node:fs';
import {
  accessibilityViolations,
  articlePath,
  articles,
  expect,
  siteString,
  siteStrings,
  test,
} from './fixtures.ts';

/** Starlight's and Pagefind's strings in a language, from `locales/<lang>/starlight.json`. */
function starlightStrings(lang: string): Record<string, string> {
  return JSON.parse(
    readFileSync(new URL(`../../locales/${lang}/starlight.json`, import.meta.url), 'utf8'),
  );
}

for (const article of articles) {
  const t = siteStrings(article.lang);

  test(`an unknown address under /${article.folder}/ is a 404 page in ${article.lang}, the other languages after, each with its way back`, async ({
    page,
  }) => {
    const response = await page.goto(`/${article.folder}/no-such-page/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', article.lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('site.notFound.title'));
    await expect(page).toHaveTitle(new RegExp(`^${t('site.notFound.title')}`));
    const sections = page.locator('main section[lang]');
    await expect(sections).toHaveCount(articles.length);
    await expect(sections.first()).toHaveAttribute('lang', article.lang);
    for (const other of articles.filter((candidate) => candidate !== article)) {
      const section = page.locator(`main section[lang="${other.lang}"]`);
      await expect(
        section.getByRole('heading', { name: siteStrings(other.lang)('site.notFound.title') }),
      ).toBeVisible();
      await expect(
        section.getByRole('link', { name: siteStrings(other.lang)('site.notFound.home') }),
      ).toHaveAttribute('href', `/${other.folder}/`);
    }
    await sections
      .first()
      .getByRole('link', { name: t('site.notFound.home') })
      .click();
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

for (const scheme of ['light', 'dark'] as const) {
  test(`an unknown address outside every language says so in all of them, ${scheme} and accessible`, async ({
    page,
  }) => {
    // axe reads the whole page: seconds of work, many more on a machine shared with builds.
    test.slow();
    await page.emulateMedia({ colorScheme: scheme });
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    const title = page.getByRole('heading', { level: 1 });
    for (const article of articles) {
      await expect(title.locator(`span[lang="${article.lang}"]`)).toHaveText(
        siteStrings(article.lang)('site.notFound.title'),
      );
      await expect(
        page
          .locator(`main section[lang="${article.lang}"]`)
          .getByRole('link', { name: siteStrings(article.lang)('site.notFound.home') }),
      ).toBeVisible();
    }
    expect(await accessibilityViolations(page)).toEqual([]);
  });
}
