import type { StoredProfile } from './store.ts';

/** A customer as the seed produces it: the stored fields, before links and ETag. */
export interface SeedCustomer {
  id: string;
  domain: string;
  profile: StoredProfile;
}

/**
 * Customers every seeded database has, with stable ids, for end-to-end tests and demos.
 * The hostile ones carry markup in their names: a widget that renders them as HTML fails its
 * safety tests.
 */
export const WELL_KNOWN_CUSTOMERS = {
  /** 株式会社さくら商事, Tokyo (JP). */
  japanese: {
    id: '4a5b6c7d-0000-4000-8000-000000000001',
    companyName: '株式会社さくら商事',
    country: 'JP',
  },
  /** 永信科技股份有限公司, Taipei (TW). */
  taiwanese: {
    id: '4a5b6c7d-0000-4000-8000-000000000002',
    companyName: '永信科技股份有限公司',
    country: 'TW',
  },
  /** Contoso, Ltd., Redmond (US). */
  american: {
    id: '4a5b6c7d-0000-4000-8000-000000000003',
    companyName: 'Contoso, Ltd.',
    country: 'US',
  },
  /** An `<img onerror>` payload as the company name (JP address). */
  hostileImage: {
    id: '4a5b6c7d-0000-4000-8000-000000000004',
    companyName: '<img src=x onerror=alert(1)>',
    country: 'JP',
  },
  /** An attribute-breaking `<script>` payload as the company name (US address). */
  hostileScript: {
    id: '4a5b6c7d-0000-4000-8000-000000000005',
    companyName: '"><script>alert(1)</script>',
    country: 'US',
  },
  /** Full-width katakana name, found by a half-width search (`ｶﾌﾞｼｷ`). */
  katakana: {
    id: '4a5b6c7d-0000-4000-8000-000000000006',
    companyName: 'カブシキガイシャ ミライ',
    country: 'JP',
  },
  /** Full-width Latin name, found by searching `abc`. */
  fullWidthLatin: {
    id: '4a5b6c7d-0000-4000-8000-000000000007',
    companyName: 'ＡＢＣ商事株式会社',
    country: 'JP',
  },
  /** Postal code written `1500001`: address validation answers `Verified` (form `150-0001`). */
  verified: {
    id: '4a5b6c7d-0000-4000-8000-000000000011',
    companyName: '渋谷デジタル株式会社',
    country: 'JP',
  },
  /** A street without a block number: `StreetPartial`, with three numbered suggestions. */
  streetPartial: {
    id: '4a5b6c7d-0000-4000-8000-000000000012',
    companyName: '丸の内ロジスティクス株式会社',
    country: 'JP',
  },
  /** A suite without a number: `PremisesPartial`. */
  premisesPartial: {
    id: '4a5b6c7d-0000-4000-8000-000000000013',
    companyName: 'Fabrikam, Inc.',
    country: 'US',
  },
  /** Springfield with a postal code of none of them: `Multiple`, one suggestion per Springfield. */
  multiple: {
    id: '4a5b6c7d-0000-4000-8000-000000000014',
    companyName: 'Northwind Traders',
    country: 'US',
  },
  /** A post office box: `InteractionRequired`. */
  interactionRequired: {
    id: '4a5b6c7d-0000-4000-8000-000000000015',
    companyName: '宏達貿易有限公司',
    country: 'TW',
  },
  /** A postal code that exists nowhere (`000-0000`): `None`, the address is incorrect. */
  incorrect: {
    id: '4a5b6c7d-0000-4000-8000-000000000016',
    companyName: '株式会社ひかり電機',
    country: 'JP',
  },
  /** India, whose addresses the service does not verify: `NotValidated`. */
  notValidated: {
    id: '4a5b6c7d-0000-4000-8000-000000000017',
    companyName: 'Tailspin Toys Pvt. Ltd.',
    country: 'IN',
  },
} as const;

/** Where the well-known customers stand in the list (the order customers were added). */
const LIST_POSITIONS: Record<keyof typeof WELL_KNOWN_CUSTOMERS, number> = {
  japanese: 1,
  taiwanese: 3,
  american: 6,
  katakana: 10,
  fullWidthLatin: 14,
  verified: 25,
  streetPartial: 27,
  premisesPartial: 29,
  multiple: 31,
  interactionRequired: 33,
  incorrect: 35,
  notValidated: 37,
  // Deep in the list: a partner's first page looks like a real book of customers.
  hostileImage: 611,
  hostileScript: 907,
};

