/**
 * Takes screenshots of the given pages in light and dark theme, at 360 px and desktop width, for
 * a person to look at (not a test). Serve a build first, e.g. `npm run build:test` then
 * `npx astro preview --outDir dist-test --port 4329`.
 *
 *   node scripts/screenshots.ts [baseURL] [path...]
 */
import { mkdirSync } from 'node:fs';
import { chromiumLaunchOptions } from '../tests/chromium.ts';
import { chromium } from '@playwright/test';

const [baseURL = 'http://127.0.0.1:4329', ...paths] = process.argv.slice(2);
const pages =
  paths.length > 0
    ? paths
    : [
        '/',
        '/ja-jp/',
        '/en/partner-center/update-customer-account-info/',
        '/ja-jp/partner-center/update-customer-account-info/',
        '/zh-tw/partner-center/update-customer-account-info/',
        '/zh-tw/partner-center/test-english-only/',
      ];
const outDir = 'screenshots';
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch(chromiumLaunchOptions);
for (const theme of ['light', 'dark'] as const) {
  for (const [widthName, viewport] of [
    ['360', { width: 360, height: 800 }],
    ['desktop', { width: 1280, height: 900 }],
  ] as const) {
    const context = await browser.newContext({ viewport, colorScheme: theme, locale: 'fr-FR' });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(new URL(path, baseURL).href);
      const name = path.replace(/^\/|\/$/g, '').replaceAll('/', '_') || 'home';
      await page.screenshot({
        path: `${outDir}/${name}.${theme}.${widthName}.png`,
        fullPage: true,
      });
    }
    await context.close();
  }
}
await browser.close();
console.log(`screenshots in ${outDir}/`);
