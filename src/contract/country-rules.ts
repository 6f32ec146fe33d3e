import * as z from 'zod/mini';

/**
 * `GET /v1/countryvalidationrules/{iso2}`: the rules an address must follow in one country.
 *
 * These rules are the single source for address validation on both sides: the billing-profile
 * schema checks states and postal codes against them, the server serves them, and the widget
 * uses them to build its state list and hints.
 */
export const CountryValidationRulesSchema = z.object({
  /** ISO 3166-1 alpha-2 code of the country these rules describe. */
  iso2Code: z.string(),
  /** The country's default culture, like `ja-JP`. */
  defaultCulture: z.string(),
  /** Whether the address must name a state (prefecture, province). */
  isStateRequired: z.boolean(),
  /** The accepted state values; empty when the country has no state list. */
  supportedStatesList: z.array(z.string()),
  /** Whether the address must have a postal code. */
  isPostalCodeRequired: z.boolean(),
  /** JavaScript-compatible pattern a postal code must match. */
  postalCodeRegex: z.string(),
  /** Whether the address must name a city. */
  isCityRequired: z.boolean(),
  /** Loose pattern for the phone number's characters; full validation uses libphonenumber-js. */
  phoneNumberRegex: z.optional(z.string()),
  /** Language codes a customer in this country can use. */
  supportedLanguagesList: z.array(z.string()),
  /** Culture codes a customer in this country can use. */
  supportedCulturesList: z.array(z.string()),
  /** Extra (not in Partner Center): a valid postal code, shown in messages ("like 100-0001"). */
  postalCodeExample: z.string(),
  /** Extra (not in Partner Center): a valid phone number, shown in messages. */
  phoneNumberExample: z.string(),
  /** Extra (not in Partner Center): state value → name in the country's own language. */
  stateDisplayNames: z.optional(z.record(z.string(), z.string())),
  /** Object type marker, as Partner Center sends it. */
  attributes: z.object({ objectType: z.literal('CountryValidationRules') }),
});

/** The validation rules of one country. */
export type CountryValidationRules = z.infer<typeof CountryValidationRulesSchema>;

const LOOSE_PHONE = '^\\+?[0-9()\\-. ]{6,25}$';

/** Japan's 47 prefectures, romanized as Partner Center lists them, with their Japanese names. */
const JP_PREFECTURES: Record<string, string> = {
  Hokkaido: '北海道',
  Aomori: '青森県',
  Iwate: '岩手県',
  Miyagi: '宮城県',
  Akita: '秋田県',
  Yamagata: '山形県',
  Fukushima: '福島県',
  Ibaraki: '茨城県',
  Tochigi: '栃木県',
  Gunma: '群馬県',
  Saitama: '埼玉県',
  Chiba: '千葉県',
  Tokyo: '東京都',
  Kanagawa: '神奈川県',
  Niigata: '新潟県',
  Toyama: '富山県',
  Ishikawa: '石川県',
  Fukui: '福井県',
  Yamanashi: '山梨県',
  Nagano: '長野県',
  Gifu: '岐阜県',
  Shizuoka: '静岡県',
  Aichi: '愛知県',
  Mie: '三重県',
  Shiga: '滋賀県',
  Kyoto: '京都府',
  Osaka: '大阪府',
  Hyogo: '兵庫県',
  Nara: '奈良県',
  Wakayama: '和歌山県',
  Tottori: '鳥取県',
  Shimane: '島根県',
  Okayama: '岡山県',
  Hiroshima: '広島県',
  Yamaguchi: '山口県',
  Tokushima: '徳島県',
  Kagawa: '香川県',
  Ehime: '愛媛県',
  Kochi: '高知県',
  Fukuoka: '福岡県',
  Saga: '佐賀県',
  Nagasaki: '長崎県',
  Kumamoto: '熊本県',
  Oita: '大分県',
  Miyazaki: '宮崎県',
  Kagoshima: '鹿児島県',
  Okinawa: '沖縄県',
};