/** Default number of customers a new database gets. */
export const DEFAULT_SEED_COUNT = 1200;

/** mulberry32: a small seeded PRNG, so every seed run produces the same customers. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const digits = (count: number) => Array.from({ length: count }, () => int(0, 9)).join('');
  const guid = () => {
    const hex = Array.from({ length: 4 }, () =>
      (int(0, 0xffff) * 0x10000 + int(0, 0xffff)).toString(16).padStart(8, '0'),
    ).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  return { next, int, pick, digits, guid };
}

type Random = ReturnType<typeof createRandom>;
type Pair = readonly [display: string, romanized: string];

interface CountryGenerator {
  country: string;
  culture: string;
  language: string;
  companyName(random: Random): Pair;
  contact(random: Random): { firstName: string; lastName: string };
  address(random: Random): {
    city: string;
    state: string;
    addressLine1: string;
    addressLine2: string;
    postalCode: string;
    phoneNumber: string;
  };
}

const JP_WORDS: Pair[] = [
  ['さくら', 'sakura'],
  ['富士', 'fuji'],
  ['大和', 'yamato'],
  ['東和', 'towa'],
  ['日之出', 'hinode'],
  ['青葉', 'aoba'],
  ['旭', 'asahi'],
  ['北斗', 'hokuto'],
  ['光和', 'kowa'],
  ['みらい', 'mirai'],
  ['あおぞら', 'aozora'],
  ['千代田', 'chiyoda'],
  ['湊', 'minato'],
  ['柏木', 'kashiwagi'],
  ['星野', 'hoshino'],
  ['緑川', 'midorikawa'],
  ['朝日', 'asahi'],
  ['松風', 'matsukaze'],
  ['若葉', 'wakaba'],
  ['瑞穂', 'mizuho'],
];
const JP_TRADES: Pair[] = [
  ['商事', 'shoji'],
  ['電機', 'denki'],
  ['物産', 'bussan'],
  ['工業', 'kogyo'],
  ['製作所', 'seisakusho'],
  ['建設', 'kensetsu'],
  ['食品', 'shokuhin'],
  ['運輸', 'unyu'],
  ['化学', 'kagaku'],
  ['精機', 'seiki'],
  ['通信', 'tsushin'],
  ['印刷', 'insatsu'],
  ['不動産', 'fudosan'],
  ['システム', 'system'],
];
const JP_KATAKANA: Pair[] = [
  ['サクラ', 'sakura'],
  ['フジ', 'fuji'],
  ['ヤマト', 'yamato'],
  ['ミライ', 'mirai'],
  ['アサヒ', 'asahi'],
  ['ホクト', 'hokuto'],
  ['アオバ', 'aoba'],
  ['コスモ', 'cosmo'],
  ['カブシキ', 'kabushiki'],
  ['ヒカリ', 'hikari'],
];
const JP_KATAKANA_TRADES: Pair[] = [
  ['トレーディング', 'trading'],
  ['システムズ', 'systems'],
  ['テクノロジー', 'technology'],
  ['エンジニアリング', 'engineering'],
  ['ソリューションズ', 'solutions'],
  ['ネットワークス', 'networks'],
  ['ラボ', 'lab'],
];
const JP_SURNAMES = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
];
const JP_GIVEN = ['太郎', '花子', '健一', '美咲', '翔太', '陽子', '大輔', '由美', '直樹', '彩'];
/** Prefecture → [city, postal prefix, phone area code]. */
const JP_PLACES: [string, string, string, string][] = [
  ['Tokyo', '千代田区', '100', '03'],
  ['Tokyo', '港区', '105', '03'],
  ['Tokyo', '新宿区', '160', '03'],
  ['Tokyo', '渋谷区', '150', '03'],
  ['Tokyo', '中央区', '104', '03'],
  ['Osaka', '大阪市北区', '530', '06'],
  ['Osaka', '大阪市中央区', '541', '06'],
  ['Aichi', '名古屋市中区', '460', '052'],
  ['Kanagawa', '横浜市西区', '220', '045'],
  ['Hokkaido', '札幌市中央区', '060', '011'],
  ['Fukuoka', '福岡市博多区', '812', '092'],
  ['Kyoto', '京都市下京区', '600', '075'],
  ['Hyogo', '神戸市中央区', '650', '078'],
  ['Miyagi', '仙台市青葉区', '980', '022'],
  ['Hiroshima', '広島市中区', '730', '082'],
];
const JP_TOWNS = [
  '本町',
  '栄町',
  '中央',
  '緑町',
  '港町',
  '錦町',
  '旭町',
  '幸町',
  '丸の内',
  '大手町',
];

