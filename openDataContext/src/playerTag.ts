/**
 * Who "you" are, from the platform alone. TikTok gives the open data context no API that names the
 * player, and the open id the game sends comes from the game's own server, which may be down. So the
 * context keeps a random tag in the player's own cloud storage (written once, the first time it finds
 * none) and asks for it with the friends' scores: the one row that carries your tag is yours. The tag is
 * random and says nothing about the player; friends' contexts can read it like any key they ask for.
 */
import type { ContextHost, FriendCloudEntry } from './host';

export const PLAYER_TAG_KEY = 'playerTag';
const TAG_PATTERN = /^[0-9a-f]{16}$/;

export function parsePlayerTag(value: unknown): string | null {
  return typeof value === 'string' && TAG_PATTERN.test(value) ? value : null;
}

/** Sixteen hex digits: enough that two players never draw the same. */
export function newPlayerTag(random: () => number = Math.random): string {
  let tag = '';
  for (let digit = 0; digit < 16; digit += 1) tag += Math.floor(random() * 16).toString(16);
  return tag;
}

/** The rows that carry `tag`: normally yours alone; more than one only if a friend copied it. */
export function rowsWithTag(entries: readonly FriendCloudEntry[], tag: string | null): string[] {
  if (tag === null) return [];
  return entries
    .filter((entry) => parsePlayerTag(entry.data.find((item) => item.key === PLAYER_TAG_KEY)?.value) === tag)
    .map((entry) => entry.openId);
}

export class PlayerTag {
  private known_: Promise<string | null> | null = null;

  constructor(
    private readonly host_: Pick<ContextHost, 'getUserCloudStorage' | 'setUserCloudStorage'>,
    private readonly random_: () => number = Math.random,
  ) {}

  /** Your tag, read from your cloud storage and written there first if there is none; null when the platform failed (asked again next time). */
  get(): Promise<string | null> {
    this.known_ ??= this.readOrWrite_().then((tag) => {
      if (tag === null) this.known_ = null;
      return tag;
    });
    return this.known_;
  }

  private async readOrWrite_(): Promise<string | null> {
    try {
      const data = await this.host_.getUserCloudStorage([PLAYER_TAG_KEY]);
      const stored = parsePlayerTag(data.find((item) => item.key === PLAYER_TAG_KEY)?.value);
      if (stored !== null) return stored;
      const fresh = newPlayerTag(this.random_);
      await this.host_.setUserCloudStorage([{ key: PLAYER_TAG_KEY, value: fresh }]);
      return fresh;
    } catch {
      return null;
    }
  }
}
