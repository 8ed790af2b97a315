import { element, getJson, postJson } from './api';
import type { Host } from './host';

/** The devtools side panel: users, call log, cloud storage, inbox, authorization, faults, analytics. */

interface SimUser {
  open_id: string;
  display_name: string;
  note: string;
  friends: number;
  friendsWhoPlay: number;
}

interface LogEntry {
  seq: number;
  at: number;
  domain: string;
  api: string;
  args: unknown;
  ok: boolean;
  result: unknown;
}

interface InboxCard {
  id: number;
  from_display_name: string;
  title: string;
  subtitle: string;
  query: string;
  channel: string;
  opened_at: number | null;
}

interface EntryStats {
  exposures: number;
  clicks: number;
  clickThroughRate: number | null;
}

function section(title: string, ...children: Node[]): HTMLElement {
  const heading = element('h2', { textContent: title });
  const body = element('section', {}, [heading, ...children]);
  body.setAttribute('aria-label', title);
  return body;
}

export class Devtools {
  private readonly userSelect = element('select', { id: 'active-user' });
  private readonly log = element('ol', { className: 'log' });
  private readonly cloudUser = element('select', { id: 'cloud-user' });
  private readonly cloudTable = element('table', { className: 'kv' });
  private readonly inbox = element('ul', { className: 'inbox' });
  private readonly grants = element('ul', { className: 'grants' });
  private readonly analytics = element('table', { className: 'kv' });
  private readonly faultStatus = element('p', { className: 'muted' });
  private lastSeq = 0;

  constructor(
    private readonly host: Host,
    private readonly panel: HTMLElement,
  ) {}

  async build(): Promise<void> {
    const { users, active } = await getJson<{ users: SimUser[]; active: string }>('/__sim/users');
    for (const user of users) {
      const label = `${user.display_name}${user.note ? ` (${user.note})` : ''}`;
      this.userSelect.append(element('option', { value: user.open_id, textContent: label }));
      this.cloudUser.append(element('option', { value: user.open_id, textContent: user.display_name }));
    }
    this.userSelect.value = active;
    this.cloudUser.value = active;
    const switchButton = element('button', {
      textContent: 'Switch user',
      onclick: () => void postJson('/__sim/user', { openId: this.userSelect.value }),
    });
    this.cloudUser.onchange = () => void this.refreshCloud();

    this.panel.append(
      section(
        'Player',
        element('label', {}, ['Active user ', this.userSelect]),
        switchButton,
        element('div', { className: 'row' }, [
          element('button', {
            textContent: 'Send to background',
            className: 'secondary',
            onclick: () => this.host.lifecycle('hide'),
          }),
          element('button', {
            textContent: 'Bring to foreground',
            className: 'secondary',
            onclick: () => this.host.lifecycle('show'),
          }),
          element('button', {
            textContent: 'Reset simulator',
            className: 'secondary',
            onclick: () => void postJson('/__sim/reset', {}),
          }),
        ]),
      ),
      section(
        'Authorization',
        this.grants,
        element('button', {
          textContent: 'Reset authorization',
          onclick: () => void this.resetAuthorization(),
        }),
      ),
      section('Leaderboard button', this.analytics),
      section('Inbox', this.inbox),
      section('Cloud storage', element('label', {}, ['User ', this.cloudUser]), this.cloudTable),
      section('Faults', this.faultForm(), this.faultStatus),
      section('API calls', this.log),
    );
    await this.refresh();
    window.setInterval(() => void this.refresh(), 1000);
  }

  private faultForm(): HTMLElement {
    const number = (label: string, name: string, step: string) =>
      element('label', {}, [
        `${label} `,
        element('input', { type: 'number', name, min: '0', step, value: '0' }),
      ]);
    const form = element('form', { className: 'faults' }, [
      number('Latency (ms)', 'latencyMs', '50'),
      number('Failure rate (0..1)', 'failureRate', '0.1'),
      element('label', {}, [
        'Always fail APIs ',
        element('input', { type: 'text', name: 'failApis', placeholder: 'setUserCloudStorage, …' }),
      ]),
      element('label', {}, [
        element('input', { type: 'checkbox', name: 'emptyFriends' }),
        ' Empty friend list',
      ]),
      number('Slow avatars (ms)', 'slowAvatarsMs', '100'),
      element('button', { type: 'submit', textContent: 'Apply faults' }),
    ]);
    form.onsubmit = (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const body = {
        latencyMs: Number(data.get('latencyMs')),
        failureRate: Number(data.get('failureRate')),
        failApis: String(data.get('failApis') ?? '')
          .split(',')
          .map((api) => api.trim())
          .filter(Boolean),
        emptyFriends: data.get('emptyFriends') === 'on',
        slowAvatarsMs: Number(data.get('slowAvatarsMs')),
      };
      postJson('/__sim/faults', body)
        .then(() => {
          this.faultStatus.textContent = 'Faults applied';
        })
        .catch((error: unknown) => {
          this.faultStatus.textContent = String(error);
        });
    };
    return form;
  }

