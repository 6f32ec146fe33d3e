import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';
import {
  generateSeedCustomers,
  WELL_KNOWN_CUSTOMERS,
  type SeedCustomer,
} from '../../src/server/seed.ts';

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

/** Runs axe on the page and returns the violations, ready for `expect(…).toEqual([])`. */
export async function accessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
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
