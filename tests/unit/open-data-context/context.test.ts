import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../../assets/scripts/platform/errors';
import { scoreKeysFor } from '../../../assets/scripts/social/zones';
import { SHARE_IMAGE_URL } from '../../../openDataContext/src/config';
import { OpenDataContext } from '../../../openDataContext/src/openDataContext';
import { board } from '../../../openDataContext/src/theme';
import { authFailure, entry, fakeHost, flush, meta, scoreWrites, show, storedBest } from './fakes';

const KEYS = { keys: scoreKeysFor('default'), scoreLimit: 1_000_000 };

const seeded = () => [
  entry('leo', 'Leo', '1200', meta(10)),
  entry('maya', 'Maya', '900', meta(10)),
  entry('you', 'Sam', '800', meta(10)),
  entry('kim', 'Kim', '700', meta(10)),
  entry('ana', 'Ana', '900', meta(5)),
];

async function start(friends = seeded(), fields: Record<string, unknown> = {}) {
  const host = fakeHost(friends);
  const context = new OpenDataContext(host, KEYS);
  context.listen();
  host.send(show(fields));
  await flush();
  host.runFrame();
  return { host, context };
}

// Rows sit under the header; the button is at the right edge of a 320 px surface.
const rowMiddle = (index: number) => board.headerHeight + index * board.rowHeight + board.rowHeight / 2;
const tap = (host: ReturnType<typeof fakeHost>, x: number, y: number) => {
  host.send({ v: 1, type: 'pointer', phase: 'down', x, y, time: 1 });
  host.send({ v: 1, type: 'pointer', phase: 'up', x, y, time: 40 });
};

describe('messages', () => {
  it('ignores and counts malformed or unknown messages without doing any work', () => {
    const host = fakeHost(seeded());
    const context = new OpenDataContext(host, KEYS);
    context.listen();
    const bad = [
      null,
      42,
      'show',
      [],
      {},
      { type: 'show' },
      { v: 2, type: 'show' },
      { v: 1, type: 'dance' },
      { ...show(), view: 'sidebar' },
      { ...show(), pixelRatio: Number.NaN },
      { ...show(), rect: { x: 0, y: 0, width: -5, height: 10 } },
      { v: 1, type: 'pointer', phase: 'down', x: Number.POSITIVE_INFINITY, y: 0, time: 0 },
      { v: 1, type: 'levelEnd', runId: 'r1', score: -1, level: 1, achievedAt: 1 },
      { v: 1, type: 'levelEnd', runId: '', score: 1, level: 1, achievedAt: 1 },
      { v: 1, type: 'resumeBest', score: 10, level: 0, achievedAt: 1 },
      { type: 'engine', event: 'explode' },
    ];
    for (const message of bad) expect(() => host.send(message)).not.toThrow();
    expect(context.stats).toMatchObject({ messages: bad.length, ignored: bad.length, frames: 0 });
    expect(context.stats.lastIgnoredReason).toMatch(/engine event/);
    expect(host.framesRequested).toBe(0);
    expect(host.friendCalls).toBe(0);
    expect(host.cloudReads).toBe(0);
  });

  it('sizes the canvas to the pixel ratio and places it in vw/vh of the game viewport', async () => {
    const { host } = await start();
    expect([host.canvas.width, host.canvas.height]).toEqual([960, 1200]);
    expect(host.canvas.style).toEqual({
      left: '5.5556vw',
      top: '15.625vh',
      width: '88.8889vw',
      height: '62.5vh',
    });
  });
});

