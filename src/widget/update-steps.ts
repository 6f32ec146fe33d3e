import { html, nothing, type TemplateResult } from 'lit';
import {
  countryHints,
  type Address,
  type CountryValidationRules,
  type CustomerBillingProfile,
  type FieldIssue,
} from '../contract/index.ts';
import { stateChoiceLabel } from './address-format.ts';
import { breakable } from './breakable.ts';
import {
  AUTOCOMPLETE,
  OPTIONAL_FIELDS,
  diffValues,
  formValuesFrom,
  type FieldChange,
  type FieldErrors,
  type FormField,
  type FormValues,
} from './profile-form.ts';
import type { AddressSuggestion, SubmittedDetail } from './customer-account-update.ts';
import type { Translate } from './translate.ts';

/**
 * What the Update, Submit and Done steps show. Only people who open the Update step need these
 * templates, so the element loads this module with `import()` (already while the Account step is
 * shown, so it is there when Update is selected) and its first load stays small. The element
 * owns every piece of state; these functions only render it and report clicks.
 */

/**
 * Styles only these steps use. A `<style>` in their templates rather than in the element's
 * `static styles`, so they arrive with this module; the steps are never rendered on the server.
 * Adopted stylesheets win over a `<style>` of equal specificity, hence `.box.success`.
 */
const stepStyles = html`<style>
  .invalid {
    border-inline-start: 4px solid var(--_error);
    padding-inline-start: 0.75rem;
  }
  .error-message {
    margin: 0 0 0.25rem;
  }
  .error-message,
  .error a:not(.button) {
    color: var(--_error);
    font-weight: 600;
  }
  .optional {
    color: var(--_muted);
    font-weight: 400;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--_error);
  }
  .row {
    display: grid;
    gap: 0 1rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15rem), 1fr));
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .box.warning {
    border-color: var(--sl-color-orange, #b45f06);
  }
  .box.success {
    border-color: var(--cau-success-color, var(--sl-color-green-high, #1b6b36));
  }
  table {
    width: 100%;
    margin-bottom: 1rem;
    border-collapse: collapse;
  }
  caption,
  th,
  td {
    padding: 0.375rem 0.5rem 0.375rem 0;
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--_border);
    overflow-wrap: break-word;
  }
  caption {
    font-weight: 600;
  }
  /* A field's name or a column heading is a word or two: never broken inside (「フィー/ルド」). */
  .changes th {
    word-break: keep-all;
  }
  /* On a narrow widget (a phone) three columns leave a word a line: each change becomes the
     field's name with its values below, each under its column's heading. */
  @container (max-width: 32rem) {
    .changes thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .changes tr,
    .changes th,
    .changes td {
      display: block;
    }
    .changes tr {
      border-bottom: 1px solid var(--_border);
      padding-block: 0.375rem;
    }
    .changes th,
    .changes td {
      border: 0;
      padding-block: 0;
    }
    .changes td::before {
      content: attr(data-label) ': ';
      color: var(--_muted);
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
</style>`;

/** What the form shows and whom it tells about input; the element owns all state. */
export interface UpdateFormView {
  /** Widget language, for sorting and names. */
  lang: string;
  /** Translator of the widget's strings. */
  t: Translate;
  /** The form's values. */
  values: FormValues;
  /** Problems per field. */
  errors: FieldErrors;
  /** Problems that belong to no field on the form. */
  otherIssues: readonly FieldIssue[];
  /** The service's own explanation of a refused address, shown as text in the summary. */
  serviceMessage: string | undefined;
  /** Rules of the address's country as the endpoint served them, when known. */
  rules: CountryValidationRules | undefined;
  /** The service's latest version after a conflict (400/2055 or 412), to compare with the edits. */
  latest: CustomerBillingProfile | undefined;
  /** Whether unsent edits were restored from this session. */
  draftRestored: boolean;
  /** Whether the edits were just re-applied onto the latest version. */
  conflictApplied: boolean;
  /** Whether the form is being checked, so Submit cannot be pressed again. */
  validating: boolean;
  /** Text of an issue. */
  message: (issue: FieldIssue) => string;
  /** Country name in the widget's language. */
  countryName: (code: string) => string;
  /** Language or culture name in the widget's language. */
  languageName: (code: string) => string;
  /** A control changed. */
  onInput: (event: Event) => void;
  /** The form was submitted. */
  onSubmit: (event: SubmitEvent) => void;
  /** "Discard my changes". */
  onDiscard: () => void;
  /** "Apply my changes to the latest version". */
  onApply: () => void;
  /** "Back to Account". */
  onCancel: () => void;
}

