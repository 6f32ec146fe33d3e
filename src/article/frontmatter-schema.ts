import { z } from 'zod';

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
  endpoint: z.string().min(1).optional(),
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
  /** Search keywords, normalized from Microsoft's `Keywords:`. */
  keywords: z.string().optional(),
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
  /** Free-form tracking tag, e.g. `seodec18`. */
  'ms.custom': z.string().optional(),
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
  /** Microsoft's localized file id; a quoted number in the source, kept as text. */
  'ms.locfileid': z.string().optional(),
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