/** US states, the District of Columbia and the territories: postal codes with their names. */
const US_STATES: Record<string, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  AS: 'American Samoa',
  GU: 'Guam',
  MP: 'Northern Mariana Islands',
  PR: 'Puerto Rico',
  VI: 'U.S. Virgin Islands',
};

/** Canada's provinces and territories: postal abbreviations with their names. */
const CA_PROVINCES: Record<string, string> = {
  AB: 'Alberta',
  BC: 'British Columbia',
  MB: 'Manitoba',
  NB: 'New Brunswick',
  NL: 'Newfoundland and Labrador',
  NS: 'Nova Scotia',
  NT: 'Northwest Territories',
  NU: 'Nunavut',
  ON: 'Ontario',
  PE: 'Prince Edward Island',
  QC: 'Quebec',
  SK: 'Saskatchewan',
  YT: 'Yukon',
};

/** Australia's states and territories: abbreviations with their names. */
const AU_STATES: Record<string, string> = {
  ACT: 'Australian Capital Territory',
  NSW: 'New South Wales',
  NT: 'Northern Territory',
  QLD: 'Queensland',
  SA: 'South Australia',
  TAS: 'Tasmania',
  VIC: 'Victoria',
  WA: 'Western Australia',
};

const BR_STATES = [
  'AC',
  'AL',
  'AP',
  'AM',
  'BA',
  'CE',
  'DF',
  'ES',
  'GO',
  'MA',
  'MT',
  'MS',
  'MG',
  'PA',
  'PB',
  'PR',
  'PE',
  'PI',
  'RJ',
  'RN',
  'RS',
  'RO',
  'RR',
  'SC',
  'SP',
  'SE',
  'TO',
];

const IN_STATES = [
  'Andaman and Nicobar Islands',
  'Andhra Pradesh',
  'Arunachal Pradesh',
  'Assam',
  'Bihar',
  'Chandigarh',
  'Chhattisgarh',
  'Dadra and Nagar Haveli and Daman and Diu',
  'Delhi',
  'Goa',
  'Gujarat',
  'Haryana',
  'Himachal Pradesh',
  'Jammu and Kashmir',
  'Jharkhand',
  'Karnataka',
  'Kerala',
  'Ladakh',
  'Lakshadweep',
  'Madhya Pradesh',
  'Maharashtra',
  'Manipur',
  'Meghalaya',
  'Mizoram',
  'Nagaland',
  'Odisha',
  'Puducherry',
  'Punjab',
  'Rajasthan',
  'Sikkim',
  'Tamil Nadu',
  'Telangana',
  'Tripura',
  'Uttar Pradesh',
  'Uttarakhand',
  'West Bengal',
];

/** Mainland China's provincial-level divisions, romanized, with their Chinese names. */
const CN_PROVINCES: Record<string, string> = {
  Anhui: '安徽省',
  Beijing: '北京市',
  Chongqing: '重庆市',
  Fujian: '福建省',
  Gansu: '甘肃省',
  Guangdong: '广东省',
  Guangxi: '广西壮族自治区',
  Guizhou: '贵州省',
  Hainan: '海南省',
  Hebei: '河北省',
  Heilongjiang: '黑龙江省',
  Henan: '河南省',
  Hubei: '湖北省',
  Hunan: '湖南省',
  'Inner Mongolia': '内蒙古自治区',
  Jiangsu: '江苏省',
  Jiangxi: '江西省',
  Jilin: '吉林省',
  Liaoning: '辽宁省',
  Ningxia: '宁夏回族自治区',
  Qinghai: '青海省',
  Shaanxi: '陕西省',
  Shandong: '山东省',
  Shanghai: '上海市',
  Shanxi: '山西省',
  Sichuan: '四川省',
  Tianjin: '天津市',
  Tibet: '西藏自治区',
  Xinjiang: '新疆维吾尔自治区',
  Yunnan: '云南省',
  Zhejiang: '浙江省',
};

type RuleData = Omit<CountryValidationRules, 'iso2Code' | 'attributes'>;

