import type { DeviceSettings } from '../../device';

/** The Main Frame's calls to its own server (same origin; frames cannot make these). */

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(await failure(path, response));
  return (await response.json()) as T;
}

/** The server's own words (`{error}`), so feedback next to a button says what was wrong. */
async function failure(path: string, response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { error?: unknown };
    if (typeof body.error === 'string') return body.error;
  } catch {
    // not JSON: fall through to the raw answer
  }
  return `${path}: HTTP ${response.status} ${text}`.trim();
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(await failure(path, response));
  return (await response.json()) as T;
}

// The server's answer to a platform call, as `/__api/call`, `/__api/consent` and `/__api/contacts` send it.
export type { Contact, Outcome } from '../../server/platform';

export interface SessionInfo {
  user: { open_id: string; display_name: string; avatar_url: string };
  launchOptions: { query: Record<string, string>; scene: string };
  device: DeviceSettings;
  storageNamespace: string;
  scopeLabels: Record<string, string>;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  const { dataset, ...rest } = props;
  Object.assign(node, rest);
  if (dataset) Object.assign(node.dataset, dataset);
  node.append(...children);
  return node;
}
