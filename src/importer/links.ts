/** A link found in a segment: its visible text, target, and where it sits in the segment. */
export interface FoundLink {
  text: string;
  target: string;
  start: number;
  end: number;
}

// Link text may hold one level of brackets: `[**[Customers]**](customers.md)`.
const LABEL = String.raw`\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]`;
const RAW_ANCHOR = String.raw`<a\s+href="([^"]*)"[^>]*>([\s\S]*?)<\/a>`;
const ENGLISH_LINK = new RegExp(
  String.raw`(?<!!)${LABEL}(?:\(([^()\s]*)(?:\s+"[^"]*")?\)|\[([^\[\]]+)\])|${RAW_ANCHOR}`,
  'g',
);
// Machine translation puts a space between the parts or mangles the reference; both count.
const TRANSLATED_LINK = new RegExp(
  String.raw`(?<!!)${LABEL} ?(?:\(([^()\s]*)(?:\s+"[^"]*")?\)|\[([^\[\]]+)\])|${RAW_ANCHOR}`,
  'g',
);

/** Links of English text: inline `[t](u)`, reference `[t][u]` and raw `<a href="u">t</a>`. */
export function findLinks(
  text: string,
  definitions: ReadonlyMap<string, string> = new Map(),
): FoundLink[] {
  return collect(text, ENGLISH_LINK, definitions);
}

/** Link-like constructs of translated text, including the `[t] (u)` and `[t] [u]` that MT makes. */
export function findTranslatedLinks(text: string): FoundLink[] {
  return collect(text, TRANSLATED_LINK, new Map());
}

function collect(
  text: string,
  pattern: RegExp,
  definitions: ReadonlyMap<string, string>,
): FoundLink[] {
  const links: FoundLink[] = [];
  for (const match of text.matchAll(pattern)) {
    const [whole, label, inlineTarget, reference, rawTarget, rawText] = match;
    const start = match.index;
    if (rawTarget !== undefined) {
      links.push({ text: rawText ?? '', target: rawTarget, start, end: start + whole.length });
    } else {
      const target =
        inlineTarget ?? definitions.get((reference ?? '').toLowerCase()) ?? reference ?? '';
      links.push({ text: label ?? '', target, start, end: start + whole.length });
    }
  }
  return links;
}

/** How links are written: Markdown, or HTML inside HTML blocks, where Markdown is not parsed. */
export type LinkSyntax = 'markdown' | 'html';

/** Writes every link of `text` as an inline link, with `targets[i]` for the i-th link. */
export function rewriteLinks(
  text: string,
  links: readonly FoundLink[],
  targets: readonly string[],
  syntax: LinkSyntax = 'markdown',
): string {
  let result = '';
  let position = 0;
  links.forEach((link, index) => {
    const target = targets[index] ?? link.target;
    const written =
      syntax === 'html' ? `<a href="${target}">${link.text}</a>` : `[${link.text}](${target})`;
    result += `${text.slice(position, link.start)}${written}`;
    position = link.end;
  });
  return result + text.slice(position);
}

/** Result of repairing the links of one translated segment from its English source. */
export interface LinkRepair {
  target: string;
  source: string;
  /** Set when the links could not be paired; the translation was kept as it was. */
  problem?: string;
}

/**
 * Gives each link of the translation the target of the English link at the same position,
 * and writes the links of both sides as inline Markdown links.
 */
export function repairLinks(
  target: string,
  source: string,
  definitions: ReadonlyMap<string, string>,
  syntax: LinkSyntax = 'markdown',
): LinkRepair {
  const englishLinks = findLinks(source, definitions);
  const repairedSource = rewriteLinks(
    source,
    englishLinks,
    englishLinks.map((link) => link.target),
    syntax,
  );
  if (englishLinks.length === 0) return { target, source: repairedSource };
  const translatedLinks = findTranslatedLinks(target);
  if (translatedLinks.length === englishLinks.length) {
    return {
      target: rewriteLinks(
        target,
        translatedLinks,
        englishLinks.map((link) => link.target),
        syntax,
      ),
      source: repairedSource,
    };
  }
  const rawAnchors = translatedLinks.filter((link) => target.startsWith('<a', link.start));
  return {
    target: rewriteLinks(
      target,
      rawAnchors,
      rawAnchors.map((link) => link.target),
      syntax,
    ),
    source: repairedSource,
    problem: `could not pair ${englishLinks.length} English link(s) with ${translatedLinks.length} link(s) in the translation; kept the translation's links`,
  };
}

const EMPTY_ESCAPED_BOLD = /\\\*\\\*\\\*\\\*/g;
const LABEL_BEFORE_EMPTY_BOLD = /\[([^\[\]\n]+)\]\\\*\\\*\\\*\\\*/g;

/**
 * Machine translation turns `select **Submit**` into `選取 [提交]\*\*\*\*`: the bold markers end up
 * escaped and empty behind the UI label. When the English has bold there, bold the label again.
 * Returns the text unchanged when the English has no bold.
 */
export function repairEscapedBold(target: string, source: string): string {
  if (!target.includes('\\*\\*\\*\\*') || !/\*\*[^*]+\*\*/.test(source)) return target;
  return target.replace(LABEL_BEFORE_EMPTY_BOLD, '**[$1]**').replace(EMPTY_ESCAPED_BOLD, '');
}
