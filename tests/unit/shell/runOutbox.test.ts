import { describe, expect, it } from 'vitest';
import {
  createRunOutbox,
  OUTBOX_CAPACITY,
  parseOutbox,
  type RunVerdict,
  runId,
  ServerError,
  storageKeys,
  withRun,
} from '../../../assets/scripts/shell/index';
import { tallyRun as run, testGame } from '../testGame';
import { FakeScheduler, flushPromises, MemoryStorage } from './fakes';

const STORAGE_KEYS = storageKeys(testGame.info.storagePrefix);
const parse = (text: string | null) => parseOutbox(text, testGame);

/** A server whose answers the test decides, recording each submission. */
function server() {
  const submitted: number[] = [];
  let answer: (score: number) => Promise<RunVerdict> = async (score) => ({
    best: score,
    rank: 1,
    newBest: true,
  });
  const api = {
    submitted,
    answer: (next: typeof answer) => {
      answer = next;
    },
    seedSources: [] as string[],
    submit: async (record: { claimedScore: number }, seedFrom: string) => {
      submitted.push(record.claimedScore);
      api.seedSources.push(seedFrom);
      return answer(record.claimedScore);
    },
  };
  return api;
}

const offline = () => Promise.reject(new ServerError('POST /v1/runs', 'unreachable', null, 'network down'));

function outbox(storage = new MemoryStorage(), scheduler = new FakeScheduler(), api = server()) {
  return {
    box: createRunOutbox({
      storage,
      storageKey: STORAGE_KEYS.outbox,
      rules: testGame,
      scheduler,
      submit: api.submit,
    }),
    storage,
    scheduler,
    api,
  };
}

