import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  type CloudItem,
  type CodeRow,
  type InboxCard,
  type NewInboxCard,
  type RefreshTokenRow,
  schema,
  TABLES,
  type TokenRow,
  type UserRow,
} from './storeSchema';

export type {
  CloudItem,
  CodeRow,
  InboxCard,
  NewInboxCard,
  RefreshTokenRow,
  TokenRow,
  UserRow,
} from './storeSchema';

/** Everything the platform services persist. One SQLite file, so a restart (even SIGKILL) loses nothing. */

export class Store {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'simulator.sqlite'));
    this.db.pragma('journal_mode = WAL');
    // FULL: every committed write is on disk before the API call answers.
    this.db.pragma('synchronous = FULL');
    this.db.exec(schema);
  }

  close(): void {
    this.db.close();
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  isEmpty(): boolean {
    const row = this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number };
    return row.n === 0;
  }

  wipe(): void {
    for (const table of TABLES) this.db.exec(`DELETE FROM ${table}`);
    this.db.exec("DELETE FROM sqlite_sequence WHERE name IN ('inbox', 'stories')");
  }

  // users and friendships

  insertUser(user: UserRow): void {
    this.db
      .prepare('INSERT INTO users (open_id, user_id, display_name, featured, note) VALUES (?, ?, ?, ?, ?)')
      .run(user.open_id, user.user_id, user.display_name, user.featured, user.note);
  }

  user(openId: string): UserRow | undefined {
    return this.db.prepare('SELECT * FROM users WHERE open_id = ?').get(openId) as UserRow | undefined;
  }

  users(includeCrowd: boolean): UserRow[] {
    const sql = includeCrowd
      ? 'SELECT * FROM users ORDER BY user_id'
      : 'SELECT * FROM users WHERE featured = 1 ORDER BY user_id';
    return this.db.prepare(sql).all() as UserRow[];
  }

  /** Friendships are mutual follows, stored once per pair with a < b. */
  addFriendship(one: string, other: string): void {
    const [a, b] = one < other ? [one, other] : [other, one];
    this.db.prepare('INSERT OR IGNORE INTO friendships (a, b) VALUES (?, ?)').run(a, b);
  }

  friendIds(openId: string): string[] {
    const rows = this.db
      .prepare(
        'SELECT b AS id FROM friendships WHERE a = ? UNION SELECT a AS id FROM friendships WHERE b = ?',
      )
      .all(openId, openId) as { id: string }[];
    return rows.map((row) => row.id);
  }

  areFriends(one: string, other: string): boolean {
    const [a, b] = one < other ? [one, other] : [other, one];
    return this.db.prepare('SELECT 1 FROM friendships WHERE a = ? AND b = ?').get(a, b) !== undefined;
  }

  // cloud storage

  cloud(openId: string): CloudItem[] {
    return this.db
      .prepare('SELECT key, value FROM cloud WHERE open_id = ? ORDER BY key')
      .all(openId) as CloudItem[];
  }

  cloudKeys(openId: string): Set<string> {
    return new Set(this.cloud(openId).map((item) => item.key));
  }

  hasPlayed(openId: string): boolean {
    return this.db.prepare('SELECT 1 FROM cloud WHERE open_id = ? LIMIT 1').get(openId) !== undefined;
  }

  setCloud(openId: string, items: readonly CloudItem[]): void {
    const put = this.db.prepare(
      'INSERT INTO cloud (open_id, key, value) VALUES (?, ?, ?) ON CONFLICT (open_id, key) DO UPDATE SET value = excluded.value',
    );
    this.transaction(() => {
      for (const item of items) put.run(openId, item.key, item.value);
    });
  }

  removeCloud(openId: string, keys: readonly string[]): void {
    const remove = this.db.prepare('DELETE FROM cloud WHERE open_id = ? AND key = ?');
    this.transaction(() => {
      for (const key of keys) remove.run(openId, key);
    });
  }

  // authorization

  grantedScopes(openId: string): string[] {
    const rows = this.db.prepare('SELECT scope FROM grants WHERE open_id = ? ORDER BY scope').all(openId) as {
      scope: string;
    }[];
    return rows.map((row) => row.scope);
  }

  grant(openId: string, scopes: readonly string[]): void {
    const put = this.db.prepare('INSERT OR IGNORE INTO grants (open_id, scope) VALUES (?, ?)');
    this.transaction(() => {
      for (const scope of scopes) put.run(openId, scope);
    });
  }

  revokeAll(openId: string): void {
    this.db.prepare('DELETE FROM grants WHERE open_id = ?').run(openId);
  }

  /** Scopes the player refused in the dialog: asked again only after they turn them back on in settings. */
  refusedScopes(openId: string): string[] {
    const rows = this.db
      .prepare('SELECT scope FROM refusals WHERE open_id = ? ORDER BY scope')
      .all(openId) as { scope: string }[];
    return rows.map((row) => row.scope);
  }

  refuse(openId: string, scopes: readonly string[]): void {
    const put = this.db.prepare('INSERT OR IGNORE INTO refusals (open_id, scope) VALUES (?, ?)');
    const ungrant = this.db.prepare('DELETE FROM grants WHERE open_id = ? AND scope = ?');
    this.transaction(() => {
      for (const scope of scopes) {
        put.run(openId, scope);
        ungrant.run(openId, scope);
      }
    });
  }

  /** Settings: turned back on, so the next request shows the dialog again (nothing is granted yet). */
  allowAsking(openId: string, scopes: readonly string[]): void {
    const remove = this.db.prepare('DELETE FROM refusals WHERE open_id = ? AND scope = ?');
    this.transaction(() => {
      for (const scope of scopes) remove.run(openId, scope);
    });
  }

  insertCode(row: CodeRow): void {
    this.db
      .prepare('INSERT INTO codes (code, open_id, scope, created_at, used_at) VALUES (?, ?, ?, ?, ?)')
      .run(row.code, row.open_id, row.scope, row.created_at, row.used_at);
  }

  code(code: string): CodeRow | undefined {
    return this.db.prepare('SELECT * FROM codes WHERE code = ?').get(code) as CodeRow | undefined;
  }

  /** Marks a code used; false when it was already used (so two racing exchanges cannot both win). */
  useCode(code: string, at: number): boolean {
    return (
      this.db.prepare('UPDATE codes SET used_at = ? WHERE code = ? AND used_at IS NULL').run(at, code)
        .changes === 1
    );
  }

  insertToken(row: TokenRow): void {
    this.db
      .prepare(
        'INSERT INTO tokens (access_token, open_id, scope, expires_at, refresh_token) VALUES (?, ?, ?, ?, ?)',
      )
      .run(row.access_token, row.open_id, row.scope, row.expires_at, row.refresh_token);
  }

  token(accessToken: string): TokenRow | undefined {
    return this.db.prepare('SELECT * FROM tokens WHERE access_token = ?').get(accessToken) as
      | TokenRow
      | undefined;
  }

  insertRefreshToken(row: Omit<RefreshTokenRow, 'used_at'>): void {
    this.db
      .prepare('INSERT INTO refresh_tokens (refresh_token, open_id, scope, expires_at) VALUES (?, ?, ?, ?)')
      .run(row.refresh_token, row.open_id, row.scope, row.expires_at);
  }

  refreshToken(token: string): RefreshTokenRow | undefined {
    return this.db.prepare('SELECT * FROM refresh_tokens WHERE refresh_token = ?').get(token) as
      | RefreshTokenRow
      | undefined;
  }

  /** Marks a refresh token spent; false when it already was (two refreshes raced). */
  useRefreshToken(token: string, at: number): boolean {
    return (
      this.db
        .prepare('UPDATE refresh_tokens SET used_at = ? WHERE refresh_token = ? AND used_at IS NULL')
        .run(at, token).changes === 1
    );
  }

  // sharing

  insertCard(card: NewInboxCard): number {
    const result = this.db
      .prepare(
        `INSERT INTO inbox (to_open_id, from_open_id, channel, title, subtitle, image_url, template_type, query, path, created_at)
         VALUES (@to_open_id, @from_open_id, @channel, @title, @subtitle, @image_url, @template_type, @query, @path, @created_at)`,
      )
      .run(card);
    return Number(result.lastInsertRowid);
  }

  inbox(openId: string): InboxCard[] {
    return this.db
      .prepare('SELECT * FROM inbox WHERE to_open_id = ? ORDER BY id DESC')
      .all(openId) as InboxCard[];
  }

  card(id: number): InboxCard | undefined {
    return this.db.prepare('SELECT * FROM inbox WHERE id = ?').get(id) as InboxCard | undefined;
  }

  markCardOpened(id: number, at: number): void {
    this.db.prepare('UPDATE inbox SET opened_at = ? WHERE id = ?').run(at, id);
  }

  insertStory(openId: string, at: number): void {
    this.db.prepare('INSERT INTO stories (open_id, created_at) VALUES (?, ?)').run(openId, at);
  }

  /** The player's story posts, newest first. */
  stories(openId: string): { id: number; created_at: number }[] {
    return this.db
      .prepare('SELECT id, created_at FROM stories WHERE open_id = ? ORDER BY id DESC')
      .all(openId) as { id: number; created_at: number }[];
  }

  storyCount(openId: string): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM stories WHERE open_id = ?').get(openId) as { n: number }
    ).n;
  }

  // settings (active user)

  setting(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  setSetting(key: string, value: string): void {
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
  }
}
