/** The rows the simulator's store keeps, and the SQLite schema that holds them (store.ts). */

export interface UserRow {
  open_id: string;
  user_id: number;
  display_name: string;
  /** 1 for the hand-made fixture users shown in the devtools, 0 for the generated crowd. */
  featured: number;
  note: string;
}

export interface CloudItem {
  key: string;
  value: string;
}

export interface CodeRow {
  code: string;
  open_id: string;
  scope: string;
  created_at: number;
  used_at: number | null;
}

export interface TokenRow {
  access_token: string;
  open_id: string;
  scope: string;
  expires_at: number;
  refresh_token: string;
}

export interface RefreshTokenRow {
  refresh_token: string;
  open_id: string;
  scope: string;
  expires_at: number;
  used_at: number | null;
}

export interface InboxCard {
  id: number;
  to_open_id: string;
  from_open_id: string;
  channel: 'shareToUser' | 'shareAppMessage';
  title: string;
  subtitle: string;
  image_url: string;
  template_type: number;
  query: string;
  path: string;
  created_at: number;
  opened_at: number | null;
}

export type NewInboxCard = Omit<InboxCard, 'id' | 'opened_at'>;

export const schema = `
CREATE TABLE IF NOT EXISTS users (
  open_id TEXT PRIMARY KEY, user_id INTEGER NOT NULL UNIQUE, display_name TEXT NOT NULL,
  featured INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS friendships (
  a TEXT NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b));
CREATE TABLE IF NOT EXISTS cloud (
  open_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (open_id, key));
CREATE TABLE IF NOT EXISTS grants (
  open_id TEXT NOT NULL, scope TEXT NOT NULL, PRIMARY KEY (open_id, scope));
CREATE TABLE IF NOT EXISTS refusals (
  open_id TEXT NOT NULL, scope TEXT NOT NULL, PRIMARY KEY (open_id, scope));
CREATE TABLE IF NOT EXISTS codes (
  code TEXT PRIMARY KEY, open_id TEXT NOT NULL, scope TEXT NOT NULL,
  created_at INTEGER NOT NULL, used_at INTEGER);
CREATE TABLE IF NOT EXISTS tokens (
  access_token TEXT PRIMARY KEY, open_id TEXT NOT NULL, scope TEXT NOT NULL,
  expires_at INTEGER NOT NULL, refresh_token TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS refresh_tokens (
  refresh_token TEXT PRIMARY KEY, open_id TEXT NOT NULL, scope TEXT NOT NULL,
  expires_at INTEGER NOT NULL, used_at INTEGER);
CREATE TABLE IF NOT EXISTS inbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT, to_open_id TEXT NOT NULL, from_open_id TEXT NOT NULL,
  channel TEXT NOT NULL, title TEXT NOT NULL, subtitle TEXT NOT NULL, image_url TEXT NOT NULL,
  template_type INTEGER NOT NULL, query TEXT NOT NULL, path TEXT NOT NULL,
  created_at INTEGER NOT NULL, opened_at INTEGER);
CREATE TABLE IF NOT EXISTS stories (
  id INTEGER PRIMARY KEY AUTOINCREMENT, open_id TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** Every table, for a wipe back to the seeded world. */
export const TABLES = [
  'users',
  'friendships',
  'cloud',
  'grants',
  'refusals',
  'codes',
  'tokens',
  'refresh_tokens',
  'inbox',
  'stories',
  'settings',
] as const;
