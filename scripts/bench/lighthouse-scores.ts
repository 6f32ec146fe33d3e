import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chromiumLaunchOptions } from '../../tests/chromium.ts';

/** Lighthouse's four categories, as it names them. */
export const lighthouseCategories = [
  'performance',
  'accessibility',
  'best-practices',
  'seo',
] as const;

/** One page's scores on one form factor, 0–100 per category. */
export interface LighthouseScores {
  readonly page: string;
  readonly formFactor: 'mobile' | 'desktop';
  readonly scores: Readonly<Record<(typeof lighthouseCategories)[number], number>>;
}

/**
 * Audits each page with Lighthouse in Debian's Chromium (headless; Lighthouse's default mobile
 * emulation and throttling, and its desktop preset), every category. One browser serves every
 * audit, as Lighthouse's own CLI does for one.
 */
export async function measureLighthouse(
  baseUrl: string,
  pages: readonly string[],
  onAudit: (page: string, formFactor: string) => void,
): Promise<LighthouseScores[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumLaunchOptions.executablePath,
    chromeFlags: ['--headless=new', ...chromiumLaunchOptions.args],
  });
  try {
    const results: LighthouseScores[] = [];
    for (const page of pages) {
      for (const formFactor of ['mobile', 'desktop'] as const) {
        onAudit(page, formFactor);
        const result = await lighthouse(
          new URL(page, baseUrl).href,
          { port: chrome.port, logLevel: 'error', onlyCategories: [...lighthouseCategories] },
          formFactor === 'desktop' ? desktopConfig : undefined,
        );
        const categories = result?.lhr.categories;
        if (!categories) throw new Error(`Lighthouse returned no result for ${page}`);
        const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
        results.push({
          page,
          formFactor,
          scores: {
            performance: score('performance'),
            accessibility: score('accessibility'),
            'best-practices': score('best-practices'),
            seo: score('seo'),
          },
        });
      }
    }
    return results;
  } finally {
    chrome.kill();
  }
}
