/**
 * Friends' scores with a time to live. The platform is asked only when the board is first shown or the
 * cache went stale, and your own best as the best keeper last read or wrote it is applied at once:
 * friend reads can lag behind a write, and a board that shows your old score right after you beat it
 * looks broken. Which row is yours comes from the platform (your tag, playerTag.ts); the open id the
 * game sends is used only where the platform cannot tell.
 */
import { type CloudRules, parseCloudScore } from '../../assets/scripts/social/cloudScore';
import { sanitizeDisplayName } from '../../assets/scripts/social/displayName';
import type { ScoreRecord } from '../../assets/scripts/social/ranking';
import { authorizationProblem, type ContextHost, type FriendCloudEntry } from './host';
import { PLAYER_TAG_KEY, type PlayerTag, rowsWithTag } from './playerTag';

export const FRIENDS_TTL_MS = 60_000;

export interface Player {
  readonly openId: string;
  /** Sanitized: safe to draw and to put in a share card. */
  readonly name: string;
  readonly avatarUrl: string;
  readonly best: ScoreRecord | null;
  /** The row carries your tag: it is you, or a copy of you, and never gets a challenge. */
  readonly mine: boolean;
}

export type LoadProblem = 'unauthorized' | 'failed';

export type FriendsState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; players: Player[] }
  | { kind: 'error'; problem: LoadProblem; message: string };

/**
 * Turns one platform row into a player; every hostile value becomes "no score", never an exception.
 * Only this build's zone counts: a friend's test-build score is not their score here.
 */
export function toPlayer(entry: FriendCloudEntry, rules: CloudRules, mine = false): Player {
  const best = parseCloudScore(entry.data, rules.keys, rules.scoreLimit);
  return {
    openId: entry.openId,
    name: sanitizeDisplayName(entry.displayName),
    avatarUrl: entry.avatarUrl,
    best: best === null ? null : { score: best.score, achievedAt: best.achievedAt },
    mine,
  };
}

export class FriendStore {
  state: FriendsState = { kind: 'idle' };
  /** Bumped on every change, so views can memoize what they derive from the players. */
  version = 0;
  fetches = 0;
  private fetchedAt_ = Number.NEGATIVE_INFINITY;
  private inFlight_: Promise<void> | null = null;
  /** The open id the game sent (from its server), or null. */
  private toldYou_: string | null = null;
  /** The rows carrying your tag in the last answer. */
  private tagged_: string[] = [];
  private ownBest_: ScoreRecord | null = null;
  private cloudPlayers_: Player[] = [];
  /** Answers to requests made before the player lost friend access are dropped. */
  private generation_ = 0;

  constructor(
    private readonly host_: Pick<ContextHost, 'getFriendCloudStorage' | 'now'>,
    private readonly rules_: CloudRules,
    private readonly tag_: Pick<PlayerTag, 'get'>,
    private readonly onChange_: () => void,
    private readonly ttlMs_ = FRIENDS_TTL_MS,
  ) {}

  /** The open id the game knows you by (from its server), a fallback where your tag tells nothing. */
  setYou(openId: string | null): void {
    if (openId === this.toldYou_) return;
    this.toldYou_ = openId;
    this.publish_();
  }

  /**
   * Your open id: the one row with your tag; else the game's, if it is not another tagged row's; else
   * null (then nobody is marked "you" and no row that carries your tag gets a challenge).
   */
  you(): string | null {
    const [only, ...others] = this.tagged_;
    if (only !== undefined && others.length === 0) return only;
    if (this.tagged_.length > 1)
      return this.toldYou_ !== null && this.tagged_.includes(this.toldYou_) ? this.toldYou_ : null;
    return this.toldYou_;
  }

  /** Fetches when there is no data yet or it is older than the time to live. */
  ensureFresh(): Promise<void> {
    const stale = this.host_.now() - this.fetchedAt_ >= this.ttlMs_;
    if (this.inFlight_ !== null || (this.state.kind === 'ready' && !stale))
      return this.inFlight_ ?? Promise.resolve();
    return this.fetch_();
  }

  refresh(): Promise<void> {
    return this.inFlight_ ?? this.fetch_();
  }

  /** Your stored best, freshly read or written: shown now, whatever friend reads answer until they catch up. */
  applyOwnBest(best: ScoreRecord | null): void {
    if (best === null || (this.ownBest_ !== null && best.score <= this.ownBest_.score)) return;
    this.ownBest_ = best;
    if (this.state.kind === 'ready') this.publish_();
  }

  /** Your display name as the platform gave it with the friend data (sanitized), or null. */
  yourName(): string | null {
    const you = this.you();
    return this.cloudPlayers_.find((player) => player.openId === you)?.name ?? null;
  }

  markUnauthorized(): void {
    if (this.state.kind === 'error' && this.state.problem === 'unauthorized') return;
    this.generation_ += 1;
    this.inFlight_ = null;
    this.state = { kind: 'error', problem: 'unauthorized', message: 'Friend access is not allowed yet.' };
    this.bump_();
  }

  private fetch_(): Promise<void> {
    this.fetches += 1;
    if (this.state.kind !== 'ready') {
      this.state = { kind: 'loading' };
      this.bump_();
    }
    const generation = this.generation_;
    const current = () => generation === this.generation_;
    const keys = [this.rules_.keys.score, this.rules_.keys.meta, PLAYER_TAG_KEY];
    // Your tag first: one just written must be in the friend data read after it.
    const request = this.tag_
      .get()
      .then(async (tag) => ({ tag, answer: await this.host_.getFriendCloudStorage(keys) }))
      .then(({ tag, answer: { friends } }) => {
        if (!current()) return;
        this.tagged_ = rowsWithTag(friends, tag);
        this.cloudPlayers_ = friends.map((friend) =>
          toPlayer(friend, this.rules_, this.tagged_.includes(friend.openId)),
        );
        this.fetchedAt_ = this.host_.now();
        this.state = { kind: 'ready', players: this.withOwnBest_(this.cloudPlayers_) };
        this.bump_();
      })
      .catch((error: unknown) => {
        if (!current()) return;
        const message = error instanceof Error ? error.message : String(error);
        const problem: LoadProblem = authorizationProblem(error) === 'failed' ? 'failed' : 'unauthorized';
        this.state = { kind: 'error', problem, message };
        this.bump_();
      })
      .finally(() => {
        if (current()) this.inFlight_ = null;
      });
    this.inFlight_ = request;
    return request;
  }

  private publish_(): void {
    if (this.state.kind !== 'ready') return;
    this.state = { kind: 'ready', players: this.withOwnBest_(this.cloudPlayers_) };
    this.bump_();
  }

  private withOwnBest_(players: Player[]): Player[] {
    const you = this.you();
    const saved = this.ownBest_;
    if (you === null || saved === null) return players;
    let found = false;
    const merged = players.map((player) => {
      if (player.openId !== you) return player;
      found = true;
      return player.best !== null && player.best.score >= saved.score ? player : { ...player, best: saved };
    });
    if (!found) merged.push({ openId: you, name: 'You', avatarUrl: '', best: saved, mine: true });
    return merged;
  }

  private bump_(): void {
    this.version += 1;
    this.onChange_();
  }
}
