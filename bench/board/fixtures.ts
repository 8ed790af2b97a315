/** The benchmark's friends and avatars, the same for every board it measures. */
import { PNG } from 'pngjs';
import type { RawFriend } from './fakeRuntime';

const NAMES = [
  'Maya',
  'Leo',
  'Ana 🎉',
  'مريم',
  'שרה',
  'Kenji 健二',
  'Zoë',
  'A very long player name that never ends',
];

export function friends(count: number): RawFriend[] {
  const list: RawFriend[] = [];
  for (let i = 0; i < count; i += 1) {
    list.push({
      open_id: `f${i}`,
      display_name: `${NAMES[i % NAMES.length]} ${i}`,
      avatar_url: `/avatars/${i % 200}.png`,
      data: [
        { key: 'highScore', value: String(((i * 7919) % 100_000) + 1) },
        {
          key: 'highScoreMeta',
          value: JSON.stringify({ v: 1, level: 1 + (i % 9), achievedAt: 1_700_000_000_000 + i }),
        },
      ],
    });
  }
  list.push({
    open_id: 'you',
    display_name: 'You',
    avatar_url: '/avatars/you.png',
    data: [{ key: 'highScore', value: '50000' }],
  });
  return list;
}

export function avatarPng(seed: string): Buffer {
  const png = new PNG({ width: 64, height: 64 });
  let hash = 17;
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) & 0xffffff;
  for (let i = 0; i < png.data.length; i += 4)
    png.data.set([hash & 255, (hash >> 8) & 255, (hash >> 16) & 255, 255], i);
  return PNG.sync.write(png);
}

export const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))] ?? Number.NaN;
};
