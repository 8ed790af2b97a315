import { element, getJson, postJson } from './api';
import { clockTime } from './callLog';
import { withFeedback } from './feedback';

/** The devtools' Inbox: cards the active player received (each can be opened as them), and their story posts. */

interface InboxCard {
  id: number;
  from_display_name: string;
  title: string;
  subtitle: string;
  query: string;
  channel: string;
  opened_at: number | null;
}

interface Inbox {
  cards: InboxCard[];
  storyPosts: { id: number; created_at: number }[];
}

export class InboxView {
  readonly element = element('ul', { className: 'inbox' });

  /** `warm`: whether the game is in the background, so a card brings it back instead of restarting it. */
  constructor(private readonly warm: () => boolean) {}

  async refresh(openId: string): Promise<void> {
    const { cards, storyPosts } = await getJson<Inbox>(`/__sim/inbox/${encodeURIComponent(openId)}`);
    const items = cards.map((card) => this.card(card));
    if (storyPosts.length > 0) {
      const latest = storyPosts[0]?.created_at ?? 0;
      const count = `${storyPosts.length} ${storyPosts.length === 1 ? 'post' : 'posts'}`;
      items.push(
        element('li', { className: 'story', dataset: { stories: String(storyPosts.length) } }, [
          element('strong', { textContent: 'Shared to your story' }),
          element('span', { className: 'muted', textContent: ` · ${count}, latest ${clockTime(latest)}` }),
        ]),
      );
    }
    this.element.replaceChildren(
      ...(items.length > 0 ? items : [element('li', { className: 'muted', textContent: 'No cards' })]),
    );
  }

  private card(card: InboxCard): HTMLLIElement {
    const open = element('button', { type: 'button', textContent: 'Open', className: 'small' });
    open.onclick = () =>
      void withFeedback(
        open,
        () => postJson('/__api/open-card', { id: card.id, warm: this.warm() }),
        'Opened as the receiver',
      );
    return element('li', {}, [
      element('div', {}, [
        element('strong', { textContent: card.title || '(no title)' }),
        element('span', {
          className: 'muted',
          textContent: ` from ${card.from_display_name} · ${card.channel}${card.opened_at ? ' · opened' : ''}`,
        }),
      ]),
      ...(card.subtitle ? [element('div', { className: 'muted', textContent: card.subtitle })] : []),
      element('div', { className: 'row' }, [
        element('code', { textContent: card.query ? `?${card.query}` : '(no query)' }),
        open,
      ]),
    ]);
  }
}
