/**
 * Display names come from other players: any length, any script, any code point. These helpers make one
 * safe to draw and to put in a share card, without a DOM.
 */

/** Names longer than this are cut before measuring, so a hostile 100 kB name costs nothing. */
export const MAX_NAME_GRAPHEMES = 64;
export const FALLBACK_NAME = 'Player';

// C0/C1 controls, and the bidi embedding/override/isolate marks: an unpaired U+202E would otherwise
// make a name read backwards (a classic spoof) and can reorder neighbouring text in a share card.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const UNSAFE_CODE_POINTS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WHITESPACE_RUNS = /\s+/g;
// Lone surrogates (a name cut inside an emoji) draw as replacement boxes.
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Generous for emoji sequences (a family emoji is 11 UTF-16 units), tiny for the CPU.
const MAX_NAME_CODE_UNITS = MAX_NAME_GRAPHEMES * 32;
// Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms.
const STRONG_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
const STRONG_LTR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/;

// Some mini game runtimes ship without Intl.Segmenter; code points are the next best unit there.
const segmenter =
  typeof Intl === 'object' && typeof Intl.Segmenter === 'function'
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : null;

/** Splits into user-perceived characters, so emoji sequences and combining marks stay whole. */
export function graphemes(text: string): string[] {
  if (segmenter === null) return Array.from(text);
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text)) out.push(segment);
  return out;
}

export function sanitizeDisplayName(raw: unknown): string {
  if (typeof raw !== 'string') return FALLBACK_NAME;
  // Cheap cap first: the grapheme split below is linear in the input length.
  const capped = raw.length > MAX_NAME_CODE_UNITS ? raw.slice(0, MAX_NAME_CODE_UNITS) : raw;
  const clean = capped
    .replace(WHITESPACE_RUNS, ' ')
    .replace(UNSAFE_CODE_POINTS, '')
    .replace(LONE_SURROGATES, '')
    .trim();
  if (clean === '') return FALLBACK_NAME;
  // A grapheme is at least one UTF-16 unit: short names need no (comparatively slow) segmentation.
  if (clean.length <= MAX_NAME_GRAPHEMES) return clean;
  const parts = graphemes(clean);
  return parts.length > MAX_NAME_GRAPHEMES ? parts.slice(0, MAX_NAME_GRAPHEMES).join('') : clean;
}

/** Keeps at most `max` graphemes, ending with an ellipsis when something was cut. */
export function truncateGraphemes(text: string, max: number): string {
  const parts = graphemes(text);
  if (parts.length <= max) return text;
  // "Bartholomew Maximilian…", not "Bartholomew Maximilian …": a cut at a space drops it.
  return `${parts
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

/** True when the first strong character is right-to-left (the Unicode "first strong" rule). */
export function isRightToLeft(text: string): boolean {
  for (const char of text) {
    if (STRONG_RTL.test(char)) return true;
    if (STRONG_LTR.test(char)) return false;
  }
  return false;
}

/** "12,345": fixed grouping, so the board reads the same on every device locale. */
export function formatScore(score: number): string {
  return String(Math.trunc(score)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