describe('board', () => {
  it('lists friends by rank with you marked, fetching once', async () => {
    const { host } = await start();
    const names = host.texts.filter((text) => ['Leo', 'Maya', 'Sam', 'Kim', 'Ana'].includes(text));
    expect(names).toEqual(['Leo', 'Ana', 'Maya', 'Sam', 'Kim']);
    expect(host.texts).toContain('800 pts · You');
    expect(host.texts.filter((text) => /^\d$/.test(text))).toEqual(['1', '2', '2', '4', '5']);
    host.send(show());
    await flush();
    expect(host.friendCalls).toBe(1);
  });

  it('draws only on change: nothing is requested once a frame is drawn, or while hidden', async () => {
    const { host, context } = await start();
    expect(host.frames.size).toBe(0);
    // Without OffscreenCanvas rows are drawn straight onto the canvas, so no idle work is queued
    // (rowPreparation.test.ts has the rows drawn ahead).
    expect(host.timers.size).toBe(0);
    host.send({ v: 1, type: 'hide' });
    const requested = host.framesRequested;
    host.send({ v: 1, type: 'levelEnd', runId: 'r1', score: 5_000, level: 3, achievedAt: 50 });
    host.send({ v: 1, type: 'refresh' });
    await flush();
    for (const image of host.images) image.onload?.();
    tap(host, 280, rowMiddle(0));
    expect(host.framesRequested).toBe(requested);
    expect(context.framePending).toBe(false);
    host.send(show());
    expect(host.frames.size).toBe(1);
  });

  it('reading the board model changes nothing; the scroll bounds follow the data when it arrives', async () => {
    const many = Array.from({ length: 40 }, (_, index) =>
      entry(`f${index}`, `Friend ${index}`, String(1_000 + index)),
    );
    const { context, host } = await start(many);
    const bounds = context.board.scroller.maxOffset;
    expect(bounds).toBeGreaterThan(0);
    context.board.scroller.setBounds(0, 0);
    // Force a fresh derivation (as after any cache invalidation), then read both models.
    (context as unknown as { derived_: unknown }).derived_ = null;
    context.boardModel();
    context.noticeModel();
    expect(context.board.scroller.maxOffset).toBe(0);
    host.answer = async () => ({ friends: [...many, entry('g', 'Gus', '5')], dropped: 0 });
    await context.store.refresh();
    expect(context.board.scroller.maxOffset).toBe(bounds + board.rowHeight);
  });

  it('draws without idle work on a runtime that has no setTimeout', async () => {
    const host = fakeHost(
      Array.from({ length: 20 }, (_, i) => entry(`f${i}`, `Friend ${i}`, String(100 - i))),
    );
    host.setTimeout = () => {
      throw new PlatformError('setTimeout', 'unavailable', 'tt.setTimeout does not exist on this runtime');
    };
    const context = new OpenDataContext(host, KEYS);
    context.listen();
    host.send(show());
    await flush();
    host.runFrame();
    expect(host.texts).toContain('Friend 0');
    host.send({ v: 1, type: 'pointer', phase: 'down', x: 100, y: 300, time: 1 });
    host.send({ v: 1, type: 'pointer', phase: 'move', x: 100, y: 200, time: 20 });
    host.runFrame();
    expect(host.texts).toContain('Friend 8');
  });

  it('loads each avatar once, however often rows are drawn', async () => {
    const { host } = await start();
    expect(host.images.map((image) => image.src).sort()).toEqual(
      ['ana', 'kim', 'leo', 'maya', 'you'].map((id) => `https://avatars.test/${id}.png`),
    );
    for (const image of host.images) image.onload?.();
    host.runFrame();
    host.send(show());
    host.runFrame();
    expect(host.images).toHaveLength(5);
  });

  it('truncates a 40-character name with an ellipsis to fit its column', async () => {
    const long = 'W'.repeat(40);
    const { host } = await start([entry('w', long, '10'), entry('you', 'Sam', '5')]);
    const drawn = host.texts.find((text) => text.startsWith('WWW'));
    expect(drawn?.endsWith('…')).toBe(true);
    // 320 px wide: 12 + 34 + 4 + 36 + 10 = 96 before the name, 84 + 10 + 12 after it; 7 px per character.
    expect((drawn?.length ?? 0) * 7).toBeLessThanOrEqual(320 - 96 - 106);
  });

  it('draws only the visible rows of 1,000 and pins your row when it is out of view', async () => {
    const friends = Array.from({ length: 1_000 }, (_, index) =>
      entry(`f${index}`, `Friend ${index}`, String(5_000 - index)),
    );
    friends.push(entry('you', 'Sam', '10'));
    const { host } = await start(friends);
    const rowNames = host.texts.filter((text) => text.startsWith('Friend '));
    expect(rowNames.length).toBeGreaterThan(5);
    expect(rowNames.length).toBeLessThanOrEqual(8);
    expect(host.texts).toContain('Sam');
    expect(host.texts).toContain('10 pts · You');
    // Avatars load for the rows a board opens on (and a few more), and yours: never for all 1,000.
    expect(host.images.length).toBeLessThanOrEqual(13);
  });

  it('scrolls with a drag, then glides with inertia until it stops', async () => {
    const friends = Array.from({ length: 200 }, (_, index) =>
      entry(`f${index}`, `Friend ${index}`, String(5_000 - index)),
    );
    const { host, context } = await start(friends);
    host.send({ v: 1, type: 'pointer', phase: 'down', x: 100, y: 300, time: 0 });
    for (let i = 1; i <= 5; i += 1)
      host.send({ v: 1, type: 'pointer', phase: 'move', x: 100, y: 300 - i * 40, time: i * 16 });
    host.send({ v: 1, type: 'pointer', phase: 'up', x: 100, y: 100, time: 90 });
    let frames = 0;
    let time = 0;
    while (host.frames.size > 0 && frames < 500) {
      time += 16;
      host.runFrame(time);
      frames += 1;
    }
    expect(frames).toBeGreaterThan(10);
    expect(frames).toBeLessThan(500);
    expect(context.board.scroller.offset).toBeGreaterThan(600);
    expect(host.texts.some((text) => text === 'Friend 0')).toBe(false);
  });
});

