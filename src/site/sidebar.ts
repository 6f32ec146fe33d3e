/** A product folder of `content/<locale>/` and how it is named per language. */
export interface SidebarProduct {
  readonly folder: string;
  readonly label: string;
  /** The product's name in other languages, keyed by BCP-47 tag. */
  readonly translations: Readonly<Record<string, string>>;
}

/** The products the site publishes, in navigation order; each has a `TOC.md` tree. */
export const sidebarProducts: readonly SidebarProduct[] = [
  {
    folder: 'partner-center',
    label: 'Partner Center',
    translations: { 'ja-JP': 'パートナー センター', 'zh-TW': '合作夥伴中心' },
  },
];
