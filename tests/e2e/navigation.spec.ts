import { readFileSync } from 'node:fs';
import { articlePath, articles, expect, siteString, test } from './fixtures.ts';
import { parseToc } from '../../src/site/navigation/toc.ts';

/** The top-level sections of a language's TOC.md, as the home page lists them. */
function sections(folder: string) {
  const file = new URL(`../../content/${folder}/partner-center/TOC.md`, import.meta.url);
  return parseToc(readFileSync(file, 'utf8'), file.pathname).filter(
    (entry) => entry.target !== 'index.yml',
  );
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const article of articles) {
    test(`the navigation opens out the article's own section only (${article.lang})`, async ({
      page,
    }) => {
      await page.goto(articlePath(article.folder));
      const nav = page.getByRole('navigation', {
        name: siteString(article.lang, 'sidebarNav.accessibleLabel'),
      });
      const current = nav.getByRole('link', { name: article.title, exact: true });
      await expect(current).toHaveAttribute('aria-current', 'page');
      // Every section is one link; only the one holding the article lists its articles.
      const sectionItems = nav.locator('.site-nav > li');
      await expect(sectionItems).toHaveCount(sections(article.folder).length + 1);
      await expect(nav.locator('.site-nav > li:has(ul)')).toHaveCount(1);
      await expect(nav.locator('.site-nav > li:has(ul)')).toContainText(article.title);
    });

    test(`breadcrumbs lead back to the home page in the page language (${article.lang})`, async ({
      page,
    }) => {
      await page.goto(articlePath(article.folder));
      const crumbs = page.getByRole('navigation', {
        name: siteString(article.lang, 'site.breadcrumbs.label'),
      });
      await expect(crumbs.getByRole('link').first()).toHaveText(article.siteTitle);
      await expect(crumbs.getByRole('link').first()).toHaveAttribute('href', `/${article.folder}/`);
      await expect(crumbs).not.toContainText(article.title);
    });
  }

  test('the home page lists the sections of the tree', async ({ page }) => {
    const [, japanese] = articles;
    await page.goto(`/${japanese.folder}/`);
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 2 })).toHaveCount(
      sections(japanese.folder).length + 1,
    );
    await expect(main.getByRole('link', { name: japanese.title, exact: true })).toHaveAttribute(
      'href',
      articlePath(japanese.folder),
    );
  });

  test('an image the article does not ship is a labelled box with its alt text and a link to the public page', async ({
    page,
  }) => {
    await page.goto('/ja-jp/partner-center/test-japanese-markdown/');
    const box = page.locator('.missing-image');
    await expect(box).toContainText(siteString('ja-JP', 'site.missingImage.label'));
    await expect(box).toContainText('[顧客] ページのスクリーンショット');
    await expect(
      box.getByRole('link', { name: siteString('ja-JP', 'site.missingImage.link') }),
    ).toHaveAttribute(
      'href',
      'https://learn.microsoft.com/ja-jp/partner-center/test-japanese-markdown',
    );
    await expect(page.locator('main img')).toHaveCount(0);
  });
});

test('every page credits Microsoft’s documentation under CC BY 4.0, with the original', async ({
  page,
}) => {
  const [, japanese] = articles;
  for (const [path, original] of [
    [
      articlePath(japanese.folder),
      japanese.permissionHref.replace('give-customers-permission', 'update-customer-account-info'),
    ],
    [`/${japanese.folder}/`, 'https://learn.microsoft.com/ja-jp/partner-center/'],
  ] as const) {
    await page.goto(path);
    const footer = page.locator('footer.site-footer');
    await expect(footer).toContainText(siteString(japanese.lang, 'site.attribution.text'));
    await expect(footer.getByRole('link', { name: 'CC BY 4.0' })).toHaveAttribute(
      'href',
      'https://creativecommons.org/licenses/by/4.0/',
    );
    await expect(
      footer.getByRole('link', { name: siteString(japanese.lang, 'site.attribution.original') }),
    ).toHaveAttribute('href', original);
  }
});
