import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { formatArticleDate, parseMsDate } from '../../src/site/article-date.ts';
import { withoutSpaceAfterFullStop } from '../../src/site/cjk-typography.ts';
import { siteLocales } from '../../src/site/locales.ts';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';
import {
  generateSeedCustomers,
  WELL_KNOWN_CUSTOMERS,
  type SeedCustomer,
} from '../../src/server/seed.ts';

/** A project file's text. */
const projectFile = (path: string) =>
  readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/**
 * Markdown inline text as a reader sees it: no emphasis marks, escapes or anchors, and no
 * half-width space after 。 (the site's CJK typography drops it).
 */
const plainText = (markdown: string) =>
  withoutSpaceAfterFullStop(markdown)
    .replace(/<a name="[^"]*"><\/a>/g, '')
    .replace(/\*\*/g, '')
    .replace(/\\([[\]])/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    // The site's Markdown prints apostrophes typographically (smartypants).
    .replace(/(\w)'(\w)/g, '$1’$2')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The seed article in one language, as a reader sees it, read from its content file: tests
 * never pin a translation, so a translator's fix breaks none of them.
 */
function seedArticle(folder: string) {
  const locale = siteLocales.find((candidate) => candidate.folder === folder);
  if (!locale) throw new Error(`src/site/locales.ts has no locale folder ${folder}`);
  const text = projectFile(`content/${folder}/partner-center/update-customer-account-info.md`);
  const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  const data = parseYaml(frontmatter) as Record<string, string>;
  const heading = /^## (<a name="update-customer-details"><\/a>.*)$/m.exec(body)?.[1];
  const permission = /\[([^\]]+)\]\(give-customers-permission\.md\)/.exec(body)?.[1];
  if (!data['title'] || !data['ms.date'] || !heading || !permission)
    throw new Error(
      `content/${folder}/…/update-customer-account-info.md lost a part the tests read`,
    );
  return {
    folder,
    lang: locale.lang,
    title: data['title'],
    siteTitle: locale.siteTitle,
    heading: plainText(heading),
    steps: [...body.matchAll(/^\d+\.\s+(.*)$/gm)].map((match) => plainText(match[1] ?? '')),
    permissionLink: plainText(permission),
    permissionHref: `https://learn.microsoft.com/${locale.learnLocale}/partner-center/give-customers-permission`,
    appliesTo: data['appliesToLabel'] ?? '',
    date: formatArticleDate(parseMsDate(data['ms.date']), locale.lang),
  };
}

/** The seed article in each language, as a reader sees it. */
export const articles = ['en', 'ja-jp', 'zh-tw'].map(seedArticle) as [
  ReturnType<typeof seedArticle>,
  ReturnType<typeof seedArticle>,
  ReturnType<typeof seedArticle>,
];

/**
 * A UI string of the site in a language, as readers see it: our locale files first
 * (`starlight.json`, `site.json`), then Starlight's own translation of that language.
 */
export function siteString(lang: string, key: string, params: Record<string, string> = {}): string {
  const ours = ['starlight.json', 'site.json'].map(
    (file) => JSON.parse(projectFile(`locales/${lang}/${file}`)) as Record<string, string>,
  );
  const starlight = [lang, new Intl.Locale(lang).language].map((name) => {
    try {
      const source = projectFile(`node_modules/@astrojs/starlight/dist/translations/${name}.js`);
      // The module is one object literal of JSON strings; read it as JSON rather than run it.
      return JSON.parse(source.slice(source.indexOf('{'), source.indexOf('};') + 1)) as Record<
        string,
        string
      >;
    } catch {
      return {};
    }
  });
  const text = [...ours, ...starlight].find((strings) => strings[key] !== undefined)?.[key];
  if (text === undefined) throw new Error(`no "${key}" for ${lang} in locales/ or Starlight`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => params[name] ?? '');
}

/** Path of the seed article in a locale folder. */
export const articlePath = (folder: string) =>
  `/${folder}/partner-center/update-customer-account-info/`;

/**
 * Runs axe on the page and returns the violations, ready for `expect(…).toEqual([])`; `exclude`
 * leaves out parts another test checks, `include` limits the scan to a part that changed since
 * the page's full scan (CSS selectors; axe still judges contrast against the page behind it).
 */
export async function accessibilityViolations(
  page: Page,
  exclude: readonly string[] = [],
  include: readonly string[] = [],
) {
  const builder = new AxeBuilder({ page });
  for (const selector of include) builder.include(selector);
  for (const selector of exclude) builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

/** The widget's strings in a language, from the same locale files the site ships. */
export function widgetStrings(lang: string): (key: string) => string {
  const messages: Record<string, string> = JSON.parse(
    readFileSync(new URL(`../../locales/${lang}/widget.json`, import.meta.url), 'utf8'),
  );
  return (key) => {
    const text = messages[key];
    if (text === undefined) throw new Error(`locales/${lang}/widget.json has no "${key}"`);
    return text;
  };
}

/** A customer of the reference server's seeded data, as the tests need it. */
export interface SeededCustomer {
  id: string;
  companyProfile: { companyName: string; domain: string };
}

let seeded: SeedCustomer[] | undefined;

/**
 * A seeded customer of `country` that no other test touches: tests run in parallel against one
 * database, so each test names its own `slot` (0, 1, 2, …) and gets a different customer.
 * Partner Center's customer list has no addresses, so the country comes from the seed itself
 * (deterministic, and the test server starts on a fresh database); the well-known demo customers,
 * whose addresses provoke each address-check outcome, are left out.
 */
export async function customerFor(
  request: APIRequestContext,
  country: string,
  slot: number,
): Promise<SeededCustomer> {
  seeded ??= generateSeedCustomers();
  const demo = new Set<string>(Object.values(WELL_KNOWN_CUSTOMERS).map((known) => known.id));
  const plain = seeded.filter(
    (customer) =>
      !demo.has(customer.id) &&
      customer.profile.defaultAddress.country === country &&
      /^[\p{L}\p{N}][\p{L}\p{N} .,&'-]*$/u.test(customer.profile.companyName),
  );
  const customer = plain[slot];
  if (!customer) throw new Error(`no seeded ${country} customer for slot ${slot}`);
  // The server's copy, so a test sees the name as it is now.
  const response = await request.get(`/api/v1/customers/${customer.id}`);
  expect(response.status()).toBe(200);
  const { companyProfile } = (await response.json()) as SeededCustomer;
  return {
    id: customer.id,
    companyProfile: { companyName: companyProfile.companyName, domain: companyProfile.domain },
  };
}

/** The billing profile as the server has it now. */
export async function billingProfile(request: APIRequestContext, id: string) {
  const response = await request.get(`/api/v1/customers/${id}/profiles/billing`);
  expect(response.status()).toBe(200);
  return response.json();
}

declare global {
  interface Window {
    /** Content-Security-Policy violations of this document, recorded from its first script on. */
    __cspViolations?: string[];
  }
}

/** Runs in every document before its own scripts: records what the page's CSP blocked. */
function recordCspViolations() {
  const seen: string[] = [];
  Object.defineProperty(window, '__cspViolations', { value: seen });
  document.addEventListener('securitypolicyviolation', (event) => {
    seen.push(
      `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} in ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
    );
  });
}

/** What the current document's Content-Security-Policy has blocked so far. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? ['the CSP recorder did not run']);
}

/**
 * Every test's page records CSP violations, and a test fails if the browser reported one: the
 * site's policy must never block the site itself. (csp.spec.ts checks each page and widget step
 * explicitly; this catches whatever any other test does.)
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const reported: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy'))
        reported.push(message.text());
    });
    await page.addInitScript(recordCspViolations);
    await use(page);
    expect(reported, 'Content-Security-Policy violations reported by the browser').toEqual([]);
  },
});
export { expect };

/** The site's own strings in a language (`locales/<lang>/site.json`), with `{{name}}` filled in. */
export function siteStrings(
  lang: string,
): (key: string, values?: Record<string, string>) => string {
  const messages: Record<string, string> = JSON.parse(
    readFileSync(new URL(`../../locales/${lang}/site.json`, import.meta.url), 'utf8'),
  );
  return (key, values = {}) => {
    const text = messages[key];
    if (text === undefined) throw new Error(`locales/${lang}/site.json has no "${key}"`);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => values[name] ?? '');
  };
}
