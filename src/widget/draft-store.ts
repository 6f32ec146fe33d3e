import * as z from 'zod/mini';
import { FORM_FIELDS, type FormField, type FormValues } from './profile-form.ts';

/** The part of `Storage` drafts need; `sessionStorage` in the browser, a fake in tests. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'customer-account-update:draft:';

const FormValuesSchema = z.object(
  Object.fromEntries(FORM_FIELDS.map((field) => [field, z.string()])) as Record<
    FormField,
    z.ZodMiniString
  >,
);

const DraftSchema = z.object({
  /** Customer whose billing profile was being edited. */
  customerId: z.string(),
  /** Company name, to say whose draft it is. */
  companyName: z.string(),
  /** The form as the person left it. */
  values: FormValuesSchema,
  /** The values of the version the edits started from, to re-apply them on a newer one. */
  original: FormValuesSchema,
  /** When it was saved (ms since the epoch), to pick the newest. */
  savedAt: z.number(),
});

/** Unsent edits of one billing profile. */
export type Draft = { values: FormValues; original: FormValues } & Omit<
  z.infer<typeof DraftSchema>,
  'values' | 'original'
>;

/**
 * One draft per customer, and no ETag in it: Partner Center asks clients to GET the latest
 * version before an update, so a restored draft is compared by its values (`original`) with the
 * profile as it is now, never sent with an ETag from storage.
 */
const keyOf = (customerId: string) => `${PREFIX}${encodeURIComponent(customerId)}`;

function draftKeys(storage: DraftStorage, customerId?: string): string[] {
  const own = customerId === undefined ? undefined : keyOf(customerId);
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    // `own:` also finds the drafts earlier versions kept per customer and ETag.
    if (key?.startsWith(PREFIX) && (!own || key === own || key.startsWith(`${own}:`)))
      keys.push(key);
  }
  return keys;
}

function read(storage: DraftStorage, key: string): Draft | undefined {
  try {
    const parsed = DraftSchema.safeParse(JSON.parse(storage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Saves the draft of a customer, replacing older ones. Returns false when storage refuses
 * (full, or disabled by the browser): editing goes on without it.
 */
export function saveDraft(storage: DraftStorage, draft: Draft): boolean {
  try {
    const key = keyOf(draft.customerId);
    for (const other of draftKeys(storage, draft.customerId))
      if (other !== key) storage.removeItem(other);
    storage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** The draft of a customer, if there is one. */
export function loadDraft(storage: DraftStorage, customerId: string): Draft | undefined {
  try {
    return newest(draftKeys(storage, customerId).map((key) => read(storage, key)));
  } catch {
    return undefined;
  }
}

/** The newest draft of any customer, so the Customers step can offer to go back to it. */
export function latestDraft(storage: DraftStorage): Draft | undefined {
  try {
    return newest(draftKeys(storage).map((key) => read(storage, key)));
  } catch {
    return undefined;
  }
}

function newest(drafts: (Draft | undefined)[]): Draft | undefined {
  return drafts
    .filter((draft): draft is Draft => draft !== undefined)
    .sort((a, b) => b.savedAt - a.savedAt)[0];
}

/** Removes every draft of a customer (after a successful submit, or when discarded). */
export function clearDrafts(storage: DraftStorage, customerId: string): void {
  try {
    for (const key of draftKeys(storage, customerId)) storage.removeItem(key);
  } catch {
    // Storage that cannot be read holds no drafts to clear.
  }
}