describe('run outbox', () => {
  it('persists a run before sending it, and removes it once the server accepted it', async () => {
    const { box, storage, api } = outbox();
    api.answer(() => new Promise(() => {}));
    const first = run(1);
    const id = box.add(first, 2_000);
    expect(parse(storage.values.get(STORAGE_KEYS.outbox) ?? null).runs).toEqual([
      { id, run: first, seedFrom: 'server' },
    ]);
    expect(box.delivery(id)).toEqual({ kind: 'saving' });

    const accepted = outbox(storage);
    await accepted.box.drain();
    expect(accepted.api.submitted).toEqual([first.claimedScore]);
    expect(accepted.box.pending()).toEqual([]);
    expect(parse(storage.values.get(STORAGE_KEYS.outbox) ?? null).runs).toEqual([]);
  });

  it('keeps runs through failures, retries with backoff, and sends them in order when back online', async () => {
    const { box, scheduler, api } = outbox();
    api.answer(offline);
    const ids = [box.add(run(1), 1_000), box.add(run(2), 2_000)];
    await flushPromises();
    expect(box.delivery(ids[0] ?? '')).toEqual({
      kind: 'waiting',
      reason: 'POST /v1/runs failed: network down',
      problem: 'unreachable',
    });
    expect(scheduler.pendingDelays()).toEqual([2_000]);
    await scheduler.advance(2_000);
    expect(scheduler.pendingDelays()).toEqual([4_000]);

    api.answer(async (score) => ({ best: score, rank: 3, newBest: true }));
    api.submitted.length = 0;
    await scheduler.advance(4_000);
    expect(api.submitted).toEqual([run(1).claimedScore, run(2).claimedScore]);
    expect(ids.map((id) => box.delivery(id)?.kind)).toEqual(['saved', 'saved']);
    expect(scheduler.pendingDelays()).toEqual([]);
  });

  it('drops a run the server refused for good, and keeps one refused for a while', async () => {
    const { box, api } = outbox();
    api.answer(() => Promise.reject(new ServerError('POST /v1/runs', 'refused', 422, 'HTTP 422')));
    const refused = box.add(run(1), 1_000);
    await flushPromises();
    expect(box.delivery(refused)).toEqual({ kind: 'refused', reason: 'POST /v1/runs failed: HTTP 422' });
    expect(box.pending()).toEqual([]);

    api.answer(() => Promise.reject(new ServerError('POST /v1/runs', 'refused', 503, 'HTTP 503')));
    const later = box.add(run(2), 2_000);
    await flushPromises();
    expect(box.delivery(later)?.kind).toBe('waiting');
    expect(box.pending()).toHaveLength(1);
  });

  it('a run delivered twice changes nothing: it is kept once and the server keeps the best', async () => {
    const record = run(1);
    const pending = { id: runId(record, 1), run: record, seedFrom: 'server' } as const;
    const state = withRun(withRun(parse(null), pending), { ...pending });
    expect(state.runs).toHaveLength(1);
    const { box, api } = outbox();
    box.add(record, 1);
    box.add(record, 1);
    await flushPromises();
    expect(api.submitted).toEqual([record.claimedScore]);
  });

  it('remembers the device best across restarts and never lowers it', () => {
    const storage = new MemoryStorage();
    const { box } = outbox(storage);
    box.add({ ...run(1), claimedScore: run(1).claimedScore }, 1_000);
    const high = run(3);
    box.add(high, 2_000);
    box.add(run(2), 3_000);
    const best = Math.max(run(1).claimedScore, high.claimedScore, run(2).claimedScore);
    expect(outbox(storage).box.deviceBest()?.score).toBe(best);
  });

  it('reads a damaged outbox part by part, and drops the lowest run when full', () => {
    const good = run(1);
    const text = JSON.stringify({
      v: 1,
      runs: [{ id: 'a', run: good }, { id: 'b', run: { ...good, claimedScore: -1 } }, 'junk', { run: good }],
      deviceBest: { score: 'lots' },
    });
    expect(parse(text)).toEqual({
      v: 1,
      runs: [{ id: 'a', run: good, seedFrom: 'server' }],
      deviceBest: null,
    });
    expect(parse('{not json')).toEqual({ v: 1, runs: [], deviceBest: null });

    let state = parse(null);
    for (let index = 0; index < OUTBOX_CAPACITY; index += 1) {
      state = withRun(state, {
        id: `r${index}`,
        run: { ...good, claimedScore: 100 + index },
        seedFrom: 'server',
      });
    }
    state = withRun(state, { id: 'new', run: { ...good, claimedScore: 5 }, seedFrom: 'server' });
    expect(state.runs).toHaveLength(OUTBOX_CAPACITY);
    expect(state.runs.map((pending) => pending.id)).not.toContain('r0');
    expect(state.runs.at(-1)?.id).toBe('new');
  });

  describe('run seeds', () => {
    it('drops a run refused for its seed (used, not issued, expired): it can never be accepted', async () => {
      const { box, api } = outbox();
      api.answer(() =>
        Promise.reject(new ServerError('POST /v1/runs', 'refused', 409, 'HTTP 409 seed_used')),
      );
      const id = box.add(run(1), 1_000);
      await flushPromises();
      expect(box.delivery(id)).toEqual({
        kind: 'refused',
        reason: 'POST /v1/runs failed: HTTP 409 seed_used',
      });
      expect(box.pending()).toEqual([]);
    });

    it('queues a run played on a seed of its own as an offline run, across a restart', async () => {
      const storage = new MemoryStorage();
      const { box, api } = outbox(storage);
      api.answer(() => new Promise(() => {}));
      const local = run(4);
      const id = box.add(local, 1_000, 'offline');
      await flushPromises();
      expect(api.seedSources).toEqual(['offline']);
      expect(outbox(storage).box.pending()).toEqual([{ id, run: local, seedFrom: 'offline' }]);
      expect(outbox(storage).box.deviceBest()).toEqual({
        score: local.claimedScore,
        level: 1,
        achievedAt: 1_000,
      });
    });

    it("keeps a test-mode run's seed source across a restart and hands it to submit", async () => {
      const storage = new MemoryStorage();
      const first = outbox(storage);
      first.api.answer(offline);
      first.box.add(run(1), 1_000, 'test');
      first.box.add(run(2), 2_000);
      await flushPromises();
      const restarted = outbox(storage);
      await restarted.box.drain();
      expect(restarted.api.seedSources).toEqual(['test', 'server']);
      expect(restarted.box.pending()).toEqual([]);
    });
  });
});
