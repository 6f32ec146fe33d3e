import { html, type TemplateResult } from 'lit';

/**
 * An email address or domain that may wrap after its `@` and dots (`billing@` / `contoso.` /
 * `onmicrosoft.com`) rather than anywhere: on a 360 px phone a long one must wrap, and breaking
 * inside a word makes it hard to read back. The text stays text; only `<wbr>` is added.
 */
export function breakable(text: string): (string | TemplateResult)[] {
  return text.split(/(?<=[@.])/).map((part, index) => (index === 0 ? part : html`<wbr />${part}`));
}
