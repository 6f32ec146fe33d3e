/**
 * Reads Microsoft's `ms.date` (`MM/DD/YYYY`, US order, no time zone) as a calendar date at UTC
 * midnight. Throws on anything else, naming the value, so a typo fails the build instead of
 * showing "Invalid Date" to readers.
 */
export function parseMsDate(value: string): Date {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value.trim());
  if (!match) throw new Error(`ms.date "${value}" is not a date in MM/DD/YYYY form`);
  const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new Error(`ms.date "${value}" is not a real calendar date`);
  }
  return date;
}

/** Formats an article date the way the reader's language writes dates (e.g. 2020年4月7日). */
export function formatArticleDate(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