describe('invites', () => {
  it('sends a challenge naming the score to beat to that friend, and shows it was sent', async () => {
    const { host } = await start();
    tap(host, 280, rowMiddle(0));
    expect(host.shares).toEqual([
      {
        openId: 'leo',
        title: "I'm 401 points from passing you",
        subtitle: "Leo, your 1,200 won't last.",
        imageUrl: SHARE_IMAGE_URL,
        templateType: 1,
        // The card's query names you and your best, so Leo's game opens with the challenge.
        query: 'from=you&challenger=Sam&beat=800',
      },
    ]);
    await flush();
    host.runFrame();
    expect(host.texts).toContain('Sent ✓');
  });

  it('shows a failed share on its row, and a tap outside a button sends nothing', async () => {
    const { host } = await start();
    host.shareResult = () => Promise.reject(new Error('not a mutual follower'));
    tap(host, 100, rowMiddle(3));
    expect(host.shares).toHaveLength(0);
    tap(host, 280, rowMiddle(4));
    await flush();
    host.runFrame();
    expect(host.shares.map((share) => share.openId)).toEqual(['kim']);
    expect(host.shares[0]?.title).toBe('Beat my 800 points!');
    expect(host.texts).toContain('Not sent ↻');
  });
});

describe('states', () => {
  it('shows loading until friends arrive', async () => {
    const host = fakeHost(seeded());
    let release: () => void = () => {};
    host.answer = () =>
      new Promise((resolve) => (release = () => resolve({ friends: seeded(), dropped: 0 })));
    const context = new OpenDataContext(host, KEYS);
    context.listen();
    host.send(show());
    host.runFrame();
    expect(host.texts).toContain('Loading friends…');
    await flush();
    release();
    await flush();
    host.runFrame();
    expect(host.texts).toContain('Leo');
  });

  it('explains why friend access matters when not authorized, without calling the platform', async () => {
    const { host } = await start(seeded(), { authorized: false });
    expect(host.friendCalls).toBe(0);
    expect(host.texts).toEqual(
      expect.arrayContaining(['See how you rank', 'Allow friend access to compare']),
    );
  });

  it('treats a missing friend scope from the platform as not authorized', async () => {
    const host = fakeHost();
    host.answer = () => Promise.reject(authFailure());
    new OpenDataContext(host, KEYS).listen();
    host.send(show());
    await flush();
    host.runFrame();
    expect(host.texts).toContain('See how you rank');
  });

  it('shows an error with a retry that fetches again', async () => {
    const host = fakeHost();
    host.answer = () => Promise.reject(new Error('timeout'));
    new OpenDataContext(host, KEYS).listen();
    host.send(show());
    await flush();
    host.runFrame();
    expect(host.texts).toEqual(
      expect.arrayContaining(['Couldn’t load friends', 'Your friends’ scores didn’t arrive.', 'Retry']),
    );
    // The context cannot tell a failed call from an offline phone, so no word blames the connection.
    expect(host.texts.filter((text) => /connection|offline/i.test(text))).toEqual([]);
    host.answer = async () => ({ friends: seeded(), dropped: 0 });
    // The retry button is centred under the message.
    for (let y = 150; y < 400; y += 10) tap(host, 160, y);
    await flush();
    host.runFrame();
    expect(host.friendCalls).toBe(2);
    expect(host.texts).toContain('Leo');
  });

  it('invites when no friends play yet', async () => {
    const { host } = await start([entry('you', 'Sam', '300')]);
    expect(host.texts).toEqual(
      expect.arrayContaining(['No friends play yet', 'Your best: 300', 'Invite a friend with the button']),
    );
  });
});

