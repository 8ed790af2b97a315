import type { LogEntry } from '../../server/runtimeState';
import { element, getJson } from './api';

/** The devtools' API calls pane: every platform call, newest first, with its time, arguments and result. */

/** The server keeps 300; the pane keeps as many, so nothing the server still has is hidden. */
const MAX_ROWS = 300;
const BRIEF_CHARS = 80;

const two = (n: number) => String(n).padStart(2, '0');

/** Wall-clock time to the millisecond: calls a few ms apart are the ones worth telling apart. */
export function clockTime(at: number): string {
  const date = new Date(at);
  const ms = String(date.getMilliseconds()).padStart(3, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${ms}`;
}

/**
 * How a call ended: ✓ success, ✗ failure, or ○ a status-only check that found a scope missing (its `fail`
 * ran, but it answered the question it asked; the game starts without the grant every time).
 */
function outcomeOf(entry: LogEntry): { className: string; glyph: string; label: string } {
  if (entry.ok) return { className: 'ok', glyph: '✓', label: 'succeeded' };
  if (entry.statusOnly) return { className: 'status-answer', glyph: '○', label: 'status check: not granted' };
  return { className: 'fail', glyph: '✗', label: 'failed' };
}

function brief(entry: LogEntry): string {
  const result = entry.result as { errMsg?: unknown } | null;
  if (!entry.ok && typeof result?.errMsg === 'string') return result.errMsg;
  // Every success says `<api>:ok`; the rest of the result is what tells calls apart.
  const { errMsg: _ok, ...rest } = (entry.result ?? {}) as Record<string, unknown>;
  const text = JSON.stringify(rest) ?? '';
  return text === '{}' ? '' : text.length > BRIEF_CHARS ? `${text.slice(0, BRIEF_CHARS - 1)}…` : text;
}

function row(entry: LogEntry): HTMLLIElement {
  const time = element('time', { className: 'at', textContent: clockTime(entry.at) });
  time.dateTime = new Date(entry.at).toISOString();
  const outcome = outcomeOf(entry);
  const status = element('span', { className: 'status', textContent: outcome.glyph });
  status.setAttribute('aria-label', outcome.label);
  const summary = element('summary', {}, [
    time,
    status,
    element('span', { className: `domain ${entry.domain}`, textContent: entry.domain }),
    element('span', { className: 'api', textContent: entry.api }),
    element('span', { className: 'brief', textContent: brief(entry) }),
  ]);
  const json = (value: unknown) => JSON.stringify(value, null, 2) ?? 'undefined';
  const body = element('dl', {}, [
    element('dt', { textContent: 'player' }),
    element('dd', { textContent: entry.openId }),
    element('dt', { textContent: 'args' }),
    element('dd', {}, [element('pre', { textContent: json(entry.args) })]),
    element('dt', { textContent: 'result' }),
    element('dd', {}, [element('pre', { textContent: json(entry.result) })]),
  ]);
  return element('li', { className: outcome.className, dataset: { api: entry.api, domain: entry.domain } }, [
    element('details', {}, [summary, body]),
  ]);
}

export class CallLogView {
  readonly element: HTMLElement;
  private readonly list = element('ol', { className: 'log' });
  private readonly count = element('span', { className: 'count' });
  private readonly filter = element('input', {
    type: 'search',
    placeholder: 'Filter: API, game, context',
    className: 'filter',
  });
  private readonly failuresOnly = element('input', { type: 'checkbox' });
  private epoch = 0;
  private lastSeq = 0;

  constructor() {
    this.filter.setAttribute('aria-label', 'Filter API calls');
    this.filter.oninput = () => this.applyFilter();
    this.failuresOnly.onchange = () => this.applyFilter();
    const clear = element('button', { type: 'button', textContent: 'Clear', className: 'secondary small' });
    clear.onclick = () => {
      this.list.replaceChildren();
      this.updateCount();
    };
    const heading = element('header', {}, [
      element('h2', { textContent: 'API calls' }),
      this.count,
      element('div', { className: 'tools' }, [
        this.filter,
        element('label', { className: 'check' }, [this.failuresOnly, 'Failures only']),
        clear,
      ]),
    ]);
    this.element = element('section', { className: 'log-pane' }, [heading, this.list]);
    this.element.setAttribute('aria-label', 'API calls');
  }

  async refresh(): Promise<void> {
    const { epoch, entries } = await getJson<{ epoch: number; entries: LogEntry[] }>(
      `/__sim/log?since=${this.lastSeq}`,
    );
    if (epoch === this.epoch) return this.add(entries);
    // A new log (first look, or the simulator was reset and counts from 1 again): start over.
    const fresh =
      this.lastSeq === 0 ? entries : (await getJson<{ entries: LogEntry[] }>('/__sim/log?since=0')).entries;
    this.epoch = epoch;
    this.lastSeq = 0;
    this.list.replaceChildren();
    this.add(fresh);
  }

  private add(entries: LogEntry[]): void {
    for (const entry of entries) {
      this.lastSeq = Math.max(this.lastSeq, entry.seq);
      const item = row(entry);
      item.hidden = !this.matches(item);
      this.list.prepend(item);
    }
    while (this.list.childElementCount > MAX_ROWS) this.list.lastElementChild?.remove();
    this.updateCount();
  }

  private matches(item: HTMLLIElement): boolean {
    if (this.failuresOnly.checked && !item.classList.contains('fail')) return false;
    const words = this.filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const text = `${item.dataset.api ?? ''} ${item.dataset.domain ?? ''}`.toLowerCase();
    return words.every((word) => text.includes(word));
  }

  private applyFilter(): void {
    for (const item of this.list.children) {
      if (item instanceof HTMLLIElement) item.hidden = !this.matches(item);
    }
    this.updateCount();
  }

  private updateCount(): void {
    const items = [...this.list.children];
    const failed = items.filter((item) => item.classList.contains('fail')).length;
    const shown = items.filter((item) => !(item as HTMLElement).hidden).length;
    const total = `${items.length} ${items.length === 1 ? 'call' : 'calls'}, ${failed} failed`;
    this.count.textContent = shown === items.length ? total : `${shown} of ${total}`;
  }
}
