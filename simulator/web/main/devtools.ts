import { element, getJson, postJson } from './api';
import { CallLogView } from './callLog';
import { faultsForm } from './faultsForm';
import { withFeedback } from './feedback';
import type { Host } from './host';
import { InboxView } from './inboxView';
import { PhonePanel } from './phonePanel';

/**
 * The devtools beside the phone: a column of controls (player, authorization, cloud storage,
 * analytics, inbox, faults) and the API calls pane. Each list scrolls in one place only.
 */

interface SimUser {
  open_id: string;
  display_name: string;
  avatar_url: string;
  note: string;
}

interface EntryStats {
  exposures: number;
  clicks: number;
  clickThroughRate: number | null;
}

function section(title: string, ...children: Node[]): HTMLElement {
  const body = element('section', { className: 'card' }, [
    element('h2', { textContent: title }),
    ...children,
  ]);
  body.setAttribute('aria-label', title);
  return body;
}

const button = (textContent: string, className = '') =>
  element('button', { type: 'button', textContent, className });

export class Devtools {
  private readonly userSelect = element('select', { id: 'active-user' });
  private readonly who = element('p', { className: 'who' });
  private readonly cloudUser = element('select', { id: 'cloud-user' });
  private readonly cloudTable = element('table', { className: 'kv' });
  private readonly inbox: InboxView;
  private readonly phone = new PhonePanel();
  private readonly grants = element('ul', { className: 'grants' });
  private readonly analytics = element('table', { className: 'kv stats' });
  private readonly log = new CallLogView();
  private readonly faults = faultsForm();
  private users: SimUser[] = [];
  /** What the authorization list shows, so the 1 s refresh rebuilds it (and its buttons) only on change. */
  private grantsShown = '';
  /** The player the panel last showed, to notice a switch made anywhere (panel, card, control API). */
  private shownPlayer = '';

  constructor(
    private readonly host: Host,
    private readonly panel: HTMLElement,
  ) {
    this.inbox = new InboxView(() => host.inBackground);
  }

  async build(): Promise<void> {
    const { users } = await getJson<{ users: SimUser[]; active: string }>('/__sim/users');
    this.users = users;
    for (const user of users) {
      const label = `${user.display_name}${user.note ? ` (${user.note})` : ''}`;
      this.userSelect.append(element('option', { value: user.open_id, textContent: label }));
      this.cloudUser.append(element('option', { value: user.open_id, textContent: user.display_name }));
    }
    this.cloudUser.onchange = () => void this.refreshCloud();

    const controls = element('div', { className: 'controls' }, [
      this.playerSection(),
      this.authorizationSection(),
      section(
        'Cloud storage',
        element('label', { className: 'field inline' }, [
          element('span', { textContent: 'User' }),
          this.cloudUser,
        ]),
        this.cloudTable,
      ),
      section('Leaderboard button', this.analytics),
      section('Inbox', this.inbox.element),
      this.phone.element,
      section('Faults', this.faults.form),
    ]);
    this.panel.append(controls, this.log.element);
    await Promise.all([this.refresh(), this.settings()]);
    window.setInterval(() => void this.refresh(), 1000);
  }

  /** After the game restarted (switch, card, reset): show the new state now, not at the next tick. */
  async reloaded(): Promise<void> {
    await Promise.all([this.refresh(), this.settings()]);
  }

  /** The phone's settings changed (here or through the control API). */
  async deviceChanged(): Promise<void> {
    await this.settings();
  }

  private async settings(): Promise<void> {
    await Promise.all([this.faults.load(), this.phone.load()]).catch(() => undefined);
  }

  private playerSection(): HTMLElement {
    const switchUser = button('Switch');
    switchUser.onclick = () => {
      const openId = this.userSelect.value;
      void withFeedback(
        switchUser,
        () => postJson('/__sim/user', { openId }),
        () => `Playing as ${this.name(openId)}`,
      );
    };
    const hide = button('Send to background', 'secondary');
    hide.onclick = () => void withFeedback(hide, async () => this.host.lifecycle('hide'), 'onHide sent');
    const show = button('Bring to foreground', 'secondary');
    show.onclick = () => void withFeedback(show, async () => this.host.lifecycle('show'), 'onShow sent');
    const reset = button('Reset simulator', 'secondary danger');
    reset.onclick = () =>
      void withFeedback(reset, () => postJson('/__sim/reset', {}), 'Simulator reset to the seeded world');
    return section(
      'Player',
      this.who,
      element('div', { className: 'row' }, [
        element('label', { className: 'field inline grow' }, [
          element('span', { textContent: 'Active user' }),
          this.userSelect,
        ]),
        switchUser,
      ]),
      element('div', { className: 'row' }, [hide, show]),
      element('div', { className: 'row' }, [reset]),
    );
  }

