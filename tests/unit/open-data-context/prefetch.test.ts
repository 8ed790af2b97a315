import { describe, expect, it } from 'vitest';
import { scoreKeysFor } from '../../../assets/scripts/social/zones';
import { FRIENDS_TTL_MS } from '../../../openDataContext/src/friendStore';
import { OpenDataContext } from '../../../openDataContext/src/openDataContext';
import { entry, fakeHost, flush, meta, show } from './fakes';

const RULES = { keys: scoreKeysFor('default'), scoreLimit: 1_000_000 };
const prefetch = { v: 1, type: 'prefetch' };

const friends = () => [
  entry('leo', 'Leo', '1200', meta(10)),
  entry('maya', 'Maya', '900', meta(10)),
  entry('you', 'Sam', '800', meta(10)),
];

function setup(list = friends()) {
  const host = fakeHost(list);
  const context = new OpenDataContext(host, RULES);
  context.listen();
  return { host, context };
}

const loadImages = (host: ReturnType<typeof fakeHost>) => {
  for (const image of host.images) image.onload?.();
};

describe('prefetch', () => {
  it('fetches friends and loads their avatars while hidden, asking for no frame', async () => {
    const { host, context } = setup();
    host.send(prefetch);
    await flush();
    loadImages(host);
    expect(host.friendCalls).toBe(1);
    expect(host.images.map((image) => image.src).sort()).toEqual([
      'https://avatars.test/leo.png',
      'https://avatars.test/maya.png',
      'https://avatars.test/you.png',
    ]);
    expect([host.framesRequested, context.stats.frames, host.timers.size]).toEqual([0, 0, 0]);
  });

  it('opens on a complete board in the first frame, and needs no second one', async () => {
    const { host, context } = setup();
    host.send(prefetch);
    await flush();
    loadImages(host);
    host.send(show());
    host.runFrame();
    expect(host.texts).toEqual(expect.arrayContaining(['Leo', 'Maya', 'Sam', '800 pts · You']));
    expect(host.texts).not.toContain('Loading friends…');
    await flush();
    expect(host.frames.size).toBe(0);
    expect(context.stats.frames).toBe(1);
    expect(host.friendCalls).toBe(1);
  });

  it('asks again only once the copy is older than the time to live', async () => {
    const { host } = setup();
    host.send(prefetch);
    await flush();
    host.send(prefetch);
    await flush();
    expect(host.friendCalls).toBe(1);
    host.clock += FRIENDS_TTL_MS;
    host.send(prefetch);
    await flush();
    expect(host.friendCalls).toBe(2);
  });

  it('draws nothing on the menu when friends arrive there', async () => {
    const { host, context } = setup();
    host.send(show({ view: 'best' }));
    host.runFrame();
    await flush();
    while (host.frames.size > 0) host.runFrame();
    const drawn = context.stats.frames;
    host.send(prefetch);
    await flush();
    loadImages(host);
    expect(host.frames.size).toBe(0);
    expect(context.stats.frames).toBe(drawn);
  });

  it('a stale board opens with its rows and updates them in place, never blank or loading', async () => {
    const { host } = setup();
    host.send(prefetch);
    await flush();
    loadImages(host);
    host.clock += FRIENDS_TTL_MS;
    host.answer = async () => ({
      friends: [...friends(), entry('kim', 'Kim', '1500', meta(10))],
      dropped: 0,
    });
    host.send(show());
    host.runFrame();
    expect(host.texts).toEqual(expect.arrayContaining(['Leo', 'Maya', 'Sam']));
    await flush();
    expect(host.friendCalls).toBe(2);
    host.runFrame();
    expect(host.texts).toEqual(expect.arrayContaining(['Kim', 'Leo', 'Maya', 'Sam']));
    expect(host.texts).not.toContain('Loading friends…');
  });
});
