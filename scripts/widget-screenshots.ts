/**
 * Screenshots of every step of the task widget, in the three languages, light and dark, at 360 px
 * and desktop width, for a person to look at (not a test). Serve the test build first:
 * `npm run build:test && SITE_DIR=dist-test ACCOUNTS_DB=:memory: PORT=4329 node src/server/main.ts`.
 *
 *   node scripts/widget-screenshots.ts [baseURL]
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { chromiumLaunchOptions } from '../tests/chromium.ts';
import { chromium, type Page } from '@playwright/test';

const baseURL = process.argv[2] ?? 'http://127.0.0.1:4329';
const outDir = 'screenshots/widget';
mkdirSync(outDir, { recursive: true });
const languages = [
  ['en', 'en', 'contoso'],
  ['ja-jp', 'ja-JP', 'ＡＢＣ'],
  ['zh-tw', 'zh-TW', '永信'],
] as const;

const browser = await chromium.launch(chromiumLaunchOptions);

async function shot(page: Page, name: string) {
  await page.waitForTimeout(300);
  await page.locator('.task-widget').screenshot({ path: `${outDir}/${name}.png` });
}

for (const [folder, lang, query] of languages) {
  const messages = JSON.parse(readFileSync(`locales/${lang}/widget.json`, 'utf8')) as Record<
    string,
    string
  >;
  const strings = (key: string) => messages[key] ?? key;
  for (const theme of ['light', 'dark'] as const) {
    for (const [width, viewport] of [
      ['360', { width: 360, height: 900 }],
      ['desktop', { width: 1280, height: 900 }],
    ] as const) {
      const context = await browser.newContext({ viewport, colorScheme: theme });
      const page = await context.newPage();
      const widget = page.locator('customer-account-update');
      const name = (step: string) => `${folder}.${step}.${theme}.${width}`;
      await page.goto(`${baseURL}/${folder}/partner-center/update-customer-account-info/`);
      await widget.getByLabel(strings('customers.search.label')).fill(query);
      await widget.locator('[part="result"]').first().waitFor();
      await page.waitForTimeout(600);
      await shot(page, name('1-customers'));
      await widget.locator('[part="result"]').first().click();
      await widget.getByRole('button', { name: strings('account.update'), exact: true }).waitFor();
      await page
        .locator('.sl-markdown-content ol')
        .screenshot({ path: `${outDir}/${name('0-article-step')}.png` });
      await shot(page, name('2-account'));
      await widget.getByRole('button', { name: strings('account.update'), exact: true }).click();
      await widget.getByLabel(strings('form.email.label'), { exact: true }).fill('not an email');
      await widget.getByRole('button', { name: strings('form.submit'), exact: true }).click();
      await shot(page, name('3-update-errors'));
      await widget
        .getByLabel(strings('form.email.label'), { exact: true })
        .fill('billing@example.com');
      await widget.getByLabel(strings('form.addressLine2.label')).fill('5F');
      await widget.getByRole('button', { name: strings('form.submit'), exact: true }).click();
      await widget.getByRole('heading', { name: strings('done.heading') }).waitFor();
      await shot(page, name('4-done'));
      await context.close();
    }
  }
}
await browser.close();
console.log(`screenshots in ${outDir}/`);
