import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  addressCheckOutcome,
  continuationTokenOf,
  type Address,
  type AddressValidationResponse,
  type CountryValidationRules,
  type CustomerBillingProfile,
  type CustomerSummary,
  type FieldIssue,
} from '../contract/index.ts';
import { formatAddress } from './address-format.ts';
import { AccountsClient, ApiClientError, type Account } from './api-client.ts';
import { customerFilterFor } from './customer-search.ts';
import { clearDrafts, latestDraft, loadDraft, saveDraft, type Draft } from './draft-store.ts';
import { breakable } from './breakable.ts';
import { formatPersonName } from './person-name.ts';
import { signInHref } from './sign-in.ts';
import {
  readStepLocation,
  withStepLocation,
  type StepLocation,
  type WidgetStep,
} from './step-location.ts';
import {
  applySuggestion,
  diffValues,
  formValuesFrom,
  groupIssues,
  rebaseEdits,
  requestFor,
  toUpdateBody,
  type FieldChange,
  type FieldErrors,
  type FormField,
  type FormValues,
  type PendingRequest,
} from './profile-form.ts';
import { styles } from './styles.ts';
import {
  createTranslator,
  loadMessages,
  resolveLanguage,
  serviceLocale,
  type Messages,
  type Translate,
  type WidgetLanguage,
} from './translate.ts';

export type { WidgetStep } from './step-location.ts';

/** How a step change is written into the browser's history. */
type HistoryMode = 'push' | 'replace' | 'none';

/** Detail of `customer-account-update:step-change`. */
export interface StepChangeDetail {
  /** The step now shown. */
  step: WidgetStep;
}

/** Detail of `customer-account-update:submitted`. */
export interface SubmittedDetail {
  /** The customer whose billing profile was updated. */
  customerId: string;
  /** The billing profile as the server saved it, with its new ETag. */
  profile: CustomerBillingProfile;
  /** The fields that changed, with their values before and after. */
  changes: FieldChange[];
}

type LoadState = 'idle' | 'loading' | 'ready' | 'error';
type SubmitPhase = 'checking' | 'suggest' | 'unchecked' | 'sending' | 'failed';

/** What the address check offers: up to three addresses, with the service's own words. */
export interface AddressSuggestion {
  /** The address as entered. */
  entered: Address;
  /** Addresses the service suggests, at most three. */
  suggested: Address[];
  /** The service's `validationMessage`, shown as text. */
  message: string | undefined;
}

/** How many of the service's suggestions are offered. */
const MAX_SUGGESTIONS = 3;

const SEARCH_DELAY_MS = 250;
const PAGE_SIZE = 20;