const RULES: Record<string, RuleData> = {
  JP: {
    defaultCulture: 'ja-JP',
    isStateRequired: true,
    supportedStatesList: Object.keys(JP_PREFECTURES),
    stateDisplayNames: JP_PREFECTURES,
    isPostalCodeRequired: true,
    postalCodeRegex: '^\\d{3}-?\\d{4}$',
    postalCodeExample: '100-0001',
    isCityRequired: true,
    phoneNumberRegex: LOOSE_PHONE,
    phoneNumberExample: '03-1234-5678',
    supportedLanguagesList: ['ja', 'en'],
    supportedCulturesList: ['ja-JP', 'en-US'],
  },
  TW: {
    defaultCulture: 'zh-TW',
    isStateRequired: false,
    supportedStatesList: [],
    isPostalCodeRequired: true,
    postalCodeRegex: '^\\d{3}(\\d{2,3})?$',
    postalCodeExample: '110',
    isCityRequired: true,
    phoneNumberRegex: LOOSE_PHONE,
    phoneNumberExample: '02-2345-6789',
    supportedLanguagesList: ['zh-Hant', 'en'],
    supportedCulturesList: ['zh-TW', 'en-US'],
  },
  US: {
    defaultCulture: 'en-US',
    isStateRequired: true,
    supportedStatesList: Object.keys(US_STATES),
    stateDisplayNames: US_STATES,
    isPostalCodeRequired: true,
    postalCodeRegex: '^\\d{5}(-\\d{4})?$',
    postalCodeExample: '98052',
    isCityRequired: true,
    phoneNumberRegex: LOOSE_PHONE,
    phoneNumberExample: '(425) 555-0100',
    supportedLanguagesList: ['en', 'es'],
    supportedCulturesList: ['en-US', 'es-US'],
  },
  CA: {
    defaultCulture: 'en-CA',
    isStateRequired: true,
    supportedStatesList: Object.keys(CA_PROVINCES),
    stateDisplayNames: CA_PROVINCES,
    isPostalCodeRequired: true,
    postalCodeRegex: '^[A-Za-z]\\d[A-Za-z][ -]?\\d[A-Za-z]\\d$',
    postalCodeExample: 'K1A 0B1',
    isCityRequired: true,
    phoneNumberRegex: LOOSE_PHONE,
    phoneNumberExample: '(613) 555-0100',
    supportedLanguagesList: ['en', 'fr'],
    supportedCulturesList: ['en-CA', 'fr-CA'],
  },
  GB: {
    defaultCulture: 'en-GB',
    isStateRequired: false,
    supportedStatesList: [],
    isPostalCodeRequired: true,
    postalCodeRegex: '^([Gg][Ii][Rr] ?0[Aa]{2}|[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2})$',
    postalCodeExample: 'SW1A 1AA',
    isCityRequired: true,
    phoneNumberRegex: LOOSE_PHONE,
    phoneNumberExample: '020 7946 0000',
    supportedLanguagesList: ['en'],
    supportedCulturesList: ['en-GB'],
  },
  DE: {
    defaultCulture: 'de-DE',
    isStateRequired: false,
    supportedStatesList: [],
    isPostalCodeRequired: true,
    postalCodeRegex: '^\\d{5}$',
    postalCodeExample: '10115',
    isCityRequired: true,
    phoneNumberRegex: LOOSE_PHONE,
    phoneNumberExample: '030 12345678',
    supportedLanguagesList: ['de', 'en'],
    supportedCulturesList: ['de-DE', 'en-US'],
  },
  FR: {
    defaultCulture: 'fr-FR',
    isStateRequired: false,
    supportedStatesList: [],
    isPostalCodeRequired: true,
    postalCodeRegex: '^\\d{5}$',
    postalCodeExample: '75001',
    isCityRequired: true,
    phoneNumberRegex: LOOSE_PHONE,
    phoneNumberExample: '01 23 45 67 89',
    supportedLanguagesList: ['fr', 'en'],
    supportedCulturesList: ['fr-FR', 'en-US'],
  },
  CN: {
    defaultCulture: 'zh-CN',
    isStateRequired: true,
    supportedStatesList: Object.keys(CN_PROVINCES),
    stateDisplayNames: CN_PROVINCES,
    isPostalCodeRequired: true,
    postalCodeRegex: '^\\d{6}$',
    postalCodeExample: '100000',
    isCityRequired: true,
    phoneNumberRegex: LOOSE_PHONE,
    phoneNumberExample: '010 1234 5678',
    supportedLanguagesList: ['zh-Hans', 'en'],
    supportedCulturesList: ['zh-CN', 'en-US'],
  },
  KR: {
    defaultCulture: 'ko-KR',
    isStateRequired: false,
    supportedStatesList: [],
    isPostalCodeRequired: true,
    postalCodeRegex: '^\\d{5}$',
    postalCodeExample: '03187',
    isCityRequired: true,
    phoneNumberRegex: LOOSE_PHONE,
    phoneNumberExample: '02-312-3456',
    supportedLanguagesList: ['ko', 'en'],
    supportedCulturesList: ['ko-KR', 'en-US'],
  },
  AU: {
    defaultCulture: 'en-AU',
    isStateRequired: true,
    supportedStatesList: Object.keys(AU_STATES),
    stateDisplayNames: AU_STATES,
    isPostalCodeRequired: true,
    postalCodeRegex: '^\\d{4}$',
    postalCodeExample: '2000',
    isCityRequired: true,
    phoneNumberRegex: LOOSE_PHONE,
    phoneNumberExample: '(02) 9876 5432',
    supportedLanguagesList: ['en'],
    supportedCulturesList: ['en-AU'],
  },
  IN: {
    defaultCulture: 'en-IN',
    isStateRequired: true,
    supportedStatesList: IN_STATES,
    isPostalCodeRequired: true,
    postalCodeRegex: '^[1-9]\\d{2} ?\\d{3}$',
    postalCodeExample: '110001',
    isCityRequired: true,
    phoneNumberRegex: LOOSE_PHONE,
    phoneNumberExample: '098765 43210',
    supportedLanguagesList: ['en', 'hi'],
    supportedCulturesList: ['en-IN', 'hi-IN'],
  },
  BR: {
    defaultCulture: 'pt-BR',
    isStateRequired: true,
    supportedStatesList: BR_STATES,
    isPostalCodeRequired: true,
    postalCodeRegex: '^\\d{5}-?\\d{3}$',
    postalCodeExample: '01310-100',
    isCityRequired: true,
    phoneNumberRegex: LOOSE_PHONE,
    phoneNumberExample: '(11) 91234-5678',
    supportedLanguagesList: ['pt', 'en'],
    supportedCulturesList: ['pt-BR', 'en-US'],
  },
};

/** ISO codes of every country with validation rules, sorted. */
export const SUPPORTED_COUNTRIES: readonly string[] = Object.keys(RULES).sort();

const ruleCache = new Map<string, CountryValidationRules>();
const patternCache = new Map<string, RegExp>();

/** Returns the rules of a country (ISO alpha-2, any case), or `undefined` when it has none. */
export function getCountryRules(iso2: string): CountryValidationRules | undefined {
  const code = iso2.toUpperCase();
  const data = Object.hasOwn(RULES, code) ? RULES[code] : undefined;
  if (!data) return undefined;
  let rules = ruleCache.get(code);
  if (!rules) {
    rules = { iso2Code: code, ...data, attributes: { objectType: 'CountryValidationRules' } };
    ruleCache.set(code, rules);
  }
  return rules;
}

/** Compiles a rules pattern once; the rules are data, so the RegExp objects are shared. */
export function rulePattern(source: string): RegExp {
  let pattern = patternCache.get(source);
  if (!pattern) {
    pattern = new RegExp(source);
    patternCache.set(source, pattern);
  }
  return pattern;
}
