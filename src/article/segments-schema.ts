import { z } from 'zod';

/** One translated sentence and the English sentence it was translated from. */
export const SegmentSchema = z.object({
  /** Microsoft's segment id, e.g. `c44b6-107`; unique within one translated file only. */
  id: z.string().min(1),
  /** English text, as written in the English page. */
  source: z.string(),
  /** Translated text, as written in the translated page. */
  target: z.string(),
  /** First 16 hex characters of the SHA-256 of `source`, to spot outdated translations. */
  sourceHash: z.string().regex(/^[0-9a-f]{16}$/),
});

/** A translated segment, as stored in a sidecar. */
export type Segment = z.infer<typeof SegmentSchema>;

/** The `<article>.segments.json` sidecar written next to every translated article. */
export const SegmentsFileSchema = z.object({
  /** Version of this file format. */
  format: z.literal(1),
  /** Locale of the translation, e.g. `ja-JP`. */
  locale: z.string().min(2),
  /** Path of the imported sxs file, relative to where the importer ran. */
  source: z.string().min(1),
  /** `ms.sourcegitcommit` of the English original the translation was made from. */
  sourceCommit: z.string(),
  /** Every segment of the article, in document order. */
  segments: z.array(SegmentSchema),
});

/** Contents of a segments sidecar. */
export type SegmentsFile = z.infer<typeof SegmentsFileSchema>;