const TW_WORDS: Pair[] = [
  ['永信', 'yongxin'],
  ['弘達', 'hongda'],
  ['瑞昇', 'ruisheng'],
  ['群益', 'qunyi'],
  ['嘉新', 'jiaxin'],
  ['鼎泰', 'dingtai'],
  ['聯合', 'lianhe'],
  ['新光', 'xinguang'],
  ['華新', 'huaxin'],
  ['台鑫', 'taixin'],
  ['宏遠', 'hongyuan'],
  ['晶豐', 'jingfeng'],
  ['立德', 'lide'],
  ['昇陽', 'shengyang'],
  ['和泰', 'hetai'],
];
const TW_TRADES: Pair[] = [
  ['科技', 'tech'],
  ['資訊', 'info'],
  ['電子', 'electronics'],
  ['貿易', 'trading'],
  ['實業', 'industrial'],
  ['國際', 'intl'],
  ['生技', 'biotech'],
  ['工程', 'engineering'],
  ['精密', 'precision'],
  ['光電', 'optronics'],
];
const TW_SURNAMES = ['陳', '林', '黃', '張', '李', '王', '吳', '劉', '蔡', '楊'];
const TW_GIVEN = ['志明', '淑芬', '家豪', '怡君', '俊傑', '雅婷', '建宏', '美玲', '冠宇', '佩珊'];
/** [city, district, postal prefix, phone area]. */
const TW_PLACES: [string, string, string, string][] = [
  ['臺北市', '信義區', '110', '02'],
  ['臺北市', '中山區', '104', '02'],
  ['臺北市', '大安區', '106', '02'],
  ['新北市', '板橋區', '220', '02'],
  ['臺中市', '西屯區', '407', '04'],
  ['高雄市', '前鎮區', '806', '07'],
  ['臺南市', '東區', '701', '06'],
  ['桃園市', '桃園區', '330', '03'],
  ['新竹市', '東區', '300', '03'],
];
const TW_ROADS = [
  '忠孝東路',
  '信義路',
  '中山北路',
  '民生東路',
  '敦化南路',
  '復興北路',
  '和平東路',
  '光復南路',
];
const TW_SECTIONS = ['一段', '二段', '三段', '四段', '五段'];

const EN_BRANDS: Pair[] = [
  ['Contoso', 'contoso'],
  ['Fabrikam', 'fabrikam'],
  ['Northwind', 'northwind'],
  ['Tailspin', 'tailspin'],
  ['Wingtip', 'wingtip'],
  ['Adventure Works', 'adventureworks'],
  ['Litware', 'litware'],
  ['Proseware', 'proseware'],
  ['Alpine Ski House', 'alpineskihouse'],
  ['Coho Winery', 'cohowinery'],
  ['Fourth Coffee', 'fourthcoffee'],
  ['Lamna', 'lamna'],
  ['Relecloud', 'relecloud'],
  ['Trey Research', 'treyresearch'],
  ['Woodgrove', 'woodgrove'],
];
const EN_TRADES = [
  'Traders',
  'Labs',
  'Systems',
  'Foods',
  'Logistics',
  'Consulting',
  'Health',
  'Energy',
];
const EN_FORMS = ['Inc.', 'LLC', 'Corp.', 'Ltd.'];
const EN_FIRST = [
  'Avery',
  'Jordan',
  'Taylor',
  'Morgan',
  'Riley',
  'Casey',
  'Jamie',
  'Alex',
  'Sam',
  'Quinn',
];
const EN_LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Garcia',
  'Miller',
  'Davis',
  'Wilson',
  'Clark',
  'Lewis',
];
const EN_STREETS = [
  'Main St',
  'Oak Ave',
  'Pine St',
  'Maple Ave',
  '1st Ave',
  'Market St',
  'Broadway',
  'Elm St',
];

function englishCompany(random: Random, forms: readonly string[]): Pair {
  const [brand, slug] = random.pick(EN_BRANDS);
  const trade = random.pick(EN_TRADES);
  return [`${brand} ${trade} ${random.pick(forms)}`, `${slug}${trade.toLowerCase()}`];
}

function englishContact(random: Random) {
  return { firstName: random.pick(EN_FIRST), lastName: random.pick(EN_LAST) };
}

