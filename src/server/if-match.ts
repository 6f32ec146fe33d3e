/**
 * What an `If-Match` header asks for (RFC 9110 §13.1.1): `*` (any current representation) or the
 * opaque tags of the strong entity tags listed. Weak tags are left out: If-Match compares
 * strongly, so `W/"…"` never matches.
 */
export type IfMatch = '*' | readonly string[];

// One list element: an entity tag (`W/"…"` or `"…"`, etagc = %x21 / %x23-7E / obs-text) or
// nothing (RFC 9110 §5.6.1 lets lists have empty elements), then optional whitespace and a
// comma or the end. Sticky, and no two repetitions can take the same characters, so it runs in
// linear time.
const LIST_ELEMENT = /[\t ]*(?:(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"[\t ]*)?(,|$)/y;

/**
 * Parses an `If-Match` value; `undefined` when it is not `*` or a list of entity tags (a bare
 * `abc`, a missing quote, `*` among tags). An empty value, or one with only commas, is no list.
 */
export function parseIfMatch(header: string): IfMatch | undefined {
  if (header.trim() === '*') return '*';
  const tags: string[] = [];
  let elements = 0;
  LIST_ELEMENT.lastIndex = 0;
  while (LIST_ELEMENT.lastIndex < header.length) {
    const match = LIST_ELEMENT.exec(header);
    if (!match) return undefined;
    const [, weak, opaque, separator] = match;
    if (opaque !== undefined) {
      elements += 1;
      if (!weak) tags.push(opaque);
    }
    if (separator === '') break;
  }
  return elements > 0 ? tags : undefined;
}

/** Whether the condition holds for a representation whose current (strong) ETag is `etag`. */
export function ifMatchAllows(condition: IfMatch, etag: string): boolean {
  return condition === '*' || condition.includes(etag);
}
