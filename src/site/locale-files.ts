import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A language's UI strings: flat dot-separated keys to i18next strings. */
export type UiStrings = Record<string, string>;

/** The locale files Starlight's translation system reads, merged in this order. */
export const starlightLocaleFiles = ['starlight.json', 'site.json'] as const;

/**
 * Reads one locale file and checks it is a flat object of strings, naming the file and key
 * that is wrong, so a translator's typo fails the build with a pointer rather than a blank label.
 */
export function readLocaleFile(path: string): UiStrings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${path}: expected an object of "key": "string" pairs`);
  }
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') {
      throw new Error(`${path}: key "${key}" must be a string, found ${typeof value}`);
    }
  }
  return parsed as UiStrings;
}

/** Lists the language folders of `localesDir` (`en`, `ja-JP`, …). */
export function listLocaleFolders(localesDir: string): string[] {
  return readdirSync(localesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Reads the given files of every language in `localesDir`, merged per language. */
export function readUiStrings(
  localesDir: string,
  files: readonly string[] = starlightLocaleFiles,
): Record<string, UiStrings> {
  const byLang: Record<string, UiStrings> = {};
  for (const lang of listLocaleFolders(localesDir)) {
    byLang[lang] = Object.assign(
      {},
      ...files.map((file) => readLocaleFile(join(localesDir, lang, file))),
    );
  }
  return byLang;
}

/** The `{{placeholders}}` of an i18next string, sorted, for comparing translations. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}
