import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  accessibilityViolations,
  articlePath,
  articles,
  expect,
  siteStrings,
  test,
} from './fixtures.ts';

/** The importer's alignment of the seed article in a locale folder. */
function sidecar(folder: string): { segments: { id: string; source: string }[] } {
  return JSON.parse(
    readFileSync(
      new URL(
        `../../content/${folder}/partner-center/update-customer-account-info.segments.json`,
        import.meta.url,
      ),
      'utf8',
    ),
  );
}

/** Counts the requests for a page's originals, from now on. */
function countOriginalsRequests(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/originals.json')) seen.count += 1;
  });
  return seen;
}

const english = articles[0];

test('an English article has no translation notice or tools', async ({ page }) => {
  const t = siteStrings('en');
  await page.goto(articlePath('en'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(english.title);
  await expect(page.getByText(t('site.translation.machineNotice'))).toHaveCount(0);
  await expect(page.getByRole('button', { name: t('site.translation.readInEnglish') })).toHaveCount(
    0,
  );
});

for (const article of articles.filter((candidate) => candidate.folder !== 'en')) {
  const t = siteStrings(article.lang);

  test.describe(`a machine-translated article in ${article.lang}`, () => {
    test('says so, links to the English page, and stays dismissed', async ({ page }) => {
      await page.goto(articlePath(article.folder));
      const notice = page
        .getByRole('note')
        .filter({ hasText: t('site.translation.machineNotice') });
      await expect(notice).toBeVisible();
      await expect(
        notice.getByRole('link', { name: t('site.translation.englishPage') }),
      ).toHaveAttribute('href', articlePath('en'));
      await notice.getByRole('button', { name: t('site.translation.dismissNotice') }).click();
      await expect(notice).toBeHidden();
      // Focus stays in the tools, not lost on the page's body.
      await expect(
        page.getByRole('button', { name: t('site.translation.readInEnglish') }),
      ).toBeFocused();
      // Remembered, and hidden before any module runs, so it never flashes: with the page's
      // modules held back, only the head script and the stylesheet hide the notice.
      await page.route('**/_astro/*.js', (route) => route.abort());
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
      await expect(
        page.getByRole('button', {
          name: t('site.translation.dismissNotice'),
          includeHidden: true,
        }),
      ).toHaveAttribute('hidden', '');
      await expect(page.getByText(t('site.translation.machineNotice'))).toBeHidden();
    });

    test('reads in English and back without changing the reader’s language', async ({ page }) => {
      await page.goto(articlePath(article.folder));
      await page.getByRole('button', { name: t('site.translation.readInEnglish') }).click();
      const title = page.getByRole('heading', { level: 1 });
      await expect(title).toHaveText(english.title);
      await expect(title).toHaveAttribute('lang', 'en');
      await expect(page.getByRole('heading', { name: english.heading })).toBeVisible();
      await expect(page.locator('.sl-markdown-content')).toHaveAttribute('lang', 'en');
      await expect(
        page.getByRole('status').filter({ hasText: t('site.translation.showingEnglish') }),
      ).toBeAttached();
      await expect(page.locator('html')).toHaveAttribute('lang', article.lang);
      expect(await page.evaluate(() => localStorage.getItem('partner-help:locale'))).toBe(
        article.folder,
      );

      await page.getByRole('button', { name: t('site.translation.readTranslation') }).click();
      await expect(title).toHaveText(article.title);
      await expect(title).not.toHaveAttribute('lang', /./);
      await expect(page.getByRole('heading', { name: article.heading })).toBeVisible();
      await expect(
        page.getByRole('status').filter({ hasText: t('site.translation.showingTranslation') }),
      ).toBeAttached();
    });

    test('reveals a sentence’s English original with the keyboard alone, fetched only then', async ({
      page,
    }) => {
      const requests = countOriginalsRequests(page);
      await page.goto(articlePath(article.folder));
      const toggles = page.getByRole('button', {
        name: t('site.translation.original'),
        exact: true,
      });
      await expect(toggles.first()).toBeVisible();
      expect(requests.count).toBe(0);

      // From the last tool button, Tab through the first paragraph to its original's button.
      await page.getByRole('button', { name: t('site.translation.showOriginals') }).focus();
      for (let step = 0; step < 5; step += 1) {
        await page.keyboard.press('Tab');
        if (await toggles.first().evaluate((element) => element === document.activeElement)) break;
      }
      await expect(toggles.first()).toBeFocused();
      await expect(toggles.first()).toHaveAttribute('aria-expanded', 'false');
      await page.keyboard.press('Enter');
      await expect(toggles.first()).toHaveAttribute('aria-expanded', 'true');

      // The first block that has an original: its first segment's English, from the alignment.
      const [firstId] =
        (await page.locator('[data-segment]').first().getAttribute('data-segment'))?.split(' ') ??
        [];
      const firstSentence = sidecar(article.folder).segments.find(
        (segment) => segment.id === firstId,
      );
      const original = page.locator(`#${await toggles.first().getAttribute('aria-controls')}`);
      await expect(original).toContainText(t('site.translation.originalLabel'));
      const englishText = original.locator('[lang="en"]');
      await expect(englishText).toContainText(firstSentence?.source ?? 'missing');
      expect(requests.count).toBe(1);

      await page.keyboard.press('Space');
      await expect(toggles.first()).toHaveAttribute('aria-expanded', 'false');
      await expect(original).toHaveCount(0);
    });

    test('shows every original beside the translation in show-originals mode', async ({ page }) => {
      await page.goto(articlePath(article.folder));
      const toggles = page.getByRole('button', {
        name: t('site.translation.original'),
        exact: true,
      });
      const mode = page.getByRole('button', { name: t('site.translation.showOriginals') });
      await expect(mode).toHaveAttribute('aria-pressed', 'false');
      await mode.click();
      await expect(mode).toHaveAttribute('aria-pressed', 'true');
      const count = await toggles.count();
      expect(count).toBeGreaterThan(3);
      await expect(page.locator('.segment-note--original [lang="en"]')).toHaveCount(count);
      await expect(page.getByText(english.heading, { exact: true })).toBeVisible();
      await mode.click();
      await expect(page.locator('.segment-note--original')).toHaveCount(0);
    });

    // Light at a desktop width, dark at a phone's: both schemes and both layouts, one load each.
    for (const [scheme, width] of [
      ['light', 1280],
      ['dark', 360],
    ] as const) {
      test(`has no accessibility violations with its tools in use, ${scheme}, ${width} px wide`, async ({
        page,
      }) => {
        // axe reads the whole page: seconds of work, many more on a machine shared with builds.
        test.slow();
        await page.setViewportSize({ width, height: 800 });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(articlePath(article.folder));
        await page.getByRole('button', { name: t('site.translation.showOriginals') }).click();
        await expect(page.locator('.segment-note--original').first()).toBeVisible();
        // Nothing the tools add makes the page scroll sideways.
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        ).toBeLessThanOrEqual(0);
        // The task widget has its own tests (and, in dark mode, contrast issues of its own that
        // belong to the widget's work); this checks the page and its translation tools.
        expect(await accessibilityViolations(page, ['customer-account-update'])).toEqual([]);
      });
    }
  });
}

test('an outdated translation shows exactly the sentences that changed in English', async ({
  page,
}) => {
  const t = siteStrings('ja-JP');
  await page.goto('/ja-jp/partner-center/test-outdated-translation/');
  await expect(page.getByText(t('site.translation.outdated_other', { count: '2' }))).toBeVisible();
  const changed = page.locator('.segment-note--outdated');
  await expect(changed).toHaveCount(2);
  await expect(changed.nth(0)).toContainText(t('site.translation.currentEnglish'));
  await expect(changed.nth(0).locator('[lang="en"]')).toHaveText(
    'Select Customers to open the list of your customers.',
  );
  await expect(changed.nth(1).locator('[lang="en"]')).toHaveText(
    "Changes reach the customer's account within five minutes.",
  );

  // The fixture's second step was reworded by hand after import: it still offers its original,
  // saying a translator edited it.
  const editedStep = page.getByRole('listitem').filter({ hasText: '変更したら' });
  await editedStep
    .getByRole('button', { name: t('site.translation.original'), exact: true })
    .click();
  const original = editedStep.locator('.segment-note--original');
  await expect(original.locator('[lang="en"]')).toHaveText(
    'After you make your changes, select Submit.',
  );
  await expect(original).toContainText(t('site.translation.editedByTranslator'));
  expect(await accessibilityViolations(page)).toEqual([]);
});
