import { describe, expect, it } from 'vitest';
import { createConnectivity } from '../../../assets/scripts/shell/connectivity';
import { deferred } from './fakeServices';

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A runtime whose network type answers come from the test, and whose change events it sends. */
function fakeNetwork(options: { events?: boolean; typeKnown?: boolean } = {}) {
  const answers: ReturnType<typeof deferred<string | null>>[] = [];
  let listener: ((status: { isConnected: boolean }) => void) | null = null;
  const platform = {
    networkType:
      options.typeKnown === false
        ? undefined
        : () => {
            const answer = deferred<string | null>();
            answers.push(answer);
            return answer.promise;
          },
    onNetworkStatusChange:
      options.events === false
        ? undefined
        : (next: (status: { isConnected: boolean }) => void) => {
            listener = next;
            return true;
          },
  };
  const connectivity = createConnectivity(platform);
  let backs = 0;
  connectivity.onBack(() => {
    backs += 1;
  });
  return {
    connectivity,
    answers,
    backs: () => backs,
    change: (isConnected: boolean) => listener?.({ isConnected }),
  };
}

describe('connectivity', () => {
  it('knows a game started without a connection is offline, though no change was heard', async () => {
    const { connectivity, answers } = fakeNetwork();
    expect(answers).toHaveLength(1);
    answers[0]?.resolve('none');
    await flushPromises();
    expect(connectivity.offline()).toBe(true);
  });

  it('is back when the device says so, and tells the listeners once', async () => {
    const { connectivity, answers, backs, change } = fakeNetwork();
    answers[0]?.resolve('none');
    await flushPromises();
    change(true);
    expect(connectivity.offline()).toBe(false);
    expect(backs()).toBe(1);
    change(true);
    expect(backs()).toBe(1);
  });

  it('asks again when the game server answers while offline, where the runtime sends no change events', async () => {
    const { connectivity, answers, backs } = fakeNetwork({ events: false });
    answers[0]?.resolve('none');
    await flushPromises();
    connectivity.noteServer(true);
    // An answer already on its way when the connection went proves nothing: the platform decides.
    expect(connectivity.offline()).toBe(true);
    expect(answers).toHaveLength(2);
    answers[1]?.resolve('wifi');
    await flushPromises();
    expect(connectivity.offline()).toBe(false);
    expect(backs()).toBe(1);
  });

  it('asks the network type again when the game server does not answer, one question at a time', async () => {
    const { connectivity, answers } = fakeNetwork();
    answers[0]?.resolve('wifi');
    await flushPromises();
    connectivity.noteServer(false);
    connectivity.noteServer(false);
    expect(answers).toHaveLength(2);
    answers[1]?.resolve('none');
    await flushPromises();
    expect(connectivity.offline()).toBe(true);
  });

  it('changes nothing on an answer it cannot read, and takes the device as online without the call', async () => {
    const unread = fakeNetwork();
    unread.answers[0]?.resolve(null);
    await flushPromises();
    expect(unread.connectivity.offline()).toBe(false);
    const without = fakeNetwork({ typeKnown: false });
    await flushPromises();
    expect(without.connectivity.offline()).toBe(false);
  });

  it('is back when the game server answers again after it did not', () => {
    const { connectivity, backs } = fakeNetwork({ typeKnown: false });
    connectivity.noteServer(false);
    connectivity.noteServer(true);
    expect(backs()).toBe(1);
  });
});