const GENERATORS: Record<string, CountryGenerator> = {
  JP: {
    country: 'JP',
    culture: 'ja-JP',
    language: 'ja',
    companyName(random) {
      const style = random.int(0, 4);
      if (style <= 1) {
        const [word, romaji] = random.pick(JP_WORDS);
        const [trade, tradeRomaji] = random.pick(JP_TRADES);
        return [
          style === 0 ? `株式会社${word}${trade}` : `${word}${trade}株式会社`,
          `${romaji}${tradeRomaji}`,
        ];
      }
      const [word, romaji] = random.pick(JP_KATAKANA);
      const [trade, tradeRomaji] = random.pick(JP_KATAKANA_TRADES);
      return [
        style === 4 ? `合同会社${word}${trade}` : `${word}${trade}株式会社`,
        `${romaji}${tradeRomaji}`,
      ];
    },
    contact: (random) => ({ firstName: random.pick(JP_GIVEN), lastName: random.pick(JP_SURNAMES) }),
    address(random) {
      const [state, city, postal, area] = random.pick(JP_PLACES);
      const local =
        area.length === 2
          ? `${random.int(3, 6)}${random.digits(3)}`
          : `${random.int(2, 3)}${random.digits(2)}`;
      return {
        city,
        state,
        addressLine1: `${random.pick(JP_TOWNS)}${random.int(1, 5)}丁目${random.int(1, 20)}番${random.int(1, 30)}号`,
        addressLine2:
          random.next() < 0.4 ? `${random.pick(JP_WORDS)[0]}ビル ${random.int(2, 15)}階` : '',
        postalCode: `${postal}-${random.digits(4)}`,
        phoneNumber: `${area}-${local}-${random.digits(4)}`,
      };
    },
  },
  TW: {
    country: 'TW',
    culture: 'zh-TW',
    language: 'zh-Hant',
    companyName(random) {
      const [word, pinyin] = random.pick(TW_WORDS);
      const [trade, tradeSlug] = random.pick(TW_TRADES);
      return [
        `${word}${trade}${random.next() < 0.7 ? '股份有限公司' : '有限公司'}`,
        `${pinyin}${tradeSlug}`,
      ];
    },
    contact: (random) => ({ firstName: random.pick(TW_GIVEN), lastName: random.pick(TW_SURNAMES) }),
    address(random) {
      const [city, district, postal] = random.pick(TW_PLACES);
      return {
        city,
        state: '',
        addressLine1: `${district}${random.pick(TW_ROADS)}${random.pick(TW_SECTIONS)}${random.int(1, 300)}號`,
        addressLine2: random.next() < 0.5 ? `${random.int(2, 30)}樓` : '',
        postalCode: random.next() < 0.5 ? postal : `${postal}${random.digits(2)}`,
        phoneNumber: `09${random.int(10, 89)}-${random.digits(3)}-${random.digits(3)}`,
      };
    },
  },
  US: {
    country: 'US',
    culture: 'en-US',
    language: 'en',
    companyName: (random) => englishCompany(random, EN_FORMS),
    contact: englishContact,
    address(random) {
      const [city, state, zip, area] = random.pick([
        ['Redmond', 'WA', '98052', '425'],
        ['Seattle', 'WA', '98101', '206'],
        ['New York', 'NY', '10001', '212'],
        ['San Francisco', 'CA', '94105', '415'],
        ['Austin', 'TX', '78701', '512'],
        ['Chicago', 'IL', '60601', '312'],
        ['Boston', 'MA', '02108', '617'],
        ['Denver', 'CO', '80202', '303'],
        ['Atlanta', 'GA', '30303', '404'],
      ] as const);
      return {
        city,
        state,
        addressLine1: `${random.int(1, 9999)} ${random.pick(EN_STREETS)}`,
        addressLine2: random.next() < 0.3 ? `Suite ${random.int(100, 999)}` : '',
        postalCode: zip,
        phoneNumber: `(${area}) ${random.int(2, 9)}${random.digits(2)}-${random.digits(4)}`,
      };
    },
  },
  CA: {
    country: 'CA',
    culture: 'en-CA',
    language: 'en',
    companyName: (random) => englishCompany(random, ['Inc.', 'Ltd.', 'Corp.']),
    contact: englishContact,
    address(random) {
      const [city, state, fsa, area] = random.pick([
        ['Ottawa', 'ON', 'K1P', '613'],
        ['Toronto', 'ON', 'M5V', '416'],
        ['Vancouver', 'BC', 'V6B', '604'],
        ['Montréal', 'QC', 'H2Y', '514'],
        ['Calgary', 'AB', 'T2P', '403'],
      ] as const);
      const letters = 'ABCEGHJKLMNPRSTVWXYZ';
      return {
        city,
        state,
        addressLine1: `${random.int(1, 999)} ${random.pick(['King St W', 'Queen St', 'Rue Sainte-Catherine', 'Granville St', 'Bank St'])}`,
        addressLine2: '',
        postalCode: `${fsa} ${random.int(0, 9)}${letters[random.int(0, letters.length - 1)]}${random.int(0, 9)}`,
        phoneNumber: `(${area}) ${random.int(2, 9)}${random.digits(2)}-${random.digits(4)}`,
      };
    },
  },
  GB: {
    country: 'GB',
    culture: 'en-GB',
    language: 'en',
    companyName: (random) => englishCompany(random, ['Ltd', 'PLC', 'LLP']),
    contact: englishContact,
    address(random) {
      const [city, outward, phone] = random.pick([
        ['London', 'EC1A', '020 7946 0'],
        ['London', 'SW1A', '020 7946 0'],
        ['Manchester', 'M1', '0161 496 0'],
        ['Birmingham', 'B1', '0121 496 0'],
        ['Edinburgh', 'EH1', '0131 496 0'],
      ] as const);
      const letters = 'ABDEFGHJLNPQRSTUWXYZ';
      const letter = () => letters[random.int(0, letters.length - 1)];
      return {
        city,
        state: '',
        addressLine1: `${random.int(1, 200)} ${random.pick(['High Street', 'Station Road', 'Church Lane', 'Victoria Road'])}`,
        addressLine2: '',
        postalCode: `${outward} ${random.int(1, 9)}${letter()}${letter()}`,
        phoneNumber: `${phone}${random.digits(3)}`,
      };
    },
  },
  DE: {
    country: 'DE',
    culture: 'de-DE',
    language: 'de',
    companyName(random) {
      const [brand, slug] = random.pick(EN_BRANDS);
      const form = random.pick(['GmbH', 'AG', 'GmbH & Co. KG']);
      return [`${brand} ${form}`, `${slug}de`];
    },
    contact: (random) => ({
      firstName: random.pick(['Lukas', 'Anna', 'Felix', 'Lea', 'Jonas']),
      lastName: random.pick(['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber']),
    }),
    address(random) {
      const [city, zip, area] = random.pick([
        ['Berlin', '10115', '030'],
        ['München', '80331', '089'],
        ['Hamburg', '20095', '040'],
        ['Frankfurt am Main', '60311', '069'],
        ['Köln', '50667', '0221'],
      ] as const);
      return {
        city,
        state: '',
        addressLine1: `${random.pick(['Hauptstraße', 'Bahnhofstraße', 'Schillerstraße', 'Gartenstraße'])} ${random.int(1, 120)}`,
        addressLine2: '',
        postalCode: zip,
        phoneNumber: `${area} ${random.int(2, 9)}${random.digits(6)}`,
      };
    },
  },
  FR: {
    country: 'FR',
    culture: 'fr-FR',
    language: 'fr',
    companyName(random) {
      const [brand, slug] = random.pick(EN_BRANDS);
      return [`${brand} ${random.pick(['SAS', 'SARL', 'SA'])}`, `${slug}fr`];
    },
    contact: (random) => ({
      firstName: random.pick(['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa']),
      lastName: random.pick(['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert']),
    }),
    address(random) {
      const paris = random.next() < 0.6;
      return {
        city: paris ? 'Paris' : 'Lyon',
        state: '',
        addressLine1: `${random.int(1, 150)} ${random.pick(['rue de Rivoli', 'avenue des Champs-Élysées', 'rue de la République', 'boulevard Voltaire'])}`,
        addressLine2: '',
        postalCode: paris
          ? `750${String(random.int(1, 20)).padStart(2, '0')}`
          : `6900${random.int(1, 9)}`,
        phoneNumber: `${paris ? '01' : '04'} ${random.int(40, 79)} ${random.digits(2)} ${random.digits(2)} ${random.digits(2)}`,
      };
    },
  },
  KR: {
    country: 'KR',
    culture: 'ko-KR',
    language: 'ko',
    companyName(random) {
      const [word, slug] = random.pick([
        ['한빛', 'hanbit'],
        ['미래', 'mirae'],
        ['새한', 'saehan'],
        ['동방', 'dongbang'],
        ['푸른', 'pureun'],
      ] as const);
      const [trade, tradeSlug] = random.pick([
        ['테크', 'tech'],
        ['소프트', 'soft'],
        ['상사', 'trading'],
        ['전자', 'electronics'],
      ] as const);
      return [`주식회사 ${word}${trade}`, `${slug}${tradeSlug}`];
    },
    contact: (random) => ({
      firstName: random.pick(['민준', '서연', '지훈', '하은']),
      lastName: random.pick(['김', '이', '박', '최']),
    }),
    address(random) {
      const seoul = random.next() < 0.7;
      return {
        city: seoul ? '서울특별시' : '부산광역시',
        state: '',
        addressLine1: `${random.pick(['세종대로', '테헤란로', '강남대로', '중앙대로'])} ${random.int(1, 500)}`,
        addressLine2: '',
        postalCode: seoul ? `0${random.int(1000, 8999)}` : `${random.int(46000, 49999)}`,
        phoneNumber: seoul
          ? `02-${random.int(2000, 9999)}-${random.digits(4)}`
          : `051-${random.int(200, 999)}-${random.digits(4)}`,
      };
    },
  },
  AU: {
    country: 'AU',
    culture: 'en-AU',
    language: 'en',
    companyName: (random) => englishCompany(random, ['Pty Ltd', 'Ltd']),
    contact: englishContact,
    address(random) {
      const [city, state, postcode, area] = random.pick([
        ['Sydney', 'NSW', '2000', '02'],
        ['Melbourne', 'VIC', '3000', '03'],
        ['Brisbane', 'QLD', '4000', '07'],
        ['Perth', 'WA', '6000', '08'],
        ['Adelaide', 'SA', '5000', '08'],
      ] as const);
      return {
        city,
        state,
        addressLine1: `${random.int(1, 400)} ${random.pick(['George St', 'Collins St', 'Queen St', 'Hay St'])}`,
        addressLine2: '',
        postalCode: postcode,
        phoneNumber: `(${area}) 9${random.digits(3)} ${random.digits(4)}`,
      };
    },
  },
  IN: {
    country: 'IN',
    culture: 'en-IN',
    language: 'en',
    companyName: (random) => englishCompany(random, ['Pvt. Ltd.', 'Ltd.']),
    contact: (random) => ({
      firstName: random.pick(['Aarav', 'Priya', 'Rohan', 'Ananya']),
      lastName: random.pick(['Sharma', 'Patel', 'Iyer', 'Reddy']),
    }),
    address(random) {
      const [city, state, pin] = random.pick([
        ['Mumbai', 'Maharashtra', '400001'],
        ['Bengaluru', 'Karnataka', '560001'],
        ['New Delhi', 'Delhi', '110001'],
        ['Chennai', 'Tamil Nadu', '600001'],
        ['Hyderabad', 'Telangana', '500001'],
      ] as const);
      return {
        city,
        state,
        addressLine1: `${random.int(1, 300)} ${random.pick(['MG Road', 'Park Street', 'Anna Salai', 'Linking Road'])}`,
        addressLine2: '',
        postalCode: pin,
        phoneNumber: `+91 9${random.digits(4)} ${random.digits(5)}`,
      };
    },
  },
  BR: {
    country: 'BR',
    culture: 'pt-BR',
    language: 'pt',
    companyName: (random) => englishCompany(random, ['Ltda.', 'S.A.']),
    contact: (random) => ({
      firstName: random.pick(['Gabriel', 'Maria', 'Lucas', 'Julia']),
      lastName: random.pick(['Silva', 'Santos', 'Oliveira', 'Souza']),
    }),
    address(random) {
      const [city, state, cep, area] = random.pick([
        ['São Paulo', 'SP', '01310', '11'],
        ['Rio de Janeiro', 'RJ', '20040', '21'],
        ['Belo Horizonte', 'MG', '30130', '31'],
        ['Curitiba', 'PR', '80010', '41'],
      ] as const);
      return {
        city,
        state,
        addressLine1: `${random.pick(['Avenida Paulista', 'Rua da Assembleia', 'Avenida Afonso Pena', 'Rua XV de Novembro'])}, ${random.int(1, 2000)}`,
        addressLine2: '',
        postalCode: `${cep}-${random.digits(3)}`,
        phoneNumber: `(${area}) 9${random.int(6, 9)}${random.digits(3)}-${random.digits(4)}`,
      };
    },
  },
  CN: {
    country: 'CN',
    culture: 'zh-CN',
    language: 'zh-Hans',
    companyName(random) {
      const [word, slug] = random.pick([
        ['星辰', 'xingchen'],
        ['华远', 'huayuan'],
        ['博达', 'boda'],
        ['天成', 'tiancheng'],
      ] as const);
      const [trade, tradeSlug] = random.pick([
        ['科技', 'tech'],
        ['信息技术', 'it'],
        ['贸易', 'trading'],
      ] as const);
      return [`${word}${trade}有限公司`, `${slug}${tradeSlug}`];
    },
    contact: (random) => ({
      firstName: random.pick(['伟', '芳', '娜', '强']),
      lastName: random.pick(['王', '李', '张', '刘']),
    }),
    address(random) {
      const [city, state, postal] = random.pick([
        ['北京市', 'Beijing', '100'],
        ['上海市', 'Shanghai', '200'],
        ['深圳市', 'Guangdong', '518'],
        ['杭州市', 'Zhejiang', '310'],
      ] as const);
      return {
        city,
        state,
        addressLine1: `${random.pick(['建国路', '南京西路', '深南大道', '文三路'])}${random.int(1, 999)}号`,
        addressLine2: '',
        postalCode: `${postal}${random.digits(3)}`,
        phoneNumber: `13${random.int(0, 9)} ${random.digits(4)} ${random.digits(4)}`,
      };
    },
  },
};

