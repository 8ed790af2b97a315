import type { FailResult } from './errors';

/** What a platform call answers: a result, a failure, or a question for the player (Main Frame UI). */
export type Outcome =
  | { kind: 'ok'; result: Record<string, unknown> }
  | { kind: 'fail'; fail: FailResult }
  | { kind: 'consent'; ticket: string; scopes: string[] }
  | { kind: 'contacts'; ticket: string; contacts: Contact[]; card: CardPreview }
  | { kind: 'settings'; ticket: string; scopes: SettingRow[] };

export interface Contact {
  open_id: string;
  display_name: string;
  avatar_url: string;
}

/** What the contact picker shows of the card about to be sent. */
export interface CardPreview {
  title: string;
  imageUrl: string;
}

/** One row of the settings page: a scope the game asked for, and whether it is allowed now. */
export interface SettingRow {
  scope: string;
  allowed: boolean;
}

export const ok = (api: string, result: Record<string, unknown> = {}): Outcome => ({
  kind: 'ok',
  result: { errMsg: `${api}:ok`, ...result },
});
