/**
 * Where the widget is, written into the page's address: each step is a history entry (the
 * browser's Back returns to the previous step), a reload reopens it, and signing in comes back to
 * it. The page is static, so the server cannot read these; the element applies them after its
 * first render.
 */

/** The steps of the task, named as the article names them. */
export const WIDGET_STEPS = ['customers', 'account', 'update', 'submit', 'done'] as const;

/** A step of the task. */
export type WidgetStep = (typeof WIDGET_STEPS)[number];

/** A step and the customer it is about (every step but Customers has one). */
export interface StepLocation {
  /** The step shown. */
  step: WidgetStep;
  /** The customer whose account the step shows; absent on Customers. */
  customerId?: string;
}

/** Query parameters the widget owns, prefixed so a host page's own parameters are left alone. */
const STEP_PARAM = 'cau-step';
const CUSTOMER_PARAM = 'cau-customer';

const isStep = (value: string | null): value is WidgetStep =>
  (WIDGET_STEPS as readonly (string | null)[]).includes(value);

/**
 * The step an address names, or `undefined` when it names none or an impossible one (a later
 * step without a customer): the address is anyone's to edit, so anything else is ignored.
 */
export function readStepLocation(url: URL): StepLocation | undefined {
  const step = url.searchParams.get(STEP_PARAM);
  const customerId = url.searchParams.get(CUSTOMER_PARAM)?.trim() ?? '';
  if (!isStep(step)) return undefined;
  if (step === 'customers') return { step };
  return customerId ? { step, customerId } : undefined;
}

/** The same address with `location` written into it; Customers (the start) leaves it clean. */
export function withStepLocation(url: URL, location: StepLocation): URL {
  const next = new URL(url);
  next.searchParams.delete(STEP_PARAM);
  next.searchParams.delete(CUSTOMER_PARAM);
  if (location.step !== 'customers' && location.customerId) {
    next.searchParams.set(STEP_PARAM, location.step);
    next.searchParams.set(CUSTOMER_PARAM, location.customerId);
  }
  return next;
}
