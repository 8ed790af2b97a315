/**
 * Invisible and blank-looking characters in names. A name of three zero-width spaces, Hangul fillers or
 * braille blanks shows as nothing at all; a zero-width joiner inside "Alice" makes a second name that
 * looks the same. They go, except where they shape a visible character: the joiner inside an emoji
 * sequence (woman + ZWJ + rocket = astronaut), the joiners of scripts that need them between two
 * letters (Persian, Devanagari), a variation selector right after the character it selects a form of
 * (heart + VS16), and the tag characters of a subdivision flag (England's). Spaces of every width
 * become one plain space, and a name's ends are trimmed.
 */

/** Unicode's default-ignorable code points: joiners, selectors, tags, fillers, bidi marks, the BOM... */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
/** Blank-looking characters that are not default-ignorable: the blank braille pattern. */
const BLANK = /\u2800/u;
const SPACE = /\p{Space_Separator}/u;
const ZWJ = '\u200d';
const ZWNJ = '\u200c';
/** What an emoji ZWJ sequence joins: pictographs, with skin tones and the emoji presentation selector. */
const EMOJI_BEFORE_JOINER = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\ufe0f)$/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** Scripts in which a (non-)joiner between two letters changes how they are drawn. */
const JOINING_SCRIPT =
  /[\p{scx=Arabic}\p{scx=Syriac}\p{scx=Nko}\p{scx=Mongolian}\p{scx=Devanagari}\p{scx=Bengali}\p{scx=Gurmukhi}\p{scx=Gujarati}\p{scx=Oriya}\p{scx=Tamil}\p{scx=Telugu}\p{scx=Kannada}\p{scx=Malayalam}\p{scx=Sinhala}\p{scx=Khmer}\p{scx=Myanmar}\p{scx=Tibetan}]/u;
/** Variation selectors, each with the characters it has forms of: emoji, CJK ideographs, Mongolian. */
const EMOJI_PRESENTATION = /[\ufe0e\ufe0f]/u;
const IDEOGRAPHIC_VARIATION = /[\ufe00-\ufe0d\u{e0100}-\u{e01ef}]/u;
const MONGOLIAN_VARIATION = /[\u180b-\u180d\u180f]/u;
const EMOJI = /\p{Emoji}/u;
const IDEOGRAPH = /\p{Ideographic}/u;
const MONGOLIAN = /\p{scx=Mongolian}/u;
const FLAG = '\u{1f3f4}';
/** A subdivision flag: the black flag, tag letters, the cancel tag. */
const FLAG_TAG_SEQUENCE = /\u{1f3f4}[\u{e0020}-\u{e007e}]+\u{e007f}/uy;

/** A variation selector right after a character it has a form of; null when `char` is none. */
function selectsFormOf(char: string, before: string): boolean | null {
  if (EMOJI_PRESENTATION.test(char)) return EMOJI.test(before);
  if (IDEOGRAPHIC_VARIATION.test(char)) return IDEOGRAPH.test(before);
  if (MONGOLIAN_VARIATION.test(char)) return MONGOLIAN.test(before);
  return null;
}

/** Whether a default-ignorable character stays, from the last character kept and the next one. */
function keptIgnorable(char: string, before: string | undefined, after: string | undefined): boolean {
  if (before === undefined) return false;
  const selects = selectsFormOf(char, before);
  if (selects !== null) return selects;
  if (after === undefined) return false;
  if (char === ZWJ && EMOJI_BEFORE_JOINER.test(before) && PICTOGRAPH.test(after)) return true;
  return (char === ZWJ || char === ZWNJ) && JOINING_SCRIPT.test(before) && JOINING_SCRIPT.test(after);
}

/** The subdivision flag starting at `offset` (in code units), if one does. */
function flagAt(text: string, offset: number): string | undefined {
  FLAG_TAG_SEQUENCE.lastIndex = offset;
  return FLAG_TAG_SEQUENCE.exec(text)?.[0];
}

/** The text without invisible and blank-looking characters, spaces made plain and single, ends trimmed. */
export function withoutInvisibles(text: string): string {
  const chars = Array.from(text);
  const kept: string[] = [];
  let i = 0;
  let offset = 0; // of chars[i] in text, in code units
  while (i < chars.length) {
    const char = chars[i] as string;
    const flag = char === FLAG ? flagAt(text, offset) : undefined;
    if (flag) {
      kept.push(flag);
      i += Array.from(flag).length;
      offset += flag.length;
      continue;
    }
    i += 1;
    offset += char.length;
    if (SPACE.test(char)) {
      if (kept.length > 0 && kept[kept.length - 1] !== ' ') kept.push(' ');
    } else if (!BLANK.test(char)) {
      if (!IGNORABLE.test(char) || keptIgnorable(char, kept[kept.length - 1], chars[i])) kept.push(char);
    }
  }
  if (kept[kept.length - 1] === ' ') kept.pop();
  return kept.join('');
}
