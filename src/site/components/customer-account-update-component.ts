import { CustomerAccountUpdate as CustomerAccountUpdateElement } from '../../widget/customer-account-update.ts';

/**
 * The widget's element class, typed as the component Astro's templates expect. @astrojs/lit
 * renders and hydrates the class itself, but Astro's types only know Astro and framework
 * components; this module changes the type only, the value is the class.
 */
export const CustomerAccountUpdate = CustomerAccountUpdateElement as unknown as (props: {
  endpoint: string;
  lang: string;
  messages: Record<string, string>;
}) => unknown;
