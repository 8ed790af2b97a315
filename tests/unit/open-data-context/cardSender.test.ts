import { describe, expect, it } from 'vitest';
import type { ShareToUserOptions } from '../../../assets/scripts/platform/index';
import { CardSender } from '../../../openDataContext/src/cardSender';

const card = (openId: string): ShareToUserOptions => ({
  openId,
  title: 'Beat my 1,200 points!',
  subtitle: 'Noah, your best is 700.',
  imageUrl: 'https://cdn.example.com/card.png',
  templateType: 1,
  query: 'from=me&beat=1200',
});

function setup() {
  const sent: string[] = [];
  const answers: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let changes = 0;
  const sender = new CardSender(
    {
      shareToUser: (share) =>
        new Promise<void>((resolve, reject) => {
          sent.push(share.openId);
          answers.push({ resolve, reject });
        }),
    },
    () => {
      changes += 1;
    },
  );
  return { sender, sent, answers, changes: () => changes };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('cards straight to a friend', () => {
  it('sends once per intent: not again while on its way, nor once sent', async () => {
    const { sender, sent, answers } = setup();
    expect(sender.send(card('noah'))).toBe(true);
    expect(sender.send(card('noah'))).toBe(false);
    expect(sender.status('noah')).toBe('sending');
    answers[0]?.resolve();
    await settle();
    expect(sender.status('noah')).toBe('sent');
    for (let tap = 0; tap < 4; tap += 1) expect(sender.send(card('noah'))).toBe(false);
    expect(sent).toEqual(['noah']);
  });

  it('lets a failed card be sent again, and keeps friends apart', async () => {
    const { sender, sent, answers, changes } = setup();
    sender.send(card('noah'));
    sender.send(card('ava'));
    answers[0]?.reject(new Error('cancelled'));
    await settle();
    expect(sender.status('noah')).toBe('failed');
    expect(sender.send(card('noah'))).toBe(true);
    expect(sent).toEqual(['noah', 'ava', 'noah']);
    expect(changes()).toBeGreaterThanOrEqual(4);
  });
});
