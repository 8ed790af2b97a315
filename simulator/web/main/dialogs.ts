import type { CardPreview } from '../../server/outcome';
import { type Contact, element } from './api';

/** The platform's own UI, drawn by the Main Frame over the phone: never reachable from the frames. */

function modal(host: HTMLElement, title: string): { box: HTMLElement; close(): void } {
  const backdrop = element('div', { className: 'modal-backdrop' });
  const box = element('div', { className: 'modal' });
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-modal', 'true');
  box.setAttribute('aria-label', title);
  box.append(element('h2', { textContent: title }));
  backdrop.append(box);
  host.append(backdrop);
  return { box, close: () => backdrop.remove() };
}

/** Resolves with the scopes the player allowed (empty when declined). */
export function askConsent(
  host: HTMLElement,
  appName: string,
  scopes: string[],
  labels: Record<string, string>,
): Promise<string[]> {
  return new Promise((resolve) => {
    const { box, close } = modal(host, `${appName} wants to access`);
    const boxes = scopes.map((scope) => {
      const input = element('input', { type: 'checkbox', checked: true, value: scope });
      box.append(element('label', { className: 'scope' }, [input, ` ${labels[scope] ?? scope}`]));
      return input;
    });
    const finish = (granted: string[]) => {
      close();
      resolve(granted);
    };
    box.append(
      element('div', { className: 'actions' }, [
        element('button', { textContent: "Don't allow", className: 'secondary', onclick: () => finish([]) }),
        element('button', {
          textContent: 'Allow',
          onclick: () => finish(boxes.filter((input) => input.checked).map((input) => input.value)),
        }),
      ]),
    );
  });
}

/**
 * Resolves with the picked contacts' open ids (empty when cancelled). The card shown is the one that will
 * be sent: on TikTok the title and image configured for the game, whatever the game passed.
 */
export function pickContacts(host: HTMLElement, contacts: Contact[], card: CardPreview): Promise<string[]> {
  return new Promise((resolve) => {
    const { box, close } = modal(host, 'Send to');
    const preview = element('figure', { className: 'card-preview' }, [
      element('img', { src: card.imageUrl, alt: '', width: 48, height: 48 }),
      element('figcaption', { textContent: card.title || '(no title)' }),
    ]);
    preview.setAttribute('aria-label', 'Card');
    box.append(preview);
    const picked = new Set<string>();
    const list = element('ul', { className: 'contacts' });
    const send = element('button', { textContent: 'Send', disabled: true });
    for (const contact of contacts) {
      const button = element('button', { className: 'contact' }, [
        element('img', { src: contact.avatar_url, alt: '', width: 28, height: 28 }),
        element('bdi', { textContent: contact.display_name }),
      ]);
      button.setAttribute('aria-pressed', 'false');
      button.onclick = () => {
        if (picked.has(contact.open_id)) picked.delete(contact.open_id);
        else picked.add(contact.open_id);
        button.setAttribute('aria-pressed', String(picked.has(contact.open_id)));
        send.disabled = picked.size === 0;
      };
      list.append(element('li', {}, [button]));
    }
    if (contacts.length === 0)
      list.append(element('li', { className: 'muted', textContent: 'No mutual followers yet' }));
    const finish = (openIds: string[]) => {
      close();
      resolve(openIds);
    };
    send.onclick = () => finish([...picked]);
    box.append(
      list,
      element('div', { className: 'actions' }, [
        element('button', { textContent: 'Cancel', className: 'secondary', onclick: () => finish([]) }),
        send,
      ]),
    );
  });
}

/**
 * The settings page `tt.openSetting` opens (Douyin: More, then Settings): a switch per scope the game has
 * asked for. Resolves with each scope's switch when the player taps "Done".
 */
export function openSettingsPage(
  host: HTMLElement,
  appName: string,
  scopes: { scope: string; allowed: boolean }[],
  labels: Record<string, string>,
): Promise<Record<string, boolean>> {
  return new Promise((resolve) => {
    const { box, close } = modal(host, `Settings: ${appName}`);
    const switches = scopes.map(({ scope, allowed }) => {
      const input = element('input', { type: 'checkbox', checked: allowed, value: scope });
      input.setAttribute('role', 'switch');
      box.append(element('label', { className: 'scope' }, [input, ` ${labels[scope] ?? scope}`]));
      return input;
    });
    if (scopes.length === 0)
      box.append(
        element('p', { className: 'muted', textContent: 'This game has not asked for any permission yet' }),
      );
    box.append(
      element('div', { className: 'actions' }, [
        element('button', {
          textContent: 'Done',
          onclick: () => {
            close();
            resolve(Object.fromEntries(switches.map((input) => [input.value, input.checked])));
          },
        }),
      ]),
    );
  });
}