/** Share of seeded customers per country, in percent. */
const COUNTRY_MIX: [string, number][] = [
  ['JP', 35],
  ['TW', 25],
  ['US', 15],
  ['CA', 3],
  ['GB', 4],
  ['DE', 3],
  ['FR', 3],
  ['KR', 3],
  ['AU', 3],
  ['IN', 2],
  ['BR', 2],
  ['CN', 2],
];

function pickCountry(random: Random): CountryGenerator {
  let roll = random.next() * 100;
  for (const [country, share] of COUNTRY_MIX) {
    roll -= share;
    if (roll < 0) return GENERATORS[country] as CountryGenerator;
  }
  return GENERATORS['JP'] as CountryGenerator;
}

function build(
  id: string,
  domainSlug: string,
  companyName: string,
  generator: CountryGenerator,
  random: Random,
): SeedCustomer {
  const contact = generator.contact(random);
  const address = generator.address(random);
  return {
    id,
    domain: `${domainSlug}.onmicrosoft.com`,
    profile: {
      id: random.guid(),
      firstName: contact.firstName,
      lastName: contact.lastName,
      email: `billing@${domainSlug}.example.com`,
      culture: generator.culture,
      language: generator.language,
      companyName,
      defaultAddress: {
        country: generator.country,
        region: '',
        ...address,
        firstName: contact.firstName,
        lastName: contact.lastName,
      },
    },
  };
}

