import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteSeedStore } from '../../../server/seeds/sqlite';
import { describeSeedStoreContract } from './seedsContract';

describeSeedStoreContract('SQLite', async () => {
  const db = new Database(':memory:');
  return { store: new SqliteSeedStore(db), close: async () => void db.close() };
});

describe('SqliteSeedStore on a file', () => {
  it('still knows a used seed after the file is opened again (a restart)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lb-seeds-'));
    try {
      const file = join(dir, 'seeds.db');
      const first = new Database(file);
      const now = Date.UTC(2026, 10, 25);
      const store = new SqliteSeedStore(first);
      await store.issue('ann', { seeds: [11, 12], now, expiresAt: now + 1000, maxUnused: 20 });
      expect(await store.claim('ann', 11, 'run-a', now)).toBe('accepted');
      first.close();
      const reopened = new SqliteSeedStore(new Database(file));
      expect(await reopened.claim('ann', 11, 'run-b', now)).toBe('used');
      expect(await reopened.claim('ann', 12, 'run-b', now)).toBe('accepted');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