  private async resetAuthorization(): Promise<void> {
    const user = this.host.user;
    if (user) await postJson('/__sim/authorization', { openId: user.open_id, scopes: [] });
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    const user = this.host.user;
    if (!user) return;
    if (document.activeElement !== this.userSelect) this.userSelect.value = user.open_id;
    await Promise.all([
      this.refreshLog(),
      this.refreshCloud(),
      this.refreshInbox(user.open_id),
      this.refreshGrants(user.open_id),
      this.refreshAnalytics(),
    ]).catch(() => {
      // the simulator is restarting; the next tick retries
    });
  }

  private async refreshLog(): Promise<void> {
    const { entries } = await getJson<{ entries: LogEntry[] }>(`/__sim/log?since=${this.lastSeq}`);
    for (const entry of entries) {
      this.lastSeq = Math.max(this.lastSeq, entry.seq);
      const summary = element('summary', {
        textContent: `${entry.ok ? '✓' : '✗'} [${entry.domain}] ${entry.api}`,
      });
      const details = element('details', {}, [
        summary,
        element('pre', {
          textContent: `args ${JSON.stringify(entry.args, null, 1)}\nresult ${JSON.stringify(entry.result, null, 1)}`,
        }),
      ]);
      this.log.prepend(element('li', { className: entry.ok ? 'ok' : 'fail' }, [details]));
    }
    while (this.log.childElementCount > 200) this.log.lastElementChild?.remove();
  }

  private async refreshCloud(): Promise<void> {
    const { data } = await getJson<{ data: { key: string; value: string }[] }>(
      `/__sim/cloud/${encodeURIComponent(this.cloudUser.value)}`,
    );
    const rows = data.map((item) =>
      element('tr', {}, [
        element('th', { textContent: item.key }),
        element('td', { textContent: item.value }),
      ]),
    );
    this.cloudTable.replaceChildren(
      ...(rows.length > 0 ? rows : [element('tr', {}, [element('td', { textContent: 'no cloud data' })])]),
    );
  }

  private async refreshInbox(openId: string): Promise<void> {
    const { cards } = await getJson<{ cards: InboxCard[] }>(`/__sim/inbox/${encodeURIComponent(openId)}`);
    const items = cards.map((card) =>
      element('li', {}, [
        element('strong', { textContent: card.title || '(no title)' }),
        element('span', {
          className: 'muted',
          textContent: ` from ${card.from_display_name} · ${card.channel}${card.opened_at ? ' · opened' : ''}`,
        }),
        element('div', { className: 'muted', textContent: card.subtitle }),
        element('code', { textContent: card.query ? `?${card.query}` : '(no query)' }),
        element('button', {
          textContent: 'Open',
          onclick: () => void postJson('/__api/open-card', { id: card.id }),
        }),
      ]),
    );
    this.inbox.replaceChildren(
      ...(items.length > 0 ? items : [element('li', { className: 'muted', textContent: 'No cards' })]),
    );
  }

  private async refreshGrants(openId: string): Promise<void> {
    const { scopes, granted } = await getJson<{ scopes: Record<string, string>; granted: string[] }>(
      `/__sim/authorization/${encodeURIComponent(openId)}`,
    );
    this.grants.replaceChildren(
      ...Object.entries(scopes).map(([scope, label]) =>
        element('li', {
          textContent: `${label} (${scope}): ${granted.includes(scope) ? 'granted' : 'not granted'}`,
        }),
      ),
    );
  }

  private async refreshAnalytics(): Promise<void> {
    const { leaderboardButton } = await getJson<{ leaderboardButton: Record<string, EntryStats> }>(
      '/__sim/analytics',
    );
    const percent = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)}%`);
    this.analytics.replaceChildren(
      element('tr', {}, [
        element('th', { textContent: 'entry point' }),
        element('th', { textContent: 'exposures' }),
        element('th', { textContent: 'clicks' }),
        element('th', { textContent: 'CTR' }),
      ]),
      ...Object.entries(leaderboardButton).map(([point, stats]) =>
        element('tr', { dataset: { entryPoint: point } }, [
          element('td', { textContent: point }),
          element('td', { textContent: String(stats.exposures) }),
          element('td', { textContent: String(stats.clicks) }),
          element('td', { textContent: percent(stats.clickThroughRate) }),
        ]),
      ),
    );
  }
}
