/** A step of the customer account update widget, as its `step-change` event names it. */
export type WidgetStep = 'customers' | 'account' | 'update' | 'submit' | 'done';

/**
 * Which numbered step of the article each widget step carries out, per task. The article's
 * steps: 1. Customers, then choose a customer; 2. Account, then Update; 3. Submit.
 */
export const articleStepOfWidgetStep: Record<
  'update-customer-account',
  Record<WidgetStep, number>
> = {
  'update-customer-account': { customers: 1, account: 2, update: 2, submit: 3, done: 3 },
};

/**
 * Marks the `stepNumber`-th item of the article's numbered list as the current step
 * (`aria-current="step"`, which screen readers announce as "current step") and unmarks the others.
 */
export function markCurrentStep(list: Element | null, stepNumber: number): void {
  if (!list) return;
  [...list.children].forEach((item, index) => {
    if (index + 1 === stepNumber) item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
  });
}