describe('beat your friend notice', () => {
  const levelEnd = { v: 1, type: 'levelEnd', runId: 'run-1', score: 1_080, level: 4, achievedAt: 99 };

  /** The notice strip, `height` CSS px tall, drawn after the level end was weighed against the cloud best. */
  async function showNotice(message: typeof levelEnd, height: number, stored = storedBest('800')) {
    const host = fakeHost(seeded());
    host.cloud = stored;
    new OpenDataContext(host, KEYS).listen();
    host.send(message);
    host.send(show({ view: 'notice', rect: { x: 20, y: 400, width: 320, height } }));
    await flush();
    host.runFrame();
    return host;
  }

  it('names the friends passed since the stored best, and the next one to beat', async () => {
    const host = await showNotice(levelEnd, 100);
    expect(host.texts).toEqual([
      'New best! Saved ✓',
      'You passed Ana!',
      'Tell them',
      'You passed Maya!',
      'Tell them',
      '121 points to beat Leo',
    ]);
    expect(host.cloud.find((item) => item.key === 'highScore')?.value).toBe('1080');
  });

  it('sends "Tell them" to the passed friend with the new score', async () => {
    const host = await showNotice(levelEnd, 100);
    // Four 25 px lines in 100 px: the third one's middle is at 62.5.
    tap(host, 280, 62);
    expect(host.shares.map(({ openId, title }) => [openId, title])).toEqual([
      ['maya', 'I just passed you with 1,080!'],
    ]);
  });

  it('sums up passes that do not fit and celebrates the top spot', async () => {
    const host = await showNotice({ ...levelEnd, score: 5_000 }, 50);
    // Leo, Ana and Maya were at or above the stored best of 800; Kim was already behind.
    expect(host.texts).toEqual(['New best! Saved ✓', 'You passed 3 friends!']);
    host.send(show({ view: 'notice', rect: { x: 20, y: 400, width: 320, height: 100 } }));
    host.runFrame();
    expect(host.texts).toEqual([
      'New best! Saved ✓',
      'You passed Leo!',
      'Tell them',
      '+2 more friends passed!',
      'You’re top of your friends!',
    ]);
  });

  it('names nobody while it does not know who you are (your own row would count as a friend)', async () => {
    const host = fakeHost(seeded());
    host.cloud = storedBest('800');
    new OpenDataContext(host, KEYS).listen();
    host.send(levelEnd);
    host.send(
      show({ view: 'notice', rect: { x: 20, y: 400, width: 320, height: 100 }, you: { openId: null } }),
    );
    await flush();
    host.runFrame();
    expect(host.texts).toEqual(['New best! Saved ✓']);
  });

  it('a score below the stored best writes nothing, claims nothing and passes nobody', async () => {
    const host = await showNotice({ ...levelEnd, score: 500 }, 100);
    expect(scoreWrites(host)).toEqual([]);
    expect(host.texts).toEqual(['Your best: 800', '101 points to beat Maya']);
  });

  it('says nothing about a best before the stored one was read', async () => {
    const host = fakeHost(seeded());
    host.cloud = storedBest('800');
    // Every read waits (the best keeper's, and the player tag's): released together below.
    const waiting: (() => void)[] = [];
    host.readCloud = () => new Promise((resolve) => waiting.push(() => resolve()));
    const release = () => {
      for (const resume of waiting.splice(0)) resume();
    };
    new OpenDataContext(host, KEYS).listen();
    host.send(levelEnd);
    host.send(show({ view: 'notice', rect: { x: 20, y: 400, width: 320, height: 100 } }));
    await flush();
    host.runFrame();
    expect(host.texts[0]).toBe('Checking your best…');
    expect(host.texts.join(' ')).not.toMatch(/New best|You passed/);
    host.readCloud = async () => undefined;
    release();
    await flush();
    host.runFrame();
    expect(host.texts[0]).toBe('New best! Saved ✓');
  });
});