  private authorizationSection(): HTMLElement {
    const reset = button('Reset authorization', 'secondary');
    reset.onclick = () =>
      void withFeedback(
        reset,
        async () => {
          const user = this.host.user;
          if (user) await postJson('/__sim/authorization', { openId: user.open_id, scopes: [] });
          await this.refresh();
        },
        'Scopes revoked and refusals forgotten: the next request asks again',
      );
    return section('Authorization', this.grants, element('div', { className: 'row' }, [reset]));
  }

  private name(openId: string): string {
    return this.users.find((user) => user.open_id === openId)?.display_name ?? openId;
  }

  async refresh(): Promise<void> {
    const user = this.host.user;
    if (!user) return;
    if (user.open_id !== this.shownPlayer) {
      // A new player: every per-player view follows, including the cloud viewer's choice.
      this.shownPlayer = user.open_id;
      if (document.activeElement !== this.userSelect) this.userSelect.value = user.open_id;
      this.cloudUser.value = user.open_id;
      this.who.replaceChildren(
        element('img', { src: user.avatar_url, alt: '', width: 28, height: 28 }),
        element('bdi', { textContent: user.display_name }),
        element('code', { textContent: user.open_id }),
      );
    }
    await Promise.all([
      this.log.refresh(),
      this.refreshCloud(),
      this.inbox.refresh(user.open_id),
      this.refreshGrants(user.open_id),
      this.refreshAnalytics(),
    ]).catch(() => {
      // the simulator is restarting; the next tick retries
    });
  }

  private async refreshCloud(): Promise<void> {
    const openId = this.cloudUser.value;
    const { data } = await getJson<{ data: { key: string; value: string }[] }>(
      `/__sim/cloud/${encodeURIComponent(openId)}`,
    );
    // A slower answer for the user picked before must not overwrite the one picked now.
    if (openId !== this.cloudUser.value) return;
    const rows = data.map((item) =>
      element('tr', {}, [
        element('th', { textContent: item.key }),
        element('td', { textContent: item.value }),
      ]),
    );
    this.cloudTable.replaceChildren(
      ...(rows.length > 0
        ? rows
        : [element('tr', {}, [element('td', { className: 'muted', textContent: 'No cloud data' })])]),
    );
  }

  private async refreshGrants(openId: string): Promise<void> {
    const { scopes, granted, refused } = await getJson<{
      scopes: Record<string, string>;
      granted: string[];
      refused: string[];
    }>(`/__sim/authorization/${encodeURIComponent(openId)}`);
    const shown = JSON.stringify([openId, granted, refused]);
    if (shown === this.grantsShown) return;
    this.grantsShown = shown;
    this.grants.replaceChildren(
      ...Object.entries(scopes).map(([scope, label]) => {
        const held = granted.includes(scope);
        const off = refused.includes(scope);
        // The platform's settings page: a refused scope is asked again only after it is turned back on.
        const toggle = off || held ? button(off ? 'Turn back on' : 'Turn off', 'small secondary') : null;
        if (toggle)
          toggle.onclick = () =>
            void withFeedback(
              toggle,
              async () => {
                await postJson('/__sim/settings', { openId, scope, allowed: off });
                await this.refreshGrants(openId);
              },
              off ? 'The next request asks again' : 'Turned off: requests fail without asking',
            );
        return element('li', { dataset: { scope } }, [
          element('div', {}, [
            element('span', { textContent: label }),
            element('code', { textContent: scope }),
          ]),
          element('span', {
            className: `badge ${held ? 'on' : 'off'}`,
            textContent: held ? 'granted' : off ? 'refused · turned off' : 'not granted',
          }),
          // No .row around it: feedback then lands right after the button, inside this list item.
          ...(toggle ? [toggle] : []),
        ]);
      }),
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
