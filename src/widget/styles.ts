import { css } from 'lit';

/**
 * Styles of `<customer-account-update>`. Colours, fonts and sizes come from Starlight's custom
 * properties, which inherit into the shadow root, so the widget follows the page's light or dark
 * theme; the fallbacks are for pages without Starlight. Hosts restyle it with `--cau-*`. What only
 * the Update, Submit and Done steps use is in `update-steps.ts`, loaded with them.
 */
export const styles = css`
  :host {
    display: block;
    --_accent: var(--cau-accent, var(--sl-color-text-accent, #3447ff));
    --_border: var(--cau-border-color, var(--sl-color-hairline, #cfd3dc));
    --_control: var(--sl-color-gray-4, #8a8f98);
    --_error: var(--cau-error-color, var(--sl-color-red-high, #b3261e));
    /* gray-2, not gray-3: gray-3 on the dark theme's box is 4.48:1, under WCAG's 4.5:1. */
    --_muted: var(--sl-color-gray-2, #5c6370);
    --_radius: var(--cau-radius, 0.5rem);
    /* The page's own font stack, inherited: Starlight sets it on <body> (and per script for CJK),
       and a host page's text is what the widget should match. */
    font-family: inherit;
    font-size: var(--sl-text-base, 1rem);
    line-height: 1.5;
    color: var(--sl-color-text, #23262f);
  }
  .base {
    container-type: inline-size;
    min-height: 12rem;
    padding: var(--cau-padding, 1rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--cau-background, var(--sl-color-bg-nav, transparent));
  }
  h2,
  h3 {
    margin: 0 0 0.5rem;
    font-size: var(--sl-text-lg, 1.125rem);
    line-height: 1.25;
    color: var(--sl-color-white, inherit);
  }
  h2 {
    font-size: var(--sl-text-h4, 1.25rem);
  }
  p {
    margin: 0 0 0.75rem;
  }
  :focus-visible,
  [tabindex='-1']:focus {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  /* A step's heading takes focus only so screen readers announce the new step; it is not a
     control, so a ring around it would look like something to click (as GOV.UK does). */
  h2[tabindex='-1']:focus {
    outline: none;
  }
  .company,
  label,
  .name {
    font-weight: 600;
  }
  .hint,
  .meta,
  dt {
    color: var(--_muted);
    font-size: var(--sl-text-sm, 0.875rem);
    font-weight: 400;
  }
  .status:empty,
  .no-script {
    display: none;
  }
  /* Without JavaScript the server's markup is all there is: it would say "Loading customers…"
     forever over a search box that does nothing, so it says what is needed instead. */
  @media (scripting: none) {
    .no-script {
      display: block;
    }
    .base > :not(h2, .no-script) {
      display: none;
    }
  }
  .field {
    margin-bottom: 1rem;
  }
  label {
    display: block;
  }
  .hint {
    margin: 0 0 0.25rem;
  }
  input,
  select,
  button,
  .button {
    box-sizing: border-box;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: inherit;
    background: var(--sl-color-bg, #fff);
    border: 1px solid var(--_control);
    border-radius: calc(var(--_radius) / 2);
  }
  input,
  select,
  .results button {
    width: 100%;
  }
  .cards {
    display: grid;
    gap: 0 1rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
  }
  .button {
    display: inline-flex;
    align-items: center;
    text-decoration: none;
  }
  button,
  .button {
    font-weight: 600;
    color: var(--sl-color-white, inherit);
    background: transparent;
    cursor: pointer;
  }
  .primary {
    color: var(--cau-accent-contrast, var(--sl-color-black, #fff));
    background: var(--_accent);
    border-color: var(--_accent);
  }
  button:disabled {
    opacity: 0.6;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.75rem;
    margin-top: 1rem;
  }
  .results {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  [aria-busy='true'] {
    opacity: 0.6;
  }
  /* Each row looks like what it is, something to press: the control border (the hairline is the
     dark theme's box colour), and the accent on hover as on focus. */
  .results button {
    display: grid;
    text-align: start;
    font-weight: 400;
  }
  .results button:hover {
    border-color: var(--_accent);
    background: var(--sl-color-accent-low, transparent);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
  .box {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_accent);
    border-inline-start-width: 4px;
    border-radius: calc(var(--_radius) / 2);
  }
  .error {
    border-color: var(--_error);
  }
  dd {
    margin: 0 0 0.5rem;
  }
  /* break-word, not anywhere: anywhere lets a table or grid squeeze a Japanese word down to
     one character a line; break-word only breaks what would overflow. */
  dd,
  .name,
  .company,
  .meta {
    overflow-wrap: break-word;
  }
  .address {
    display: grid;
  }
`;
