import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { SqliteScoreStorage } from '../../../server/storage/sqlite';
import { describeStorageContract } from './storageContract';

const dir = mkdtempSync(join(tmpdir(), 'lb-sqlite-'));
let counter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A real file (not :memory:) so WAL and synchronous=FULL are what the tests exercise.
describeStorageContract(
  'SQLite',
  async (options) => new SqliteScoreStorage(join(dir, `scores-${counter++}.db`), options),
);
