import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';

/** The seed article in each language, as a reader sees it. */
export const articles = [
  {
    folder: 'en',
    lang: 'en',
    title: 'Update customer account info',
    siteTitle: 'Partner Center',
    heading: 'Update customer details',
    steps: ['select Customers', 'select Account and then Update', 'select Submit'],
    permissionLink: 'give or remove your permission',
    permissionHref: 'https://learn.microsoft.com/en-us/partner-center/give-customers-permission',
    appliesTo: 'Applies to',
    date: 'April 7, 2020',
  },
  {
    folder: 'ja-jp',
    lang: 'ja-JP',
    title: '顧客のアカウント情報の更新',
    siteTitle: 'パートナー センター',
    heading: '顧客の詳細を更新する',
    steps: ['[顧客]', '[アカウント]', '[送信]'],
    permissionLink:
      '顧客が自分の製品またはサービスを購入するためのアクセス許可を付与または削除する',
    permissionHref: 'https://learn.microsoft.com/ja-jp/partner-center/give-customers-permission',
    appliesTo: '適用対象',
    date: '2020年4月7日',
  },
  {
    folder: 'zh-tw',
    lang: 'zh-TW',
    title: '更新客戶帳戶資訊',
    siteTitle: '合作夥伴中心',
    heading: '更新客戶詳細資料',
    steps: ['[客戶]', '[帳戶]', '[提交]'],
    permissionLink: '為客戶提供或移除您的許可權以購買自己的產品或服務',
    permissionHref: 'https://learn.microsoft.com/zh-tw/partner-center/give-customers-permission',
    appliesTo: '適用於',
    date: '2020年4月7日',
  },
] as const;

/** Path of the seed article in a locale folder. */
export const articlePath = (folder: string) =>
  `/${folder}/partner-center/update-customer-account-info/`;

/**
 * Runs axe on the page and returns the violations, ready for `expect(…).toEqual([])`; `exclude`
 * leaves out parts another test checks (CSS selectors).
 */
export async function accessibilityViolations(page: Page, exclude: readonly string[] = []) {
  const builder = new AxeBuilder({ page });
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

/** A customer of the reference server's seeded data, as the list endpoint returns it. */
export interface SeededCustomer {
  id: string;
  companyProfile: { companyName: string; domain: string; address?: { country: string } };
}

let seeded: Promise<SeededCustomer[]> | undefined;

/**
 * A seeded customer of `country` that no other test touches: tests run in parallel against one
 * database, so each test names its own `slot` (0, 1, 2, …) and gets a different customer.
 */
export async function customerFor(
  request: APIRequestContext,
  country: string,
  slot: number,
): Promise<SeededCustomer> {
  seeded ??= (async () => {
    const all: SeededCustomer[] = [];
    let token: string | undefined;
    do {
      const response = await request.get(
        token ? '/api/v1/customers?size=500&seekOperation=Next' : '/api/v1/customers?size=500',
        token ? { headers: { 'MS-ContinuationToken': token } } : {},
      );
      const body = (await response.json()) as {
        items: SeededCustomer[];
        continuationToken?: string;
      };
      all.push(...body.items);
      token = body.continuationToken;
    } while (token);
    return all;
  })();
  const plain = (await seeded).filter(
    (customer) =>
      customer.companyProfile.address?.country === country &&
      /^[\p{L}\p{N}][\p{L}\p{N} .,&'-]*$/u.test(customer.companyProfile.companyName),
  );
  const customer = plain[slot];
  if (!customer) throw new Error(`no seeded ${country} customer for slot ${slot}`);
  return customer;
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