/** What a change table needs to name fields and values in the widget's language. */
interface ValueNames {
  t: Translate;
  countryName: (code: string) => string;
  languageName: (code: string) => string;
}

function displayValue(names: ValueNames, field: FormField, value: string) {
  if (value === '') return names.t('done.empty');
  if (field === 'email') return breakable(value);
  if (field === 'country') return names.countryName(value);
  if (field === 'language' || field === 'culture') return names.languageName(value);
  return value;
}

/**
 * Field changes, before and after (the column headings name which): a table, stacked into label
 * and values on a narrow widget (see the styles above).
 */
function changeTable(
  names: ValueNames,
  changes: readonly FieldChange[],
  captionKey: string | undefined,
  [beforeKey, afterKey]: readonly [string, string] = ['done.before', 'done.after'],
): TemplateResult {
  const { t } = names;
  return html`<table class="changes">
    ${
      captionKey
        ? html`<caption>
            ${t(captionKey)}
          </caption>`
        : nothing
    }
    <thead>
      <tr>
        <th scope="col">${t('conflict.field')}</th>
        <th scope="col">${t(beforeKey)}</th>
        <th scope="col">${t(afterKey)}</th>
      </tr>
    </thead>
    <tbody>
      ${changes.map(
        ({ field, before, after }) =>
          html`<tr>
            <th scope="row">${t(`form.${field}.label`)}</th>
            <td data-label=${t(beforeKey)}>${displayValue(names, field, before)}</td>
            <td data-label=${t(afterKey)}>${displayValue(names, field, after)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The fields where the latest version and the edits differ; nothing when they agree. */
function conflictTable(view: UpdateFormView, latest: CustomerBillingProfile) {
  const rows = diffValues(formValuesFrom(latest), view.values);
  return rows.length > 0
    ? changeTable(view, rows, undefined, ['conflict.latest', 'conflict.mine'])
    : nothing;
}

/** Moves focus to a field from its error summary link (the link's #fragment cannot cross the shadow root). */
function focusField(event: Event, field: string): void {
  event.preventDefault();
  const root = (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot | Document;
  root.querySelector<HTMLElement>(`#field-${field}`)?.focus();
}

function renderField(
  view: UpdateFormView,
  field: FormField,
  control: TemplateResult,
  hint?: string,
): TemplateResult {
  const error = view.errors[field];
  return html`<div class="field ${error ? 'invalid' : ''}" part="field">
    <label for="field-${field}"
      >${view.t(`form.${field}.label`)}${
        OPTIONAL_FIELDS.has(field)
          ? html` <span class="optional">${view.t('form.optional')}</span>`
          : nothing
      }</label
    >
    ${hint ? html`<p id="hint-${field}" class="hint">${hint}</p>` : nothing}
    ${
      error
        ? html`<p id="error-${field}" class="error-message">
            <span class="visually-hidden">${view.t('form.errorPrefix')}</span> ${view.message(
              error,
            )}
          </p>`
        : nothing
    }
    ${control}
  </div>`;
}

function describedBy(view: UpdateFormView, field: FormField, hint: boolean): string {
  return [hint ? `hint-${field}` : '', view.errors[field] ? `error-${field}` : '']
    .filter(Boolean)
    .join(' ');
}

function input(
  view: UpdateFormView,
  field: FormField,
  type = 'text',
  hint?: string,
): TemplateResult {
  const describedByIds = describedBy(view, field, hint !== undefined);
  return renderField(
    view,
    field,
    html`<input
      id="field-${field}"
      name=${field}
      type=${type}
      autocomplete=${AUTOCOMPLETE[field]}
      spellcheck=${type === 'text' ? 'true' : 'false'}
      aria-describedby=${describedByIds || nothing}
      aria-invalid=${view.errors[field] ? 'true' : 'false'}
      .value=${view.values[field] ?? ''}
      @input=${view.onInput}
    />`,
    hint,
  );
}

function select(
  view: UpdateFormView,
  field: FormField,
  options: readonly (readonly [string, string])[],
  hint?: string,
  placeholder?: string,
): TemplateResult {
  const value = view.values[field] ?? '';
  const all =
    value && !options.some(([code]) => code === value)
      ? [[value, value] as const, ...options]
      : options;
  const describedByIds = describedBy(view, field, hint !== undefined);
  return renderField(
    view,
    field,
    html`<select
      id="field-${field}"
      name=${field}
      autocomplete=${AUTOCOMPLETE[field]}
      aria-describedby=${describedByIds || nothing}
      aria-invalid=${view.errors[field] ? 'true' : 'false'}
      @change=${view.onInput}
    >
      ${
        placeholder !== undefined
          ? html`<option value="" ?selected=${value === ''}>${placeholder}</option>`
          : nothing
      }
      ${all.map(
        ([code, name]) => html`<option value=${code} ?selected=${code === value}>${name}</option>`,
      )}
    </select>`,
    hint,
  );
}

/**
 * The country, shown but not editable: Partner Center does not change the country of a
 * customer's billing address, and the widget has no country list of its own to offer.
 */
function countryField(view: UpdateFormView): TemplateResult {
  return html`<div class="field" part="field">
    <label for="field-country">${view.t('form.country.label')}</label>
    <p id="hint-country" class="hint">${view.t('form.country.hint')}</p>
    <input
      id="field-country"
      type="text"
      readonly
      autocomplete="off"
      aria-describedby="hint-country"
      .value=${view.countryName(view.values.country)}
    />
  </div>`;
}

/** The Update step's form, with its error summary and the draft and conflict notices. */
export function renderUpdateForm(view: UpdateFormView): TemplateResult {
  const { t, values, rules, lang } = view;
  // Examples come from the rules when a backend adds them, else from the built-in hints.
  const hints = countryHints(values.country);
  const postalExample = rules?.postalCodeExample ?? hints.postalCodeExample;
  const phoneExample = rules?.phoneNumberExample ?? hints.phoneNumberExample;
  const states = rules?.supportedStatesList ?? [];
  const stateName = (state: string) => stateChoiceLabel(values.country, state, lang);
  const languages = (rules?.supportedLanguagesList ?? []).map(
    (code) => [code, view.languageName(code)] as const,
  );
  const cultures = (rules?.supportedCulturesList ?? []).map(
    (code) => [code, view.languageName(code)] as const,
  );
  // One line per message: a refused address marks several fields with the same one.
  const seen = new Set<string>();
  const issues = [
    ...Object.entries(view.errors).map(([field, issue]) => ({ field, issue })),
    ...view.otherIssues.map((issue) => ({ field: '', issue })),
  ].filter(({ issue }) => {
    const text = view.message(issue);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
  const latest = view.latest;
  return html`${stepStyles}${
      issues.length > 0 || view.serviceMessage
        ? html`<div
            class="box error summary"
            id="error-summary"
            tabindex="-1"
            role="alert"
            aria-labelledby="error-summary-title"
            part="error"
          >
            <h3 id="error-summary-title">${t('form.errorSummary')}</h3>
            <ul>
              ${issues.map(({ field, issue }) =>
                field
                  ? html`<li>
                      <a href="#field-${field}" @click=${(event: Event) => focusField(event, field)}
                        >${view.message(issue)}</a
                      >
                    </li>`
                  : html`<li>${view.message(issue)}</li>`,
              )}
              ${
                view.serviceMessage
                  ? html`<li>${t('submit.serviceMessage', { message: view.serviceMessage })}</li>`
                  : nothing
              }
            </ul>
          </div>`
        : nothing
    }
    ${
      view.draftRestored
        ? html`<div class="box notice" part="notice">
            <p>${t('draft.restored')}</p>
            <button type="button" part="button" @click=${view.onDiscard}>
              ${t('draft.discard')}
            </button>
          </div>`
        : nothing
    }
    ${
      latest
        ? html`<section
            class="box warning"
            id="conflict"
            tabindex="-1"
            aria-labelledby="conflict-heading"
          >
            <h3 id="conflict-heading">${t('conflict.heading')}</h3>
            <p>${t('conflict.body')}</p>
            ${conflictTable(view, latest)}
            <button
              type="button"
              part="button button-primary"
              class="primary"
              @click=${view.onApply}
            >
              ${t('conflict.apply')}
            </button>
          </section>`
        : nothing
    }
    ${
      view.conflictApplied
        ? html`<p class="box notice" id="applied" tabindex="-1" role="status" part="notice">
            ${t('conflict.applied')}
          </p>`
        : nothing
    }
    <p>${t('update.intro')}</p>
    <form novalidate @submit=${view.onSubmit}>
      <div class="row">${input(view, 'firstName')}${input(view, 'lastName')}</div>
      ${input(view, 'email', 'email', t('form.email.hint'))} ${input(view, 'companyName')}
      ${countryField(view)} ${input(view, 'addressLine1')} ${input(view, 'addressLine2')}
      <div class="row">
        ${input(view, 'city')}
        ${
          states.length > 0
            ? select(
                view,
                'state',
                states.map((state) => [state, stateName(state)] as const),
                undefined,
                t('form.state.choose'),
              )
            : input(view, 'state')
        }
      </div>
      ${input(
        view,
        'postalCode',
        'text',
        postalExample ? t('form.postalCode.hint', { example: postalExample }) : undefined,
      )}
      ${input(
        view,
        'phoneNumber',
        'tel',
        phoneExample ? t('form.phoneNumber.hint', { example: phoneExample }) : undefined,
      )}
      <div class="row">
        ${select(view, 'language', languages)}
        ${select(view, 'culture', cultures, t('form.culture.hint'))}
      </div>
      <div class="actions">
        <button type="button" part="button" @click=${view.onCancel}>${t('form.cancel')}</button>
        <button
          type="submit"
          part="button button-primary"
          class="primary"
          ?disabled=${view.validating}
          aria-busy=${view.validating ? 'true' : 'false'}
        >
          ${t('form.submit')}
        </button>
      </div>
    </form>`;
}

/** What the Submit step shows. */
export interface SubmitView {
  /** Translator of the widget's strings. */
  t: Translate;
  /**
   * Where the submit is: checking the address, waiting for a choice among suggestions, waiting
   * for a confirmation of an address the service could not check, sending, or failed.
   */
  phase: 'checking' | 'suggest' | 'unchecked' | 'sending' | 'failed';
  /** The address as entered, the service's suggestions and message (`suggest`, `unchecked`). */
  suggestion: AddressSuggestion | undefined;
  /** The failure message, in the `failed` phase. */
  error: TemplateResult | undefined;
  /** The changes being sent. */
  changes: readonly FieldChange[];
  /** Country name in the widget's language. */
  countryName: (code: string) => string;
  /** Language or culture name in the widget's language. */
  languageName: (code: string) => string;
  /** An address, formatted for its country. */
  address: (address: Address) => TemplateResult;
  /** "Use the suggested address" (its index) or send the address as entered (`undefined`). */
  onUseSuggestion: (index: number | undefined) => void;
  /** "Back to Update". */
  onBack: () => void;
  /** "Submit" or "Try again": sends the same edit (same `MS-RequestId`). */
  onSend: () => void;
}

function serviceMessage(view: SubmitView, suggestion: AddressSuggestion) {
  return suggestion.message
    ? html`<p>${view.t('submit.serviceMessage', { message: suggestion.message })}</p>`
    : nothing;
}

/**
 * The address check's suggestions (at most three) beside the address as entered, each with its
 * own button; the service's message (partial street or building, several matches, a question)
 * is shown as text.
 */
function suggestionBox(view: SubmitView, suggestion: AddressSuggestion): TemplateResult {
  const { t } = view;
  const several = suggestion.suggested.length > 1;
  return html`<section
    class="box notice"
    id="suggestion"
    tabindex="-1"
    aria-labelledby="suggestion-heading"
  >
    <h3 id="suggestion-heading">${t('submit.suggestion.heading')}</h3>
    <p>${t('submit.suggestion.body')}</p>
    ${serviceMessage(view, suggestion)}
    <div class="cards">
      <div>
        <h4>${t('submit.suggestion.yours')}</h4>
        ${view.address(suggestion.entered)}
      </div>
      ${suggestion.suggested.map(
        (address, index) =>
          html`<div>
            <h4 id="suggested-${index}">
              ${
                several
                  ? t('submit.suggestion.numbered', { number: index + 1 })
                  : t('submit.suggestion.suggested')
              }
            </h4>
            ${view.address(address)}
            <!-- Several buttons share one label; the heading tells screen readers which it is. -->
            <button
              type="button"
              part="button button-primary"
              class="primary"
              aria-describedby="suggested-${index}"
              @click=${() => view.onUseSuggestion(index)}
            >
              ${t('submit.suggestion.use')}
            </button>
          </div>`,
      )}
    </div>
    <div class="actions">
      <button type="button" part="button" @click=${() => view.onUseSuggestion(undefined)}>
        ${t('submit.suggestion.keep')}
      </button>
    </div>
  </section>`;
}

/**
 * The Submit step: progress, the address suggestion, a failure with Try again, and the changes.
 * While a request runs its buttons are disabled and `aria-busy`, so nothing is sent twice.
 */
export function renderSubmitStep(view: SubmitView): TemplateResult {
  const { t, phase, suggestion } = view;
  const running = phase === 'checking' || phase === 'sending';
  return html`${stepStyles}
    <p class="status" role="status">
      ${phase === 'checking' ? t('submit.checking') : phase === 'sending' ? t('submit.sending') : ''}
    </p>
    ${phase === 'suggest' && suggestion ? suggestionBox(view, suggestion) : nothing}
    ${
      phase === 'unchecked' && suggestion
        ? html`<section
            class="box warning"
            id="unchecked"
            tabindex="-1"
            aria-labelledby="unchecked-heading"
          >
            <h3 id="unchecked-heading">${t('submit.unchecked.heading')}</h3>
            <p>${t('submit.unchecked.body')}</p>
            ${serviceMessage(view, suggestion)} ${view.address(suggestion.entered)}
            <div class="actions">
              <button
                type="button"
                part="button button-primary"
                class="primary"
                @click=${() => view.onUseSuggestion(undefined)}
              >
                ${t('submit.unchecked.send')}
              </button>
            </div>
          </section>`
        : nothing
    }
    ${
      phase === 'failed' && view.error
        ? html`${view.error}
            <p>${t('status.kept')}</p>`
        : nothing
    }
    ${view.changes.length > 0 ? changeTable(view, view.changes, 'submit.changes') : nothing}
    <div class="actions">
      <button type="button" part="button" ?disabled=${running} @click=${view.onBack}>
        ${t('submit.back')}
      </button>
      ${
        phase === 'suggest' || phase === 'unchecked'
          ? nothing
          : html`<button
              type="button"
              part="button button-primary"
              class="primary"
              ?disabled=${running}
              aria-busy=${running ? 'true' : 'false'}
              @click=${view.onSend}
            >
              ${phase === 'failed' ? t('submit.retry') : t('form.submit')}
            </button>`
      }
    </div>`;
}

/** What the Done step shows. */
export interface DoneView {
  /** Translator of the widget's strings. */
  t: Translate;
  /** The saved profile and what changed. */
  result: SubmittedDetail | undefined;
  /** Country name in the widget's language. */
  countryName: (code: string) => string;
  /** Language or culture name in the widget's language. */
  languageName: (code: string) => string;
  /** "Back to Customers". */
  onBackToCustomers: () => void;
  /** "Back to Account". */
  onBackToAccount: () => void;
}

/** The Done step: what was saved, field by field (before → after). */
export function renderDoneStep(view: DoneView): TemplateResult {
  const { t, result } = view;
  return html`${stepStyles}
    <div class="box success" role="status" part="notice">
      <p>${t('done.body', { company: result?.profile.companyName ?? '' })}</p>
    </div>
    ${
      result && result.changes.length > 0
        ? changeTable(view, result.changes, 'done.changes')
        : html`<p>${t('done.noChanges')}</p>`
    }
    <div class="actions">
      <button type="button" part="button" @click=${view.onBackToCustomers}>
        ${t('done.backToCustomers')}
      </button>
      <button
        type="button"
        part="button button-primary"
        class="primary"
        @click=${view.onBackToAccount}
      >
        ${t('done.backToAccount')}
      </button>
    </div>`;
}
