import { describe, expect, it, vi } from 'vitest';
import {
  cleanAvatarUrl,
  cleanDisplayName,
  MAX_DISPLAY_NAME_BYTES,
  MAX_DISPLAY_NAME_GRAPHEMES,
  NAME_INPUT_UNITS,
} from '../../../server/platform/cleanProfile';
import { type Harness, startHarness } from './harness';

const SPACES = /\p{Space_Separator}/u;
const graphemes = (text: string) => [
  ...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text),
];

/** Player 1 signs in, the platform names them `name`, and the game saves the profile with a fresh code. */
async function saveProfileNamed(h: Harness, name: string) {
  const token = await h.login('player-1');
  h.platform.users.set('player-1', { display_name: name });
  return h.app.inject({
    method: 'POST',
    url: '/v1/profile',
    headers: { authorization: `Bearer ${token}` },
    payload: { code: h.platform.issueCode('player-1') },
  });
}

describe('cleanDisplayName', () => {
  it('keeps ordinary names, emoji and right-to-left text as they are', () => {
    for (const name of ['Alice', '李小龍', 'مرحبا بك', '🧑‍🚀 Ana', '<b>&amp;</b>', 'Zoë', '🇯🇵👨‍👩‍👧‍👦']) {
      expect(cleanDisplayName(name)).toBe(name);
    }
  });

  it('works on a fixed prefix of a 200,000-character name (linear, however long), and cuts it to the caps', () => {
    const segmented: number[] = [];
    const segment = Intl.Segmenter.prototype.segment;
    const spy = vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (
      this: Intl.Segmenter,
      input: string,
    ) {
      segmented.push(input.length);
      return segment.call(this, input);
    });
    try {
      for (const unit of ['x', '👩‍👩‍👧', 'e\u0301']) {
        const huge = unit.repeat(Math.ceil(200_000 / unit.length));
        expect(cleanDisplayName(huge)).toBe(unit.repeat(MAX_DISPLAY_NAME_GRAPHEMES));
      }
      expect(segmented).toHaveLength(3);
      for (const length of segmented) expect(length).toBeLessThanOrEqual(NAME_INPUT_UNITS);
    } finally {
      spy.mockRestore();
    }
  });

  it('bounds a grapheme of 2,000 combining marks to its base character', () => {
    const zalgo = `a${'\u0301'.repeat(2000)}`.repeat(64);
    const cleaned = cleanDisplayName(zalgo) ?? '';
    expect(Buffer.byteLength(cleaned)).toBeLessThanOrEqual(MAX_DISPLAY_NAME_BYTES);
    expect(cleaned.length).toBeLessThan(200);
    expect(graphemes(cleaned).length).toBeLessThanOrEqual(MAX_DISPLAY_NAME_GRAPHEMES);
    expect(cleaned.startsWith('a')).toBe(true);
  });

  it('removes control and bidi-override characters', () => {
    expect(cleanDisplayName('A\u0000l\u001b[31mi\r\nc\u007fe\u0085')).toBe('Al[31mice');
    expect(cleanDisplayName('\u202eevil\u202c\u2066x\u2069\u2028\ufeff')).toBe('evilx');
    expect(cleanDisplayName('\u0000\u202e\r\n')).toBeNull();
  });

  it('refuses a lone surrogate, anywhere in the kept part', () => {
    expect(cleanDisplayName('Ali\ud800ce')).toBeNull();
    expect(cleanDisplayName('\udc00Alice')).toBeNull();
    expect(cleanDisplayName('😀')).toBe('😀');
  });
});

