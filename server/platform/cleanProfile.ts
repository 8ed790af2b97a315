/**
 * The one cleaning of what the platform says about a player, used by every path that stores a name or
 * an avatar. Linear in the input: the input is cut to a fixed prefix before any grapheme work, and the
 * segmenter is walked lazily and stopped at the cap (building the whole list of a 200,000-character
 * name is what used to take seconds and gigabytes). Names are not escaped: that is the renderer's job.
 */

import { withoutInvisibles } from './invisibles';

/** TikTok nicknames are short; anything longer is cut at a grapheme boundary rather than dropped. */
export const MAX_DISPLAY_NAME_GRAPHEMES = 64;
/** UTF-8 bytes of a stored name: room for 64 long emoji sequences (a family of four is 25) and no more. */
export const MAX_DISPLAY_NAME_BYTES = 2048;
/**
 * Code units one grapheme may keep. Family emoji are 11, flags 4; a letter with 2,000 combining marks is
 * one grapheme too, and keeps only its base character.
 */
export const MAX_GRAPHEME_UNITS = 16;
export const MAX_AVATAR_URL_BYTES = 2048;

/** The most input a capped name can be made of, with room for stripped characters. */
export const NAME_INPUT_UNITS = MAX_DISPLAY_NAME_BYTES * 4;

/**
 * C0 and C1 controls and DEL (NUL, ESC, CR/LF...), bidi embeddings, overrides and isolates (they can
 * reverse the text drawn after a name), line and paragraph separators, and the BOM.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's job.
const UNWANTED = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's job.
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const encoder = new TextEncoder();

/** A prefix of at most `units` code units that never ends inside a surrogate pair. */
function prefix(text: string, units: number): string {
  if (text.length <= units) return text;
  const last = text.charCodeAt(units - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? units - 1 : units);
}

/** One grapheme bounded in length: an over-long cluster keeps its first code point only. */
function boundedGrapheme(grapheme: string): string {
  if (grapheme.length <= MAX_GRAPHEME_UNITS) return grapheme;
  return String.fromCodePoint(grapheme.codePointAt(0) ?? 0xfffd);
}

/**
 * At most 64 graphemes and 2,048 UTF-8 bytes, without control, bidi-override, invisible or blank-looking
 * characters (invisibles.ts); null when nothing is left, so a blank name shows as a player without one,
 * or when the name holds a lone surrogate (not text: refused rather than repaired).
 */
export function cleanDisplayName(name: string | null): string | null {
  if (name === null) return null;
  const head = prefix(name, NAME_INPUT_UNITS);
  if (LONE_SURROGATE.test(head)) return null;
  const text = withoutInvisibles(head.replace(UNWANTED, ''));
  let kept = '';
  let bytes = 0;
  let graphemes = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (graphemes === MAX_DISPLAY_NAME_GRAPHEMES) break;
    const grapheme = boundedGrapheme(segment);
    const size = encoder.encode(grapheme).length;
    if (bytes + size > MAX_DISPLAY_NAME_BYTES) break;
    kept += grapheme;
    bytes += size;
    graphemes += 1;
  }
  return kept.length > 0 ? kept : null;
}

/** Only http(s) URLs without controls, spaces or lone surrogates survive; anything else is dropped. */
export function cleanAvatarUrl(url: string | null): string | null {
  if (url === null || url.length > MAX_AVATAR_URL_BYTES) return null;
  // The URL parser would silently strip tabs and newlines; a URL that holds them is not one we keep.
  if (CONTROL_OR_SPACE.test(url) || LONE_SURROGATE.test(url)) return null;
  if (encoder.encode(url).length > MAX_AVATAR_URL_BYTES) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}
