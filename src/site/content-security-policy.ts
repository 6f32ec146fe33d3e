import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A CSP source hash as Astro's `security.csp` takes it. */
export type ScriptHash = `sha256-${string}`;

/** One policy directive other than scripts and styles, as Astro's `CspDirective` type allows. */
export type SiteCspDirective =
  `${'default-src' | 'connect-src' | 'img-src' | 'font-src' | 'object-src' | 'base-uri' | 'form-action'} ${string}`;

/** The `security.csp` part of the Astro configuration (Astro's own type, restated narrowly). */
export interface SiteCsp {
  algorithm: 'SHA-256';
  directives: SiteCspDirective[];
  scriptDirective: { resources: string[]; hashes: ScriptHash[] };
  styleDirective: { resources: string[] };
}

/** What the policy depends on. */
export interface SiteCspOptions {
  /** Inline scripts the site writes itself (Starlight `head` entries), exactly as written. */
  inlineScripts: readonly string[];
  /** `.astro` files whose `<script is:inline>` blocks end up in pages (Starlight's and ours). */
  componentFiles: readonly string[];
  /** The task widget's endpoint for the whole site (`PUBLIC_ACCOUNT_ENDPOINT`), if any. */
  endpoint?: string | undefined;
}

/** The hash a browser computes for an inline script with this exact text. */
export function scriptHash(text: string): ScriptHash {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

// A script's text runs to the first `</script`, as in the browser; `<script … />` has none.
const INLINE_SCRIPT = /<script\b([^>]*?)(?:\/>|>([^<]*(?:<(?!\/script)[^<]*)*)<\/script)/gi;

/**
 * Texts of the `<script is:inline>` blocks of an `.astro` file that Astro copies into pages as
 * written. Astro hashes the scripts it bundles, but not these (its documented limit), so the
 * policy lists their hashes itself. Blocks with expressions (`define:vars`, `set:html`) or of a
 * data type (`application/json`) are not code with a fixed text and are skipped.
 */
export function inlineScriptsOf(source: string): string[] {
  const scripts: string[] = [];
  for (const [, attributes = '', text] of source.matchAll(INLINE_SCRIPT)) {
    if (text === undefined || !/\bis:inline\b/.test(attributes)) continue;
    if (/\b(define:vars|set:html|set:text)\b|type=["']application\/(ld\+)?json/.test(attributes))
      continue;
    scripts.push(text);
  }
  return scripts;
}

/** Every `.astro` file of Starlight's own components, whose inline scripts every page carries. */
export function starlightComponentFiles(starlightDir: string): string[] {
  const components = join(starlightDir, 'dist', 'components');
  return readdirSync(components)
    .filter((name) => name.endsWith('.astro'))
    .map((name) => join(components, name));
}

/** `https://proxy.example/api` → `https://proxy.example`; a same-origin path → undefined. */
export function endpointOrigin(endpoint: string | undefined): string | undefined {
  if (!endpoint || !/^https?:\/\//i.test(endpoint)) return undefined;
  return new URL(endpoint).origin;
}

/**
 * The site's Content-Security-Policy, which Astro writes into every page as a `<meta>` (and the
 * server repeats as a header, adding `frame-ancestors`, which a `<meta>` cannot carry).
 *
 * Scripts: only the site's own files and inline scripts whose hashes are listed here, never
 * `'unsafe-inline'`, so markup that slipped into an article could not run. `'wasm-unsafe-eval'`
 * lets Pagefind's search run its WebAssembly; it allows compiling WebAssembly, not `eval`.
 * Styles keep `'unsafe-inline'`: Starlight writes `style` attributes and the widget's
 * server-rendered shadow roots carry `<style>` elements; article HTML never has either (the
 * sanitizer removes them), and a style cannot run code.
 */
export function siteCsp(options: SiteCspOptions): SiteCsp {
  const texts = [
    ...options.inlineScripts,
    ...options.componentFiles.flatMap((file) => inlineScriptsOf(readFileSync(file, 'utf8'))),
  ];
  const apiOrigin = endpointOrigin(options.endpoint);
  return {
    algorithm: 'SHA-256',
    directives: [
      "default-src 'self'",
      `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ''}`,
      "img-src 'self' data:",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
    ],
    scriptDirective: {
      resources: ["'self'", "'wasm-unsafe-eval'"],
      hashes: [...new Set(texts.map(scriptHash))],
    },
    styleDirective: { resources: ["'self'", "'unsafe-inline'"] },
  };
}