describe('invisible and blank-looking characters in names', () => {
  // Each: shown as nothing, so a name of only these is no name, and inside a name they are dropped.
  const INVISIBLE: [name: string, char: string][] = [
    ['zero width space U+200B', '\u200b'],
    ['zero width non-joiner U+200C', '\u200c'],
    ['zero width joiner U+200D', '\u200d'],
    ['word joiner U+2060', '\u2060'],
    ['invisible times U+2062', '\u2062'],
    ['left-to-right mark U+200E', '\u200e'],
    ['right-to-left mark U+200F', '\u200f'],
    ['Arabic letter mark U+061C', '\u061c'],
    ['tag letter A U+E0041', '\u{e0041}'],
    ['cancel tag U+E007F', '\u{e007f}'],
    ['Hangul filler U+3164', '\u3164'],
    ['Hangul choseong filler U+115F', '\u115f'],
    ['Hangul jungseong filler U+1160', '\u1160'],
    ['halfwidth Hangul filler U+FFA0', '\uffa0'],
    ['braille blank U+2800', '\u2800'],
    ['variation selector 16 alone U+FE0F', '\ufe0f'],
    ['variation selector 1 alone U+FE00', '\ufe00'],
    ['ideographic variation selector alone U+E0100', '\u{e0100}'],
    ['Mongolian vowel separator U+180E', '\u180e'],
    ['soft hyphen U+00AD', '\u00ad'],
    ['combining grapheme joiner U+034F', '\u034f'],
    ['Khmer vowel inherent U+17B4', '\u17b4'],
    ['byte order mark U+FEFF', '\ufeff'],
    ['no-break space U+00A0', '\u00a0'],
    ['em space U+2003', '\u2003'],
    ['ideographic space U+3000', '\u3000'],
  ];

  it.each(INVISIBLE)('%s: a name of only it is no name; inside a name it goes', (_name, char) => {
    expect(cleanDisplayName(char.repeat(3))).toBeNull();
    expect(cleanDisplayName(`${char}Ana${char}`)).toBe('Ana');
    expect(cleanDisplayName(`Al${char}ice`)).toBe(SPACES.test(char) ? 'Al ice' : 'Alice');
  });

  // What shapes a visible character stays: these names come back exactly as given.
  const KEPT: [name: string, text: string][] = [
    ['an emoji ZWJ sequence (astronaut)', '\u{1f469}\u200d\u{1f680}'],
    ['a family', '\u{1f469}\u200d\u{1f469}\u200d\u{1f467}'],
    ['a skin tone in a ZWJ sequence', '\u{1f468}\u{1f3fb}\u200d\u{1f4bb}'],
    ['the rainbow flag (VS16 then ZWJ)', '\u{1f3f3}\ufe0f\u200d\u{1f308}'],
    ['a heart with VS16', '\u2764\ufe0f'],
    ['a keycap', '#\ufe0f\u20e3'],
    ["England's flag (tag characters)", '\u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}'],
    ['an ideographic variation', '\u845b\u{e0100}'],
    ['Persian with a ZWNJ between letters', '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645'],
    ['Devanagari with a ZWJ between letters', '\u0915\u094d\u200d\u0937'],
    ['words with single spaces', 'Ana Lu'],
  ];

  it.each(KEPT)('keeps %s', (_name, text) => {
    expect(cleanDisplayName(text)).toBe(text);
  });

  it('makes wide spaces plain, runs of them one, and trims the ends', () => {
    expect(cleanDisplayName('  Ana\u3000\u2003 Lu\u00a0')).toBe('Ana Lu');
    expect(cleanDisplayName('\u200b \u3164 \u2800')).toBeNull();
  });

  it('stores a blank-looking name as no name, through the API', async () => {
    const h = await startHarness();
    try {
      const response = await saveProfileNamed(h, '\u200b\u200b\u200b');
      expect(response.statusCode).toBe(200);
      expect(response.json().displayName).toBeNull();
    } finally {
      await h.close();
    }
  });
});

describe('cleanAvatarUrl', () => {
  it('keeps http(s) URLs and drops the rest', () => {
    expect(cleanAvatarUrl('https://cdn.example/a.png?x=1&y=2')).toBe('https://cdn.example/a.png?x=1&y=2');
    for (const bad of [
      'javascript:alert(1)',
      'data:image/png;base64,AAAA',
      'https://cdn.example/a\n.png',
      'https://cdn.example/\u0000',
      'https://cdn.example/\ud800',
      `https://cdn.example/${'a'.repeat(3000)}`,
      `https://cdn.example/${'é'.repeat(1100)}`,
    ]) {
      expect(cleanAvatarUrl(bad), bad.slice(0, 40)).toBeNull();
    }
  });
});

describe('POST /v1/profile with a hostile platform answer', () => {
  it('stores a 200,000-character name capped', async () => {
    const h = await startHarness({ platformResponseLimitBytes: 1024 * 1024 });
    try {
      const response = await saveProfileNamed(h, `\u202e${'n'.repeat(200_000)}`);
      expect(response.statusCode).toBe(200);
      expect(response.json().displayName).toBe('n'.repeat(MAX_DISPLAY_NAME_GRAPHEMES));
    } finally {
      await h.close();
    }
  });

  it('refuses a platform answer over the byte cap before parsing it (502)', async () => {
    const h = await startHarness();
    try {
      const response = await saveProfileNamed(h, 'n'.repeat(200_000));
      expect(response.statusCode).toBe(502);
      expect(response.json().error).toBe('platform_unavailable');
    } finally {
      await h.close();
    }
  });
});
