import { describe, expect, it, vi } from 'vitest';
import {
  FALLBACK_NAME,
  formatScore,
  graphemes,
  isRightToLeft,
  MAX_NAME_GRAPHEMES,
  sanitizeDisplayName,
  truncateGraphemes,
} from '../../../assets/scripts/social/displayName';
import { challengeCard, passedCard } from '../../../assets/scripts/social/shareCard';

describe('sanitizeDisplayName', () => {
  it('strips controls and bidi overrides, collapses whitespace', () => {
    expect(sanitizeDisplayName('  Ma\u202Eya\n\tK\u0000 ')).toBe('Maya K');
  });

  it('falls back for non-strings and names that are empty once cleaned', () => {
    for (const raw of [undefined, null, 42, {}, '', '   ', '\u202E\u200F']) {
      expect(sanitizeDisplayName(raw)).toBe(FALLBACK_NAME);
    }
  });

  it('keeps emoji sequences whole and caps very long names', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(graphemes(`a${family}b`)).toEqual(['a', family, 'b']);
    const long = sanitizeDisplayName(family.repeat(500));
    expect(graphemes(long)).toHaveLength(MAX_NAME_GRAPHEMES);
  });
});

describe('truncateGraphemes', () => {
  it('ends with an ellipsis only when it cut something', () => {
    expect(truncateGraphemes('Leo', 5)).toBe('Leo');
    expect(truncateGraphemes('Alexandria', 5)).toBe('Alex…');
    expect(truncateGraphemes('🎉🎉🎉🎉', 3)).toBe('🎉🎉…');
    // A cut just after a space drops it: no gap before the ellipsis.
    expect(truncateGraphemes('Bartholomew Maximilian Featherstonehaugh', 24)).toBe('Bartholomew Maximilian…');
  });
});

describe('isRightToLeft', () => {
  it('follows the first strong character', () => {
    expect(isRightToLeft('مريم')).toBe(true);
    expect(isRightToLeft('🎉 שרה')).toBe(true);
    expect(isRightToLeft('Sara שרה')).toBe(false);
    expect(isRightToLeft('123')).toBe(false);
  });
});

describe('formatScore', () => {
  it('groups thousands the same on every locale', () => {
    expect(formatScore(0)).toBe('0');
    expect(formatScore(1_234_567)).toBe('1,234,567');
  });
});

describe('share cards', () => {
  it('names the score the friend has to beat', () => {
    expect(challengeCard(1_500, 'Leo', 1_200)).toEqual({
      title: 'Beat my 1,500 points!',
      subtitle: 'Leo, your best is 1,200.',
    });
    // The receiver (Leo) reads it: the sender is 120 points behind him.
    expect(challengeCard(1_000, 'Leo', 1_119).title).toBe("I'm 120 points from passing you");
    expect(challengeCard(null, 'Leo', null).title).toBe('Play with me!');
    expect(challengeCard(300, 'Leo', null).title).toBe('Beat my 300 points!');
  });

  it('shortens long names in a passed card', () => {
    const card = passedCard(2_000, 'A'.repeat(40));
    expect(card.title).toBe('I just passed you with 2,000!');
    expect(card.subtitle).toBe(`${'A'.repeat(19)}…, beat 2,000 to take it back.`);
  });
});

describe('without Intl.Segmenter', () => {
  it('still loads, splitting by code points', async () => {
    const intl = Intl as { Segmenter?: unknown };
    const segmenter = intl.Segmenter;
    delete intl.Segmenter;
    try {
      expect(intl.Segmenter).toBeUndefined();
      vi.resetModules();
      const fresh = await import('../../../assets/scripts/social/displayName');
      expect(fresh.graphemes('a🎉b')).toEqual(['a', '🎉', 'b']);
      expect(fresh.truncateGraphemes('🎉🎉🎉🎉', 3)).toBe('🎉🎉…');
      // A joined emoji sequence falls apart into its code points: the price of the fallback.
      expect(fresh.graphemes('👨‍👩‍👧')).toHaveLength(5);
    } finally {
      intl.Segmenter = segmenter;
      vi.resetModules();
    }
  });
});