/** Keeps `Intl` objects per language: building them is slow and they are used on every render. */
const intlCache = new Map<string, Intl.DisplayNames>();
function displayNames(lang: string, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${lang}|${type}`;
  let names = intlCache.get(key);
  if (!names) {
    names = new Intl.DisplayNames([lang, 'en'], { type, fallback: 'code' });
    intlCache.set(key, names);
  }
  return names;
}

function safeName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Partner Center's "Customers → choose a customer → Account → Update → Submit", inline on a help
 * article, against a REST endpoint that follows `src/contract`.
 *
 * @summary Finds a customer and updates their billing profile.
 *
 * @fires customer-account-update:step-change - The step changed (`{ step }`); also fired once for
 *   the initial Account step when `customer-id` is set.
 * @fires customer-account-update:submitted - The billing profile was saved (`{ customerId,
 *   profile, changes }`).
 *
 * @csspart base - The box around the whole widget.
 * @csspart heading - The heading of the current step.
 * @csspart search - The customer search field.
 * @csspart result - A customer in the result list.
 * @csspart field - A form field with its label, hint and error.
 * @csspart button - Every button.
 * @csspart button-primary - The main action of a step (Update, Submit, …).
 * @csspart error - An error message with its retry.
 * @csspart notice - A notice (draft restored, changes re-applied).
 *
 * @cssprop --cau-accent - Main action and focus colour (default Starlight's `--sl-color-text-accent`).
 * @cssprop --cau-accent-contrast - Text on the accent colour (default `--sl-color-black`).
 * @cssprop --cau-background - Background of the box (default `--sl-color-bg-nav`).
 * @cssprop --cau-border-color - Borders (default `--sl-color-hairline`).
 * @cssprop --cau-radius - Corner radius of the box and controls.
 * @cssprop --cau-padding - Space inside the box.
 * @cssprop --cau-error-color - Error text and borders (default `--sl-color-red-high`).
 * @cssprop --cau-success-color - Success text and borders (default `--sl-color-green-high`).
 */
export class CustomerAccountUpdate extends LitElement {
  static override styles = styles;

  @state() private currentStep: WidgetStep = 'customers';
  @state() private loadedMessages: Messages | undefined;
  @state() private inheritedLang = '';

  @state() private query = '';
  @state() private customers: CustomerSummary[] = [];
  @state() private continuationToken: string | undefined;
  @state() private listState: LoadState = 'loading';
  @state() private loadingMore = false;
  @state() private listError: ApiClientError | undefined;
  @state() private pendingDraft: Draft | undefined;

  @state() private customer: Account | undefined;
  @state() private accountState: LoadState = 'loading';
  @state() private accountError: ApiClientError | undefined;

  @state() private base: CustomerBillingProfile | undefined;
  @state() private original: FormValues | undefined;
  @state() private values: FormValues | undefined;
  @state() private rules: CountryValidationRules | undefined;
  @state() private errors: FieldErrors = {};
  @state() private otherIssues: FieldIssue[] = [];
  @state() private serviceMessage: string | undefined;
  @state() private validating = false;
  @state() private draftRestored = false;
  @state() private conflict: CustomerBillingProfile | undefined;
  @state() private conflictApplied = false;

  @state() private submitPhase: SubmitPhase = 'checking';
  @state() private submitError: ApiClientError | undefined;
  @state() private suggestion: AddressSuggestion | undefined;
  @state() private result: SubmittedDetail | undefined;
  @state() private updateSteps: typeof import('./update-steps.ts') | undefined;

  /** Base URL of the API; the contract's paths (`/v1/customers`, …) are appended to it. */
  @property() endpoint = '/api';

  /**
   * Language of the UI (`en`, `ja-JP`, `zh-TW`; others fall back to English). When not set on
   * the element, the nearest ancestor's `lang` decides once the element is on the page.
   */
  @property() override lang = '';

  /** Start at the Account step of this customer instead of the Customers step. */
  @property({ attribute: 'customer-id' }) customerId = '';

  /**
   * The UI strings of the element's language (the contents of `locales/<lang>/widget.json`).
   * When not set, the element loads them itself.
   */
  @property({ attribute: false }) messages: Messages | undefined;

  #t: Translate = (key) => key;
  #client: AccountsClient | undefined;
  #clientLocale = '';
  #accountId = '';
  #started = false;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #listAbort: AbortController | undefined;
  #focusSelector: string | undefined;
  #validation: Promise<typeof import('./form-validation.ts') | undefined> | undefined;
  #pending: PendingRequest | undefined;
  #addressAccepted = false;

  /** The step now shown. */
  get step(): WidgetStep {
    return this.currentStep;
  }

  get #lang(): WidgetLanguage {
    return resolveLanguage(this.lang || this.inheritedLang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.lang) {
      this.inheritedLang =
        this.parentElement?.closest('[lang]')?.getAttribute('lang') ??
        document.documentElement.lang;
    }
    if (this.#started) return;
    this.#started = true;
    if (!this.messages) void this.#loadStrings();
    window.addEventListener('popstate', this.#handlePopState);
    if (this.#addressedLocation()) {
      // Opened at a later step (reload, Back/Forward, return from sign-in): firstUpdated goes there.
    } else if (this.customerId) {
      void this.#loadAccount(this.customerId);
    } else {
      // A reader may type into the server-rendered search box before the element wakes up: the
      // text is still in the box, so search for it rather than list everyone beside it.
      this.query = this.shadowRoot?.querySelector<HTMLInputElement>('#search')?.value ?? this.query;
      void this.#search();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#handlePopState);
    clearTimeout(this.#searchTimer);
    this.#listAbort?.abort();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    if (!this.hasUpdated) this.currentStep = this.customerId ? 'account' : 'customers';
    const lang = this.#lang;
    if (this.#client?.endpoint !== this.endpoint || this.#clientLocale !== serviceLocale(lang))
      this.#client = undefined;
    this.#t = createTranslator(lang, this.messages ?? this.loadedMessages ?? {});
  }

  protected override firstUpdated(): void {
    // Only after the first render: the server sees neither this tab's drafts nor the address's
    // step, and the first render must match its markup, or hydration fails and leaves a dead copy
    // above the live one.
    const addressed = this.#addressedLocation();
    if (addressed) this.#showLocation(addressed);
    // The page marks the article's matching step; it needs to know where a deep link starts.
    else if (this.customerId) this.#announceStep();
    else this.pendingDraft = this.#storage ? latestDraft(this.#storage) : undefined;
  }

  protected override updated(): void {
    if (!this.#focusSelector) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.#focusSelector);
    this.#focusSelector = undefined;
    target?.focus();
  }

  /**
   * The API client for the current endpoint, made on first use (after connection). It sends the
   * widget's language as `X-Locale`, so the service's own messages match the rest of the widget.
   */
  get #api(): AccountsClient {
    if (!this.#client) {
      this.#clientLocale = serviceLocale(this.#lang);
      this.#client = new AccountsClient({ endpoint: this.endpoint, locale: this.#clientLocale });
    }
    return this.#client;
  }

  get #storage(): Storage | undefined {
    try {
      return window.sessionStorage;
    } catch {
      // Storage can be switched off (privacy settings, sandboxed frames): drafts are then skipped.
      return undefined;
    }
  }

  async #loadStrings(): Promise<void> {
    const lang = resolveLanguage(this.lang || this.inheritedLang);
    this.loadedMessages = await loadMessages(lang);
  }

  #announceStep(): void {
    this.dispatchEvent(
      new CustomEvent<StepChangeDetail>('customer-account-update:step-change', {
        detail: { step: this.currentStep },
        bubbles: true,
        composed: true,
      }),
    );
  }

  /**
   * Shows a step and moves focus to its heading: screen reader users (NVDA, JAWS, VoiceOver) hear
   * the new step's name instead of silence, and keyboard users continue from the top of it. The
   * step becomes a history entry, so the browser's Back returns to the previous one.
   */
  #goTo(step: WidgetStep, history: HistoryMode = 'push'): void {
    this.currentStep = step;
    this.#focusSelector = '#heading';
    this.#announceStep();
    this.#writeLocation(history);
  }

  /** The step the page's address names, when it names a later step than Customers. */
  #addressedLocation(): StepLocation | undefined {
    const location = readStepLocation(new URL(window.location.href));
    return location?.step === 'customers' ? undefined : location;
  }

  #writeLocation(mode: HistoryMode): void {
    if (mode === 'none') return;
    const here = new URL(window.location.href);
    const customerId = this.#accountId || undefined;
    const next = withStepLocation(here, {
      step: this.currentStep,
      ...(customerId ? { customerId } : {}),
    });
    if (next.href === here.href) return;
    // The host page's own history state is kept; only the address changes.
    if (mode === 'push') window.history.pushState(window.history.state, '', next);
    else window.history.replaceState(window.history.state, '', next);
  }

  #handlePopState = (): void => {
    const start: StepLocation = this.customerId
      ? { step: 'account', customerId: this.customerId }
      : { step: 'customers' };
    this.#showLocation(readStepLocation(new URL(window.location.href)) ?? start);
  };

  /**
   * Opens the step an address names without adding a history entry. Submit and Done cannot be
   * reopened as they were (nothing is sent again without the partner pressing Submit), so they
   * open the Update form with the unsent edits, which the draft keeps.
   */
  #showLocation({ step, customerId }: StepLocation): void {
    if (step === 'customers' || !customerId) {
      this.#backToCustomers('none');
      return;
    }
    const loaded = this.customer?.id === customerId && this.accountState === 'ready';
    if (step === 'done' && loaded && this.result?.customerId === customerId) {
      this.#goTo('done', 'none');
    } else if (step === 'account') {
      if (loaded) this.#goTo('account', 'none');
      else this.#chooseCustomer(customerId, false, 'none');
    } else if (step === 'done') {
      if (loaded) this.#goTo('account', 'replace');
      else this.#chooseCustomer(customerId, false, 'replace');
    } else if (loaded && this.values) {
      this.#goTo('update', step === 'update' ? 'none' : 'replace');
    } else {
      this.#chooseCustomer(customerId, true, step === 'update' ? 'none' : 'replace');
    }
  }

  #focus(selector: string): void {
    this.#focusSelector = selector;
    this.requestUpdate();
  }

  // Customers

  #handleSearchInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => void this.#search(), SEARCH_DELAY_MS);
  }

  #handleSearchKey(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(this.#searchTimer);
      void this.#search();
    } else if (event.key === 'ArrowDown' && this.customers.length > 0) {
      event.preventDefault();
      this.#focus('[data-index="0"]');
    }
  }

  async #search(more = false): Promise<void> {
    this.#listAbort?.abort();
    const controller = new AbortController();
    this.#listAbort = controller;
    const firstNew = this.customers.length;
    if (more) this.loadingMore = true;
    else this.listState = 'loading';
    this.listError = undefined;
    try {
      const page = await this.#api.listCustomers({
        filter: customerFilterFor(this.query),
        size: PAGE_SIZE,
        continuationToken: more ? this.continuationToken : undefined,
        signal: controller.signal,
      });
      this.customers = more ? [...this.customers, ...page.items] : page.items;
      this.continuationToken = continuationTokenOf(page);
      this.listState = 'ready';
      // Keyboard users who asked for more continue at the first new customer.
      if (more && page.items.length > 0) this.#focus(`[data-index="${firstNew}"]`);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.listError = this.#asClientError(error);
      if (!more) this.listState = 'error';
    } finally {
      if (this.#listAbort === controller) this.loadingMore = false;
    }
  }

  #handleResultKey(event: KeyboardEvent): void {
    const index = Number((event.currentTarget as HTMLElement).dataset['index']);
    const last = this.customers.length - 1;
    const next =
      event.key === 'ArrowDown'
        ? Math.min(index + 1, last)
        : event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    this.#focus(next < 0 ? '#search' : `[data-index="${next}"]`);
  }

  #chooseCustomer(id: string, thenUpdate = false, history: HistoryMode = 'push'): void {
    this.customer = undefined;
    this.#accountId = id;
    this.#goTo('account', history);
    void this.#loadAccount(id, thenUpdate ? history : undefined);
  }

  // Account

  /** Loads a customer's account; with `thenUpdate`, opens Update with that history mode. */
  async #loadAccount(id: string, thenUpdate?: HistoryMode): Promise<void> {
    this.#accountId = id;
    this.accountState = 'loading';
    this.accountError = undefined;
    try {
      this.customer = await this.#api.getAccount(id);
      this.accountState = 'ready';
      // Fetch the Update form now, so it is there when Update is selected.
      this.#loadUpdateForm();
      if (thenUpdate && this.currentStep === 'account') this.#startEditing(thenUpdate);
    } catch (error) {
      this.accountError = this.#asClientError(error);
      this.accountState = 'error';
    }
  }

  #backToCustomers(history: HistoryMode = 'push'): void {
    this.customer = undefined;
    this.#accountId = '';
    this.pendingDraft = this.#storage ? latestDraft(this.#storage) : undefined;
    this.#goTo('customers', history);
    if (this.listState !== 'ready') void this.#search();
  }

  // Update

  #startEditing(history: HistoryMode = 'push'): void {
    const customer = this.customer;
    if (!customer) return;
    const current = customer.billingProfile;
    const currentValues = formValuesFrom(current);
    const draft = this.#storage ? loadDraft(this.#storage, customer.id) : undefined;
    this.errors = {};
    this.otherIssues = [];
    this.serviceMessage = undefined;
    this.conflictApplied = false;
    this.#pending = undefined;
    this.#addressAccepted = false;
    this.base = current;
    if (draft && diffValues(draft.original, currentValues).length > 0) {
      // Saved before someone else changed the profile: show both versions, so the edits are
      // re-applied on the latest with one button and never sent over the other change.
      this.original = draft.original;
      this.values = draft.values;
      this.conflict = current;
    } else {
      this.original = currentValues;
      this.values = draft?.values ?? currentValues;
      this.conflict = undefined;
    }
    this.draftRestored = draft !== undefined;
    this.#goTo('update', history);
    void this.#loadRules(this.values.country);
    this.#loadUpdateForm();
    // Starts loading the form checks (schema + phone metadata) while the person types.
    this.#validation ??= import('./form-validation.ts').catch(() => undefined);
  }

  #loadUpdateForm(): void {
    if (this.updateSteps) return;
    import('./update-steps.ts').then(
      (module) => {
        this.updateSteps = module;
        if (this.currentStep === 'update') this.#focus('#heading');
      },
      () => {
        // A failed chunk (offline) is asked for again on the next Update.
      },
    );
  }

  /**
   * Loads the country's rules from the endpoint, the only source of what its addresses need.
   * Without them (the service has none, or is unreachable) the form checks lengths and formats
   * only: a country is never refused here, and the service checks again on submit.
   */
  async #loadRules(country: string): Promise<void> {
    if (this.rules?.iso2Code.toUpperCase() !== country.toUpperCase()) this.rules = undefined;
    try {
      const rules = await this.#api.getCountryRules(country);
      if (this.values?.country.toUpperCase() === rules.iso2Code.toUpperCase()) this.rules = rules;
    } catch {
      // Nothing to do: see above.
    }
  }

  #handleInput(event: Event): void {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    const field = control.name as FormField;
    if (!this.values) return;
    this.values = { ...this.values, [field]: control.value };
    this.#saveDraft();
  }

  #saveDraft(): void {
    const storage = this.#storage;
    const { customer, base, original, values } = this;
    if (!storage || !customer || !base || !original || !values) return;
    if (diffValues(original, values).length === 0 && !this.conflict) {
      clearDrafts(storage, customer.id);
      return;
    }
    saveDraft(storage, {
      customerId: customer.id,
      companyName: customer.companyProfile.companyName,
      values,
      original,
      savedAt: Date.now(),
    });
  }

  #discardDraft(): void {
    if (this.#storage && this.customer) clearDrafts(this.#storage, this.customer.id);
    this.#startEditing();
    this.draftRestored = false;
  }

  #applyToLatest(): void {
    const latest = this.conflict;
    if (!latest || !this.original || !this.values) return;
    const latestValues = formValuesFrom(latest);
    this.values = rebaseEdits(this.original, this.values, latestValues);
    this.original = latestValues;
    this.base = latest;
    if (this.customer) this.customer = { ...this.customer, billingProfile: latest };
    this.conflict = undefined;
    this.errors = {};
    this.otherIssues = [];
    this.serviceMessage = undefined;
    this.conflictApplied = true;
    this.#pending = undefined;
    this.#addressAccepted = false;
    this.#saveDraft();
    void this.#loadRules(this.values.country);
    this.#focus('#applied');
  }

  async #handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.validating || !this.base || !this.values) return;
    if (this.conflict) {
      // Sending now would overwrite someone else's change: the edits go onto the latest first.
      this.#focus('#conflict');
      return;
    }
    this.validating = true;
    const validation = await this.#validation;
    this.validating = false;
    // Without the module (offline, chunk failed) the server's 400 still reports every field.
    this.errors = validation?.validateForm(this.base, this.values, this.rules) ?? {};
    this.otherIssues = [];
    this.serviceMessage = undefined;
    if (Object.keys(this.errors).length > 0) {
      this.#focus('#error-summary');
      return;
    }
    this.#goTo('submit');
    void this.#send();
  }

  async #send(): Promise<void> {
    const { customer, base, values } = this;
    if (!customer || !base || !values) return;
    this.submitError = undefined;
    const body = toUpdateBody(base, values);
    if (!this.#addressAccepted) {
      this.submitPhase = 'checking';
      let check: AddressValidationResponse;
      try {
        check = await this.#api.validateAddress(body.defaultAddress);
      } catch (error) {
        void this.#failSubmit(error);
        return;
      }
      const message = check.validationMessage ?? undefined;
      switch (addressCheckOutcome(check.status)) {
        case 'suggest':
          this.suggestion = {
            entered: body.defaultAddress,
            suggested: (check.suggestedAddresses ?? []).slice(0, MAX_SUGGESTIONS),
            message,
          };
          this.submitPhase = 'suggest';
          this.#focus('#suggestion');
          return;
        case 'incorrect':
          this.#showAddressIncorrect(check.issues, message);
          return;
        case 'unchecked':
          this.suggestion = { entered: body.defaultAddress, suggested: [], message };
          this.submitPhase = 'unchecked';
          this.#focus('#unchecked');
          return;
        case 'verified':
          this.#addressAccepted = true;
      }
    }
    this.submitPhase = 'sending';
    this.#pending = requestFor(this.#pending, base.attributes.etag, body);
    try {
      const profile = await this.#api.updateBillingProfile(customer.id, body, {
        etag: base.attributes.etag,
        requestId: this.#pending.requestId,
      });
      this.#succeed(customer, base, profile);
    } catch (error) {
      void this.#failSubmit(error);
    }
  }

  /** Sends with the suggested address at `index`, or as entered when `index` is undefined. */
  #useSuggestion(index: number | undefined): void {
    const { suggestion, values } = this;
    if (!suggestion || !values) return;
    const chosen = index === undefined ? undefined : suggestion.suggested[index];
    if (chosen) {
      this.values = applySuggestion(values, chosen);
      this.#saveDraft();
    }
    this.suggestion = undefined;
    this.#addressAccepted = true;
    this.#focus('#heading');
    void this.#send();
  }

  #succeed(customer: Account, base: CustomerBillingProfile, profile: CustomerBillingProfile): void {
    const changes = diffValues(formValuesFrom(base), formValuesFrom(profile));
    if (this.#storage) clearDrafts(this.#storage, customer.id);
    this.customer = {
      ...customer,
      companyProfile: {
        ...customer.companyProfile,
        companyName: profile.companyName ?? customer.companyProfile.companyName,
      },
      billingProfile: profile,
    };
    this.#pending = undefined;
    this.draftRestored = false;
    this.result = { customerId: customer.id, profile, changes };
    // Done takes Submit's place in the history: Back from Done must not offer to send again.
    this.#goTo('done', 'replace');
    this.dispatchEvent(
      new CustomEvent<SubmittedDetail>('customer-account-update:submitted', {
        detail: this.result,
        bubbles: true,
        composed: true,
      }),
    );
  }

  async #failSubmit(caught: unknown): Promise<void> {
    const error = this.#asClientError(caught);
    if (error.status === 400 && error.fieldIssues.length > 0) {
      this.#showFieldIssues(error.fieldIssues);
      return;
    }
    if (error.conflict && this.customer) {
      this.submitPhase = 'checking';
      try {
        this.conflict = await this.#api.getBillingProfile(this.customer.id);
      } catch (latestError) {
        this.submitError = this.#asClientError(latestError);
        this.submitPhase = 'failed';
        return;
      }
      this.conflictApplied = false;
      this.#saveDraft();
      this.#goTo('update', 'replace');
      this.#focusSelector = '#conflict';
      return;
    }
    this.submitError = error;
    this.submitPhase = 'failed';
    this.#focus('#submit-error');
  }

  /**
   * The service found no such address (`None`): its fields are marked, with the service's own
   * explanation in the summary. Our server names the fields; Partner Center only explains.
   */
  #showAddressIncorrect(issues: readonly FieldIssue[] | undefined, message: string | undefined) {
    const notFound = { field: '', messageKey: 'validation.address.notFound' };
    this.#showFieldIssues(
      issues?.length
        ? issues
        : ['addressLine1', 'city', 'state', 'postalCode'].map((field) => ({ ...notFound, field })),
      message,
    );
  }

  #showFieldIssues(issues: readonly FieldIssue[], serviceMessage?: string): void {
    const { fields, other } = groupIssues(issues);
    this.errors = fields;
    this.otherIssues = other;
    this.serviceMessage = serviceMessage;
    this.#addressAccepted = false;
    this.#goTo('update', 'replace');
    // The summary, not the heading: it says what to fix and links to each field.
    this.#focusSelector = '#error-summary';
  }

  #asClientError(error: unknown): ApiClientError {
    if (error instanceof ApiClientError) return error;
    // A defect in the widget, not the service: say something went wrong, and keep the cause for
    // whoever opens the console.
    console.error(error);
    return new ApiClientError('invalidResponse', 'error.internal', { cause: error });
  }

  // Rendering helpers

  #countryName(code: string): string {
    return safeName(displayNames(this.#lang, 'region'), code);
  }

  #languageName(code: string): string {
    return safeName(displayNames(this.#lang, 'language'), code);
  }

  /** Translates a key from the server, falling back when the locale files do not know it. */
  #known(key: string, fallback: string, params?: Record<string, string | number>): string {
    const text = this.#t(key, params);
    return text === key ? this.#t(fallback) : text;
  }

  #message(issue: { messageKey: string; params?: Record<string, string | number> | undefined }) {
    return this.#known(issue.messageKey, 'validation.invalidType', issue.params);
  }

  /**
   * This page, with the step in its address, for the server to return to after sign-in; the
   * step's unsent edits wait in the draft.
   */
  #returnTo(): string {
    const { pathname, search, hash } = window.location;
    return `${pathname}${search}${hash}`;
  }

  #renderError(error: ApiClientError, retry?: () => void): TemplateResult {
    const signIn = signInHref(error.signInUrl, this.#returnTo(), window.location.origin);
    return html`<div class="box error" role="alert" part="error" id="submit-error" tabindex="-1">
      <p>
        ${this.#known(error.messageKey, 'error.internal')}
        ${
          error.retryAfterSeconds !== undefined
            ? this.#t('status.retryAfter', { count: error.retryAfterSeconds })
            : nothing
        }
      </p>
      ${
        error.correlationId
          ? html`<p class="small">${this.#t('status.reference', { id: error.correlationId })}</p>`
          : nothing
      }
      ${
        signIn
          ? // A link, as it goes to another page; shaped as a button (GOV.UK's start button), it
            // is announced as one, since that is what it looks like.
            html`<a class="button primary" part="button button-primary" role="button" href=${signIn}
              >${this.#t('signIn.button')}</a
            >`
          : retry
            ? html`<button type="button" part="button" @click=${retry}>
                ${this.#t('submit.retry')}
              </button>`
            : nothing
      }
    </div>`;
  }

  #renderHeading(key: string): TemplateResult {
    return html`<h2 id="heading" tabindex="-1" part="heading">${this.#t(key)}</h2>`;
  }

  #renderCompany(): TemplateResult | typeof nothing {
    return this.customer
      ? html`<p class="company">${this.customer.companyProfile.companyName}</p>`
      : nothing;
  }

  #renderAddress(address: Address): TemplateResult {
    return html`<span class="address"
      >${formatAddress(address).map((line) => html`<span>${line}</span>`)}<span
        >${this.#countryName(address.country)}</span
      ></span
    >`;
  }

  // Steps

  #renderCustomers(): TemplateResult {
    const t = this.#t;
    const { listState, customers, query } = this;
    const status =
      listState === 'loading'
        ? t('customers.loading')
        : this.loadingMore
          ? t('customers.loadingMore')
          : listState !== 'ready'
            ? ''
            : customers.length === 0
              ? query.trim()
                ? t('customers.noMatch', { query: query.trim() })
                : t('customers.empty')
              : t('customers.shown', { count: customers.length });
    const draft = this.pendingDraft;
    return html`${this.#renderHeading('customers.heading')}
      ${
        draft
          ? html`<div class="box notice" part="notice">
              <p>${t('customers.draft', { company: draft.companyName })}</p>
              <button
                type="button"
                part="button"
                @click=${() => this.#chooseCustomer(draft.customerId, true)}
              >
                ${t('customers.continueDraft')}
              </button>
            </div>`
          : nothing
      }
      <div class="field">
        <label for="search">${t('customers.search.label')}</label>
        <p id="search-hint" class="hint">${t('customers.search.hint')}</p>
        <input
          id="search"
          part="search"
          type="search"
          name="search"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="search-hint"
          aria-controls="results"
          .value=${query}
          @input=${this.#handleSearchInput}
          @keydown=${this.#handleSearchKey}
        />
      </div>
      <p class="status" role="status">${status}</p>
      ${
        this.listError
          ? this.#renderError(this.listError, () => void this.#search(listState === 'ready'))
          : nothing
      }
      <!--
        A list of buttons rather than a listbox: each result is an action (open this customer),
        and buttons are announced and operated the same way in NVDA, JAWS, VoiceOver and
        TalkBack browse modes, where a listbox's aria-activedescendant is read unreliably. The
        list still says how many results there are; arrow keys move between them as a bonus.
      -->
      <ul
        id="results"
        class="results"
        aria-labelledby="heading"
        aria-busy=${listState === 'loading' ? 'true' : 'false'}
      >
        ${customers.map((customer, index) => {
          // Partner Center's list has no address; a richer backend's list may.
          const { companyName, domain, address } = customer.companyProfile;
          const country = address ? this.#countryName(address.country) : '';
          return html`<li>
            <button
              type="button"
              part="result"
              data-index=${index}
              @click=${() => this.#chooseCustomer(customer.id)}
              @keydown=${this.#handleResultKey}
            >
              <span class="name">${companyName}</span>
              <span class="meta"
                ><span>${breakable(domain)}</span> ${
                  address
                    ? html`<span
                        >${
                          address.city
                            ? t('customers.location', { city: address.city, country })
                            : country
                        }</span
                      >`
                    : nothing
                }</span
              >
            </button>
          </li>`;
        })}
      </ul>
      ${
        this.continuationToken && listState === 'ready'
          ? html`<button
              type="button"
              part="button"
              class="more"
              ?disabled=${this.loadingMore}
              aria-busy=${this.loadingMore ? 'true' : 'false'}
              @click=${() => void this.#search(true)}
            >
              ${t('customers.showMore')}
            </button>`
          : nothing
      }`;
  }

  #renderAccount(): TemplateResult {
    const t = this.#t;
    const customer = this.customer;
    const back = html`<button type="button" part="button" @click=${() => this.#backToCustomers()}>
      ${t('account.back')}
    </button>`;
    // One template for both states, so the heading focused on arrival keeps focus once loaded.
    return html`${this.#renderHeading('account.heading')}${
      !customer || this.accountState !== 'ready'
        ? this.#renderAccountLoading(back)
        : this.#renderAccountProfile(customer, back)
    }`;
  }

  #renderAccountLoading(back: TemplateResult): TemplateResult {
    const t = this.#t;
    return html` <p class="status" role="status">
        ${this.accountState === 'error' ? '' : t('account.loading')}
      </p>
      ${
        this.accountError
          ? this.#renderError(this.accountError, () => void this.#loadAccount(this.#accountId))
          : nothing
      }
      <div class="actions">${back}</div>`;
  }

  #renderAccountProfile(customer: Account, back: TemplateResult): TemplateResult {
    const t = this.#t;
    const { companyProfile, billingProfile: billing } = customer;
    const address = billing.defaultAddress;
    return html`${this.#renderCompany()}
      <div class="cards">
        <section aria-labelledby="company-heading">
          <h3 id="company-heading">${t('account.companyProfile')}</h3>
          <dl>
            <dt>${t('form.companyName.label')}</dt>
            <dd>${companyProfile.companyName}</dd>
            <dt>${t('account.domain')}</dt>
            <dd>${breakable(companyProfile.domain)}</dd>
            <dt>${t('account.microsoftId')}</dt>
            <dd class="id">${companyProfile.tenantId ?? customer.id}</dd>
          </dl>
        </section>
        <section aria-labelledby="billing-heading">
          <h3 id="billing-heading">${t('account.billingProfile')}</h3>
          <dl>
            <dt>${t('account.contact')}</dt>
            <dd>${formatPersonName(t, billing.firstName ?? '', billing.lastName ?? '')}</dd>
            <dt>${t('form.email.label')}</dt>
            <dd>${breakable(billing.email ?? '')}</dd>
            <dt>${t('account.address')}</dt>
            <dd>${this.#renderAddress(address)}</dd>
            ${
              address.phoneNumber
                ? html`<dt>${t('form.phoneNumber.label')}</dt>
                    <dd>${address.phoneNumber}</dd>`
                : nothing
            }
            <dt>${t('form.language.label')}</dt>
            <dd>${this.#languageName(billing.language ?? '')}</dd>
            <dt>${t('form.culture.label')}</dt>
            <dd>${this.#languageName(billing.culture ?? '')}</dd>
          </dl>
        </section>
      </div>
      <div class="actions">
        ${back}
        <button
          type="button"
          part="button button-primary"
          class="primary"
          @click=${() => this.#startEditing()}
        >
          ${t('account.update')}
        </button>
      </div>`;
  }

  #renderUpdate(): TemplateResult {
    const { values } = this;
    const steps = this.updateSteps;
    return html`${this.#renderHeading('update.heading')}${this.#renderCompany()}
    ${
      values && steps
        ? steps.renderUpdateForm({
            lang: this.#lang,
            t: this.#t,
            values,
            errors: this.errors,
            otherIssues: this.otherIssues,
            serviceMessage: this.serviceMessage,
            rules: this.rules,
            latest: this.conflict,
            draftRestored: this.draftRestored,
            conflictApplied: this.conflictApplied,
            validating: this.validating,
            message: (issue) => this.#message(issue),
            countryName: (code) => this.#countryName(code),
            languageName: (code) => this.#languageName(code),
            onInput: (event) => this.#handleInput(event),
            onSubmit: (event) => void this.#handleSubmit(event),
            onDiscard: () => this.#discardDraft(),
            onApply: () => this.#applyToLatest(),
            onCancel: () => this.#goTo('account'),
          })
        : html`<p class="status" role="status">${this.#t('widget.loading')}</p>`
    }`;
  }

  #renderSubmit(): TemplateResult {
    const { base, values } = this;
    return html`${this.#renderHeading('submit.heading')}${this.#renderCompany()}${this.updateSteps?.renderSubmitStep(
      {
        t: this.#t,
        phase: this.submitPhase,
        suggestion: this.suggestion,
        error: this.submitError ? this.#renderError(this.submitError) : undefined,
        changes: base && values ? diffValues(formValuesFrom(base), values) : [],
        countryName: (code) => this.#countryName(code),
        languageName: (code) => this.#languageName(code),
        address: (address) => this.#renderAddress(address),
        onUseSuggestion: (index) => this.#useSuggestion(index),
        onBack: () => this.#goTo('update'),
        onSend: () => void this.#send(),
      },
    )}`;
  }

  #renderDone(): TemplateResult {
    return html`${this.#renderHeading('done.heading')}${this.updateSteps?.renderDoneStep({
      t: this.#t,
      result: this.result,
      countryName: (code) => this.#countryName(code),
      languageName: (code) => this.#languageName(code),
      onBackToCustomers: () => this.#backToCustomers(),
      onBackToAccount: () => this.#goTo('account'),
    })}`;
  }

  override render() {
    const ready = this.messages !== undefined || this.loadedMessages !== undefined;
    const steps = {
      customers: () => this.#renderCustomers(),
      account: () => this.#renderAccount(),
      update: () => this.#renderUpdate(),
      submit: () => this.#renderSubmit(),
      done: () => this.#renderDone(),
    };
    return html`<section
      part="base"
      class="base"
      lang=${this.#lang}
      aria-label=${ready ? this.#t('widget.label') : nothing}
      aria-busy=${ready ? 'false' : 'true'}
    >
      ${
        ready
          ? html`<p class="no-script">${this.#t('widget.noScript')}</p>
              ${steps[this.currentStep]()}`
          : nothing
      }
    </section>`;
  }
}

if (typeof customElements !== 'undefined' && !customElements.get('customer-account-update')) {
  customElements.define('customer-account-update', CustomerAccountUpdate);
}

declare global {
  interface HTMLElementTagNameMap {
    'customer-account-update': CustomerAccountUpdate;
  }
  interface HTMLElementEventMap {
    'customer-account-update:step-change': CustomEvent<StepChangeDetail>;
    'customer-account-update:submitted': CustomEvent<SubmittedDetail>;
  }
}
