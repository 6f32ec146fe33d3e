import { DOMParser, type Element } from '@xmldom/xmldom';

/** The XLIFF 2.0 core namespace. */
export const XLIFF_2_NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';

/** Inline elements XLIFF 2.0 core allows inside `<source>` and `<target>`. */
const INLINE = new Set(['cp', 'ph', 'pc', 'sc', 'ec', 'mrk', 'sm', 'em']);
/** XML's NMTOKEN, the type of every core `id`. */
const NMTOKEN = /^[\p{L}\p{N}._:\-\u00B7\u0300-\u036F\u203F-\u2040]+$/u;

/**
 * Checks a document against the structure of the OASIS XLIFF 2.0 core schema
 * (xliff_core_2.0.xsd, spec section 4.2): element nesting and order, required attributes, `id`
 * types and uniqueness, `trgLang` when there are targets. Written from the specification because
 * no npm package ships the schema and nothing else can be fetched here; it covers the core
 * elements (extensions in other namespaces are allowed where the schema allows them) and returns
 * every violation, one line each.
 */
export function xliffCoreProblems(xml: string): string[] {
  const problems: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') problems.push(`not well-formed XML: ${message}`);
    },
  }).parseFromString(xml, 'application/xml');
  const root = document.documentElement;
  if (!root) return problems.length > 0 ? problems : ['no root element'];
  const core = (element: Element) => element.namespaceURI === XLIFF_2_NAMESPACE;
  const children = (element: Element) =>
    Array.from(element.childNodes).filter((node): node is Element => node.nodeType === 1);
  const where = (element: Element) => {
    const id = element.getAttribute('id');
    return `<${element.localName}${id ? ` id="${id}"` : ''}>`;
  };
  /** Checks `element`'s core children follow `order` (names with ?, + or * after them). */
  const sequence = (element: Element, order: readonly string[]) => {
    const names = children(element)
      .filter(core)
      .map((child) => child.localName ?? '');
    let position = 0;
    for (const step of order) {
      const name = step.replace(/[?+*]$/, '');
      const alternatives = name.split('|');
      let count = 0;
      while (position < names.length && alternatives.includes(names[position] ?? '')) {
        position += 1;
        count += 1;
      }
      if (step.endsWith('+') && count === 0)
        problems.push(`${where(element)} needs at least one <${name}>`);
      if ((step.endsWith('?') || !/[?+*]$/.test(step)) && count > 1)
        problems.push(`${where(element)} has more than one <${name}>`);
      if (!/[?+*]$/.test(step) && count === 0) problems.push(`${where(element)} needs a <${name}>`);
    }
    if (position < names.length)
      problems.push(`${where(element)} does not allow <${names[position]}> there`);
  };
  const requireAttribute = (element: Element, name: string) => {
    if (!element.hasAttribute(name)) problems.push(`${where(element)} needs the ${name} attribute`);
  };
  const requireId = (element: Element, seen: Set<string>) => {
    requireAttribute(element, 'id');
    const id = element.getAttribute('id');
    if (id === null) return;
    if (!NMTOKEN.test(id)) problems.push(`${where(element)}: id is not an NMTOKEN`);
    if (seen.has(id)) problems.push(`${where(element)}: id is not unique`);
    seen.add(id);
  };
  const text = (element: Element) => {
    for (const child of children(element)) {
      if (!core(child) || !INLINE.has(child.localName ?? ''))
        problems.push(`${where(element)} does not allow <${child.localName}> inside`);
    }
  };

  if (root.localName !== 'xliff' || !core(root)) {
    return [...problems, `the root element is not <xliff> in ${XLIFF_2_NAMESPACE}`];
  }
  if (root.getAttribute('version') !== '2.0') problems.push('<xliff> needs version="2.0"');
  requireAttribute(root, 'srcLang');
  sequence(root, ['file+']);
  const files = new Set<string>();
  for (const file of children(root).filter(core)) {
    requireId(file, files);
    sequence(file, ['skeleton?', 'notes?', 'unit|group+']);
    const ids = new Set<string>();
    const visit = (container: Element) => {
      for (const child of children(container).filter(core)) {
        if (child.localName === 'group') {
          requireId(child, ids);
          sequence(child, ['notes?', 'unit|group*']);
          visit(child);
        } else if (child.localName === 'unit') {
          requireId(child, ids);
          sequence(child, ['notes?', 'originalData?', 'segment|ignorable+']);
          for (const part of children(child).filter(core)) {
            if (part.localName === 'notes') {
              sequence(part, ['note+']);
              for (const note of children(part)) {
                if (children(note).length > 0)
                  problems.push(`${where(child)}: a <note> holds only text`);
              }
            }
            if (part.localName === 'segment' || part.localName === 'ignorable') {
              sequence(part, ['source', 'target?']);
              for (const content of children(part)) text(content);
              if (children(part).some((content) => content.localName === 'target'))
                requireAttribute(root, 'trgLang');
            }
          }
        } else if (child.localName === 'notes') {
          sequence(child, ['note+']);
        }
      }
    };
    visit(file);
  }
  return [...new Set(problems)];
}
