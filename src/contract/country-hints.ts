/**
 * What the widget and the reference server add to Partner Center's country rules: example values
 * for hints and messages, and state names in the country's own language. Partner Center's rules
 * (`GET /v1/countryvalidationrules/{iso2}`) have neither. This table never decides whether a
 * country is supported: a country without an entry here is validated with its rules all the same,
 * and messages then name no example.
 */

/** Built-in extras for one country. */
export interface CountryHints {
  /** A valid postal code, shown in hints and messages ("like 100-0001"). */
  postalCodeExample?: string;
  /** A valid phone number, shown in hints and messages. */
  phoneNumberExample?: string;
  /** State list entry → its name as the country writes it (`Tokyo` → `東京都`, `WA` → `Washington`). */
  stateNames?: Readonly<Record<string, string>>;
}

/** Japan's 47 prefectures, romanized as Partner Center lists them, with their Japanese names. */
export const JP_PREFECTURES: Readonly<Record<string, string>> = {
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
export const US_STATES: Readonly<Record<string, string>> = {
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
export const CA_PROVINCES: Readonly<Record<string, string>> = {
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
export const AU_STATES: Readonly<Record<string, string>> = {
  ACT: 'Australian Capital Territory',
  NSW: 'New South Wales',
  NT: 'Northern Territory',
  QLD: 'Queensland',
  SA: 'South Australia',
  TAS: 'Tasmania',
  VIC: 'Victoria',
  WA: 'Western Australia',
};

/** Mainland China's provincial-level divisions, romanized, with their Chinese names. */
export const CN_PROVINCES: Readonly<Record<string, string>> = {
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

const HINTS: Readonly<Record<string, CountryHints>> = {
  JP: {
    postalCodeExample: '100-0001',
    phoneNumberExample: '03-1234-5678',
    stateNames: JP_PREFECTURES,
  },
  TW: { postalCodeExample: '110', phoneNumberExample: '02-2345-6789' },
  US: { postalCodeExample: '98052', phoneNumberExample: '(425) 555-0100', stateNames: US_STATES },
  CA: {
    postalCodeExample: 'K1A 0B1',
    phoneNumberExample: '(613) 555-0100',
    stateNames: CA_PROVINCES,
  },
  GB: { postalCodeExample: 'SW1A 1AA', phoneNumberExample: '020 7946 0000' },
  DE: { postalCodeExample: '10115', phoneNumberExample: '030 12345678' },
  FR: { postalCodeExample: '75001', phoneNumberExample: '01 23 45 67 89' },
  CN: {
    postalCodeExample: '100000',
    phoneNumberExample: '010 1234 5678',
    stateNames: CN_PROVINCES,
  },
  KR: { postalCodeExample: '03187', phoneNumberExample: '02-312-3456' },
  AU: { postalCodeExample: '2000', phoneNumberExample: '(02) 9876 5432', stateNames: AU_STATES },
  IN: { postalCodeExample: '110001', phoneNumberExample: '098765 43210' },
  BR: { postalCodeExample: '01310-100', phoneNumberExample: '(11) 91234-5678' },
  NZ: { postalCodeExample: '6011', phoneNumberExample: '09 300 1234' },
  SG: { postalCodeExample: '018956', phoneNumberExample: '6123 4567' },
};

/** The built-in extras of a country (ISO alpha-2, any case); empty when there are none. */
export function countryHints(iso2: string): CountryHints {
  const code = iso2.toUpperCase();
  return (Object.hasOwn(HINTS, code) ? HINTS[code] : undefined) ?? {};
}
