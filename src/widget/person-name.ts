import type { Translate } from './translate.ts';

/** Han, kana and Hangul: scripts whose names are written family name first, without a space. */
const FAMILY_FIRST_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * A person's full name as it is written in the name's own script: `山田 太郎` or `陳大文` family name
 * first, even on an English page, but `John Smith` in every language, since a Latin name written
 * family name first without a space (`SmithJohn`) reads as one word.
 */
export function formatPersonName(t: Translate, firstName: string, lastName: string): string {
  const first = firstName.trim();
  const last = lastName.trim();
  if (!first || !last) return first || last;
  if (!FAMILY_FIRST_SCRIPT.test(first) || !FAMILY_FIRST_SCRIPT.test(last))
    return `${first} ${last}`;
  // Family name first in every language; the spacing is the language's where it writes such
  // names itself (`山田 太郎` in Japanese, `陳大文` in Chinese).
  const local = t('account.fullName', { firstName: first, lastName: last });
  return local.startsWith(last) ? local : `${last} ${first}`;
}
