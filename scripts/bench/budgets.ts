/**
 * The size budgets of the site, in one place: `npm run budget` (a step of `.ci/run`) fails when
 * one is exceeded, and `npm run bench` prints them beside what it measures. Sizes only: times are
 * reported by the benchmark, never checked, because this machine's speed varies.
 */
export const budgets = {
  /** Median gzipped HTML of an article page. */
  articleHtmlGzMedian: 9 * 1024,
  /** Gzipped CSS an article page links to, the largest of all articles. */
  articleCssGz: 12 * 1024,
  /**
   * Gzipped script files an article page loads to be read (inline scripts are part of its HTML),
   * the largest of all articles but the one with the task widget.
   */
  articleReadingJsGz: 0,
  /** Gzipped JavaScript the task widget loads for one language before its Update step. */
  widgetFirstLoadGz: 35 * 1024,
} as const;

/** The name of a budget. */
export type BudgetName = keyof typeof budgets;