function wellKnown(random: Random): Record<keyof typeof WELL_KNOWN_CUSTOMERS, SeedCustomer> {
  const known = WELL_KNOWN_CUSTOMERS;
  const jp = GENERATORS['JP'] as CountryGenerator;
  const us = GENERATORS['US'] as CountryGenerator;
  const tw = GENERATORS['TW'] as CountryGenerator;
  const japanese = build(known.japanese.id, 'sakurashoji', known.japanese.companyName, jp, random);
  japanese.profile.defaultAddress = {
    ...japanese.profile.defaultAddress,
    state: 'Tokyo',
    city: '千代田区',
    addressLine1: '丸の内1丁目1番1号',
    addressLine2: 'さくらビル 5階',
    postalCode: '100-0005',
    phoneNumber: '03-1234-5678',
  };
  const taiwanese = build(
    known.taiwanese.id,
    'yongxintech',
    known.taiwanese.companyName,
    tw,
    random,
  );
  taiwanese.profile.defaultAddress = {
    ...taiwanese.profile.defaultAddress,
    city: '臺北市',
    addressLine1: '信義區信義路五段7號',
    addressLine2: '35樓',
    postalCode: '110',
    phoneNumber: '02-2345-6789',
  };
  const american = build(known.american.id, 'contoso', known.american.companyName, us, random);
  american.profile.defaultAddress = {
    ...american.profile.defaultAddress,
    city: 'Redmond',
    state: 'WA',
    addressLine1: '1 Microsoft Way',
    addressLine2: '',
    postalCode: '98052',
    phoneNumber: '(425) 555-0100',
  };
  const hostileImage = build(
    known.hostileImage.id,
    'hostileimage',
    known.hostileImage.companyName,
    jp,
    random,
  );
  hostileImage.profile.firstName = '<b onmouseover=alert(1)>太郎</b>';
  hostileImage.profile.defaultAddress.addressLine2 = '<svg onload=alert(1)>';
  const hostileScript = build(
    known.hostileScript.id,
    'hostilescript',
    known.hostileScript.companyName,
    us,
    random,
  );
  hostileScript.profile.lastName = "{{constructor.constructor('alert(1)')()}}";
  hostileScript.profile.defaultAddress.addressLine2 = '\u202Egnp.exe';
  const india = GENERATORS['IN'] as CountryGenerator;
  const withAddress = (
    customer: SeedCustomer,
    address: Partial<SeedCustomer['profile']['defaultAddress']>,
  ) => {
    customer.profile.defaultAddress = { ...customer.profile.defaultAddress, ...address };
    return customer;
  };
  return {
    japanese,
    taiwanese,
    american,
    hostileImage,
    hostileScript,
    katakana: build(known.katakana.id, 'kabushikimirai', known.katakana.companyName, jp, random),
    fullWidthLatin: build(
      known.fullWidthLatin.id,
      'abcshoji',
      known.fullWidthLatin.companyName,
      jp,
      random,
    ),
    verified: withAddress(
      build(known.verified.id, 'shibuyadigital', known.verified.companyName, jp, random),
      { state: 'Tokyo', city: '渋谷区', addressLine1: '渋谷2丁目21番1号', postalCode: '1500002' },
    ),
    streetPartial: withAddress(
      build(known.streetPartial.id, 'marunouchilogi', known.streetPartial.companyName, jp, random),
      {
        state: 'Tokyo',
        city: '千代田区',
        addressLine1: '丸の内',
        addressLine2: '',
        postalCode: '100-0005',
      },
    ),
    premisesPartial: withAddress(
      build(known.premisesPartial.id, 'fabrikam', known.premisesPartial.companyName, us, random),
      {
        state: 'WA',
        city: 'Redmond',
        addressLine1: '15010 NE 36th St',
        addressLine2: 'Suite',
        postalCode: '98052',
      },
    ),
    multiple: withAddress(
      build(known.multiple.id, 'northwindtraders', known.multiple.companyName, us, random),
      {
        state: 'MO',
        city: 'Springfield',
        addressLine1: '400 S Main St',
        addressLine2: '',
        postalCode: '65899',
      },
    ),
    interactionRequired: withAddress(
      build(
        known.interactionRequired.id,
        'hongdatrading',
        known.interactionRequired.companyName,
        tw,
        random,
      ),
      {
        city: '臺北市',
        addressLine1: '臺北郵政 第1234號信箱',
        addressLine2: '',
        postalCode: '10699',
      },
    ),
    incorrect: withAddress(
      build(known.incorrect.id, 'hikaridenki', known.incorrect.companyName, jp, random),
      {
        state: 'Osaka',
        city: '大阪市北区',
        addressLine1: '梅田3丁目1番3号',
        postalCode: '000-0000',
      },
    ),
    notValidated: build(
      known.notValidated.id,
      'tailspintoys',
      known.notValidated.companyName,
      india,
      random,
    ),
  };
}

/**
 * Generates `count` customers (at least the well-known ones), the same every time for the same
 * count: a seeded PRNG drives every choice.
 */
export function generateSeedCustomers(count: number = DEFAULT_SEED_COUNT): SeedCustomer[] {
  const random = createRandom(20240601);
  const known = wellKnown(random);
  const customers: SeedCustomer[] = [];
  const knownCount = Object.keys(known).length;
  for (let index = 0; index < count - knownCount; index++) {
    const generator = pickCountry(random);
    const [companyName, slug] = generator.companyName(random);
    customers.push(
      build(random.guid(), `${slug}${index.toString(36)}`, companyName, generator, random),
    );
  }
  const placed = (Object.keys(LIST_POSITIONS) as (keyof typeof WELL_KNOWN_CUSTOMERS)[]).sort(
    (a, b) => LIST_POSITIONS[a] - LIST_POSITIONS[b],
  );
  for (const name of placed) {
    customers.splice(Math.min(LIST_POSITIONS[name], customers.length), 0, known[name]);
  }
  return customers;
}
