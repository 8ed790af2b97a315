/**
 * Refused requests are counted, not logged one by one: a flood of refusals used to write two log lines
 * each (half a gigabyte in one flood). One summary per interval says how many were refused, by rule,
 * and who was refused most.
 */
export interface RefusalSummary {
  refused: number;
  byRule: Record<string, number>;
  /** The most refused keys (`player:<open_id>` or `address:<ip>`), most first, with their counts. */
  top: { key: string; refused: number }[];
}

/** Distinct keys remembered per interval; beyond them only the totals grow (a flood from many addresses). */
const MAX_KEYS = 10_000;
const TOP = 5;

export class RefusalTally {
  private refused = 0;
  private byRule = new Map<string, number>();
  private byKey = new Map<string, number>();

  count(rule: string, key: string): void {
    this.refused += 1;
    this.byRule.set(rule, (this.byRule.get(rule) ?? 0) + 1);
    const held = this.byKey.get(key);
    if (held !== undefined) this.byKey.set(key, held + 1);
    else if (this.byKey.size < MAX_KEYS) this.byKey.set(key, 1);
  }

  /** The interval's summary, or null when nothing was refused; counting starts again from zero. */
  take(): RefusalSummary | null {
    if (this.refused === 0) return null;
    const top = [...this.byKey]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([key, refused]) => ({ key, refused }));
    const summary = { refused: this.refused, byRule: Object.fromEntries(this.byRule), top };
    this.refused = 0;
    this.byRule = new Map();
    this.byKey = new Map();
    return summary;
  }
}
