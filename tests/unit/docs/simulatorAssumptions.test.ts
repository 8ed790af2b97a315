import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIMULATED_BEHAVIOURS, type SourceKind } from '../../../simulator/behaviours';

/**
 * The list under a heading of a Markdown page, one `[behaviour, source]` pair per item: an item starts
 * with "- " at the margin, runs until the next, and names its source after "Source: ".
 */
function itemsUnder(page: string, heading: string): string[][] {
  const text = readFileSync(page, 'utf8');
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`${page} has no "${heading}"`);
  const next = text.indexOf('\n## ', start + heading.length + 2);
  const section = text.slice(start + heading.length + 2, next < 0 ? undefined : next);
  const items: string[] = [];
  for (const line of section.split('\n')) {
    if (line.startsWith('- ')) items.push(line.slice(2));
    // Continuation lines, however the formatter indents them (it may unindent one inside a link).
    else if (line.trim() !== '' && items.length > 0) items[items.length - 1] += ` ${line.trim()}`;
  }
  return items.map((item) => {
    const at = item.indexOf(' Source: ');
    return at < 0
      ? [item.trim(), '']
      : [item.slice(0, at).trim(), item.slice(at + ' Source: '.length).trim()];
  });
}

/** How a source names each kind of source. */
const NAMES: Record<SourceKind, RegExp> = {
  tiktok: /https:\/\/developers\.tiktok\.com\//,
  douyin: /Douyin/,
  wechat: /WeChat/,
  guide: /the guide/,
  assumption: /assumption/,
};

describe('docs/simulator.md assumptions', () => {
  const rows = itemsUnder('docs/simulator.md', '## Assumptions where the guide is silent');
  const claim = (phrase: string) => rows.filter(([behaviour]) => behaviour?.includes(phrase));

  it('lists each behaviour the simulator implements exactly once', () => {
    const missing = SIMULATED_BEHAVIOURS.filter(({ row }) => claim(row).length !== 1).map(({ row }) => [
      row,
      claim(row).length,
    ]);
    expect(missing).toEqual([]);
  });

  it('has no row for a behaviour the simulator does not list', () => {
    const unclaimed = rows.filter(
      ([behaviour]) => !SIMULATED_BEHAVIOURS.some(({ row }) => behaviour?.includes(row)),
    );
    expect(unclaimed.map(([behaviour]) => behaviour)).toEqual([]);
  });

  it('gives each row the kinds of source its behaviour has, and names disputes', () => {
    const wrong: string[] = [];
    for (const { row, sources, disputed } of SIMULATED_BEHAVIOURS) {
      const source = claim(row)[0]?.[1] ?? '';
      for (const kind of sources) if (!NAMES[kind].test(source)) wrong.push(`${row}: no ${kind} source`);
      const saysSo = /contradict|disagree/.test(source);
      if (disputed && !saysSo) wrong.push(`${row}: does not say which pages contradict or disagree`);
      if (!disputed && saysSo) wrong.push(`${row}: says pages disagree, the behaviour list does not`);
    }
    expect(wrong).toEqual([]);
  });

  it('states the values the code implements (lifetimes, limits, codes, scopes, versions)', () => {
    const stale = SIMULATED_BEHAVIOURS.flatMap(({ row, facts = [] }) => {
      const text = (claim(row)[0] ?? []).join(' ');
      return facts.filter((fact) => !text.includes(fact)).map((fact) => `${row}: ${fact}`);
    });
    expect(stale).toEqual([]);
  });

  it('keeps every row sourced: a link, the guide, Douyin, WeChat or the word "assumption"', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    const unsourced = rows.filter(
      ([behaviour, source]) =>
        !behaviour || !source || !/https?:\/\/|the guide|assumption|Douyin|WeChat/i.test(source),
    );
    expect(unsourced).toEqual([]);
  });
});
