import type { CustomerBillingProfile } from '../contract/index.ts';

/** A valid Japanese billing profile, the starting point of the widget's form tests. */
export const japaneseProfile: CustomerBillingProfile = {
  id: 'profile-1',
  firstName: '美咲',
  lastName: '佐藤',
  email: 'billing@example.com',
  culture: 'ja-JP',
  language: 'ja',
  companyName: '株式会社さくら商事',
  defaultAddress: {
    country: 'JP',
    region: '',
    city: '千代田区',
    state: 'Tokyo',
    addressLine1: '丸の内1-1-1',
    addressLine2: '',
    postalCode: '100-0005',
    phoneNumber: '03-1234-5678',
    firstName: '美咲',
    lastName: '佐藤',
  },
  links: { self: { uri: '/v1/customers/c/profiles/billing', method: 'GET', headers: [] } },
  attributes: { etag: 'etag-1', objectType: 'CustomerBillingProfile' },
};
