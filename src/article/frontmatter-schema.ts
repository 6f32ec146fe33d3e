import { z } from 'zod';

// Any whitespace, control or invisible formatting character (a newline, a tab, a zero-width
// space, a right-to-left override): none belongs in an address, and they hide what one says.
const INVISIBLE = /[\s\p{Cc}\p{Cf}]/u;
// Resolves same-origin paths; `.invalid` can never be a real host (RFC 2606).
const SAME_ORIGIN = 'https://same-origin.invalid';

/**
 * Why `endpoint` cannot be an article's endpoint, or undefined when it can: only an `https:`
 * URL without a user name or password, or a path on this site (`/api`, never `//host`, which
 * leaves the site). The widget sends customers' billing details there.
 */
export function endpointProblem(endpoint: string): string | undefined {
  const example = 'like https://api.example.com/account or /api';
  if (INVISIBLE.test(endpoint)) {
    return `Remove the spaces and invisible characters from the endpoint, ${example}`;
  }
  if (endpoint.startsWith('/')) {
    // A browser reads `/\host` like `//host`: resolving is the only safe test of "same site".
    return new URL(endpoint, SAME_ORIGIN).origin === SAME_ORIGIN
      ? undefined
      : `Use a path on this site that starts with a single /, ${example}`;
  }
  if (!URL.canParse(endpoint)) return `Use an https: address or a path on this site, ${example}`;
  const url = new URL(endpoint);
  if (url.protocol !== 'https:') {
    return `Use an https: address, not ${url.protocol}, or a path on this site, ${example}`;
  }
  if (url.username !== '' || url.password !== '') {
    return `Remove the user name and password from the endpoint address, ${example}`;
  }
  return undefined;
}

/** Whether the task widget may send data to `endpoint` (see `endpointProblem`). */
export function isAllowedEndpoint(endpoint: string): boolean {
  return endpointProblem(endpoint) === undefined;
}

/** An endpoint the task widget may call: an `https:` URL or a same-origin path. */
export const EndpointSchema = z.string().superRefine((endpoint, context) => {
  const problem = endpointProblem(endpoint);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
});

/** Free-form tags Microsoft writes as one string or, in newer articles, as a YAML list. */
const TagsSchema = z.union([z.string(), z.array(z.string())]);

/**
 * Front matter keys that imported Partner Center articles add to Starlight's own schema.
 * `title` and `description` stay with Starlight; this object holds only our keys, so the content
 * collection can pass it to `docsSchema({ extend })`. Unknown `ms.*` keys from Microsoft's
 * pipeline are kept as they are (the object is loose), because dropping them would lose data
 * that the next import would bring back.
 */
export const ArticleFrontmatterSchema = z.looseObject({
  /** Places an inline task widget in the article; kept by re-imports (a site-owned key). */
  task: z.enum(['update-customer-account']).optional(),
  /**
   * Base URL of the endpoint the article's task widget calls, overriding the site's
   * `PUBLIC_ACCOUNT_ENDPOINT` for this page; kept by re-imports (a site-owned key).
   */
  endpoint: EndpointSchema.optional(),
  /** Site name that followed the last ` | ` of the source title, e.g. `パートナー センター`. */
  titleSuffix: z.string().optional(),
  /** The article's H1 when it differs from `title`; Starlight renders `title` as the H1. */
  heading: z.string().optional(),
  /** Products the article applies to, from the "Applies to" list, in the page's language. */
  appliesTo: z.array(z.string()).optional(),
  /** The article's own wording of "Applies to", in the page's language. */
  appliesToLabel: z.string().optional(),
  /** The article's own wording of "Appropriate roles", in the page's language. */
  rolesLabel: z.string().optional(),
  /** Roles that can do what the article describes, from the "Appropriate roles" list. */
  roles: z.array(z.string()).optional(),
  /** Search keywords, normalized from Microsoft's `Keywords:`; one string or a list. */
  keywords: TagsSchema.optional(),
  /** Microsoft's author alias of the English original. */
  author: z.string().optional(),
  /** Robots directive of the original page, e.g. `noindex,nofollow`. */
  robots: z.string().optional(),
  /** Article type, e.g. `article` or `conceptual`. */
  'ms.topic': z.string().optional(),
  /** Last review date of the English original, `MM/DD/YYYY`, kept as text. */
  'ms.date': z.string().optional(),
  /** Service the article belongs to, e.g. `partner-dashboard`. */
  'ms.service': z.string().optional(),
  /** Sub-service, e.g. `partnercenter-csp`. */
  'ms.subservice': z.string().optional(),
  /** Microsoft's asset GUID of the article. */
  'ms.assetid': z.string().optional(),
  /** Microsoft alias of the content owner. */
  'ms.author': z.string().optional(),
  /** Localization priority, e.g. `medium`. */
  'ms.localizationpriority': z.string().optional(),
  /** Free-form tracking tags, e.g. `seodec18`, or a list of them in newer articles. */
  'ms.custom': TagsSchema.optional(),
  /** Hash of the English file that was translated. */
  'ms.openlocfilehash': z.string().optional(),
  /** Commit of the English repository the translation was made from. */
  'ms.sourcegitcommit': z.string().optional(),
  /** How the page was translated: `MT` (machine) or `HT` (human). */
  'ms.translationtype': z.string().optional(),
  /** Locale of this page, e.g. `ja-JP`, `zh-TW`, `en-US`. */
  'ms.contentlocale': z.string().regex(/^[a-z]{2}(-[A-Za-z]{2,4})?$/),
  /** Date the translation was handed off, `MM/DD/YYYY`, kept as text. */
  'ms.lasthandoff': z.string().optional(),
  /** Microsoft's localized file id: quoted (`"82797770"`, text) or not (a number), kept as written. */
  'ms.locfileid': z.union([z.string(), z.number()]).optional(),
});

/** Our front matter keys of an imported article, as the site reads them. */
export type ArticleFrontmatter = z.infer<typeof ArticleFrontmatterSchema>;

/** Everything the importer writes into an article's front matter, Starlight's keys included. */
export const ImportedFrontmatterSchema = ArticleFrontmatterSchema.extend({
  /** Page title without the site-name suffix. */
  title: z.string().min(1),
  /** Summary for search results and link previews, in the page's language. */
  description: z.string().optional(),
});

/** The complete front matter of an imported article. */
export type ImportedFrontmatter = z.infer<typeof ImportedFrontmatterSchema>;