describe('keeping the best', () => {
  const best = { score: 1_080, level: 4, achievedAt: 99 };
  const highScore = (host: ReturnType<typeof fakeHost>) =>
    host.cloud.find((item) => item.key === 'highScore')?.value ?? null;

  it('a failed write says it will save when online, and lands on a retry', async () => {
    const host = fakeHost(seeded());
    host.cloud = storedBest('800');
    host.writeCloud = () =>
      Promise.reject(new PlatformError('setUserCloudStorage', 'failed', 'network', 21500));
    const context = new OpenDataContext(host, KEYS);
    context.listen();
    host.send({ v: 1, type: 'levelEnd', runId: 'run-1', ...best });
    host.send(show({ view: 'notice', rect: { x: 20, y: 400, width: 320, height: 100 } }));
    await flush();
    host.runFrame();
    expect(host.texts[0]).toBe('New best! Not saved yet · trying again');
    expect(highScore(host)).toBe('800');
    expect(context.stats.ownBest?.pending?.score).toBe(1_080);

    host.writeCloud = async () => undefined;
    host.runTimers();
    await flush();
    host.runFrame();
    expect(highScore(host)).toBe('1080');
    expect(host.texts[0]).toBe('New best! Saved ✓');
    expect(context.stats.ownBest?.pending).toBeNull();
  });

  it('overwrites a malformed stored value, and writes a first best', async () => {
    for (const stored of [[{ key: 'highScore', value: 'abc' }], []]) {
      const host = fakeHost(seeded());
      host.cloud = stored;
      new OpenDataContext(host, KEYS).listen();
      host.send({ v: 1, type: 'levelEnd', runId: 'run-1', ...best });
      await flush();
      expect(highScore(host)).toBe('1080');
    }
  });

  it('a resent device best is written only when the cloud holds less; a repeated level end is ignored', async () => {
    const host = fakeHost(seeded());
    host.cloud = storedBest('2000');
    new OpenDataContext(host, KEYS).listen();
    host.send({ v: 1, type: 'resumeBest', ...best });
    await flush();
    expect(scoreWrites(host)).toEqual([]);

    host.cloud = storedBest('700');
    host.send({ v: 1, type: 'levelEnd', runId: 'run-1', ...best });
    await flush();
    host.send({ v: 1, type: 'levelEnd', runId: 'run-1', ...best });
    await flush();
    expect(scoreWrites(host)).toHaveLength(1);
    expect(highScore(host)).toBe('1080');
  });

  it('another device writing a lower score after ours is overwritten again; a higher one is kept', async () => {
    const host = fakeHost(seeded());
    host.cloud = storedBest('800');
    // Our write lands; before we read it back, the other device's stale write of 900 (it read 800 too) lands.
    host.readCloud = async () => {
      if (host.cloudReads === 2) host.cloud = storedBest('900', 20);
    };
    new OpenDataContext(host, KEYS).listen();
    host.send({ v: 1, type: 'levelEnd', runId: 'run-1', ...best });
    await flush();
    await flush();
    expect(highScore(host)).toBe('1080');
    expect(scoreWrites(host).length).toBe(2);

    host.readCloud = async () => undefined;
    host.cloud = storedBest('1500', 30);
    host.send({ v: 1, type: 'resumeBest', ...best });
    await flush();
    expect(highScore(host)).toBe('1500');
  });
});

describe('best score line on the menu', () => {
  it('shows the stored best, or that there is none, and only after reading it', async () => {
    const host = fakeHost();
    host.cloud = storedBest('3000');
    new OpenDataContext(host, KEYS).listen();
    // Every read waits (the best keeper's, and the player tag's): released together below.
    const waiting: (() => void)[] = [];
    host.readCloud = () => new Promise((resolve) => waiting.push(() => resolve()));
    const release = () => {
      for (const resume of waiting.splice(0)) resume();
    };
    host.send(show({ view: 'best', rect: { x: 20, y: 300, width: 320, height: 30 }, authorized: false }));
    host.runFrame();
    // Nothing is claimed before the read; the answer alone brings the line.
    expect(host.texts).toEqual([]);
    release();
    await flush();
    host.runFrame();
    expect(host.texts).toEqual(['Best score 3,000']);
    expect(host.friendCalls).toBe(0);

    const empty = fakeHost();
    new OpenDataContext(empty, KEYS).listen();
    empty.send(show({ view: 'best', rect: { x: 20, y: 300, width: 320, height: 30 } }));
    await flush();
    empty.runFrame();
    expect(empty.texts).toEqual(['No best score yet']);
  });
});
