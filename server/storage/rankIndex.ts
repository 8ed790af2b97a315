/**
 * An in-memory order-statistic index of one board: positions (sortKey, openId) in board order, in
 * sorted blocks of a few hundred, with a Fenwick tree over the block sizes. Rank of a position, the
 * position at a rank, insert and remove each cost O(log n) plus a splice inside one block, whatever the
 * ties. SQLite has no ranked index; this is the equivalent of Redis's skiplist (and of Nakama's rank
 * cache), kept beside the table, which stays the source of truth.
 */

/** Half the largest block: big enough that the block list stays short, small enough to splice fast. */
const BLOCK = 512;

export interface Position {
  sortKey: number;
  openId: string;
}

interface Block {
  keys: number[];
  ids: string[];
}

/** Board order: sort key ascending, then open_id (ASCII, so JS string order is SQLite's and Redis's). */
function compare(keyA: number, idA: string, keyB: number, idB: string): number {
  if (keyA !== keyB) return keyA < keyB ? -1 : 1;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

export class RankIndex {
  private blocks: Block[] = [{ keys: [], ids: [] }];
  /** Fenwick tree (1-based) over the block sizes. */
  private tree: number[] = [0, 0];
  private count = 0;

  /** Builds from positions already in board order (as `ORDER BY sort_key, open_id` gives them). */
  static fromSorted(positions: Iterable<readonly [sortKey: number, openId: string]>): RankIndex {
    const index = new RankIndex();
    const blocks: Block[] = [];
    let current: Block = { keys: [], ids: [] };
    for (const [key, id] of positions) {
      if (current.keys.length === BLOCK) {
        blocks.push(current);
        current = { keys: [], ids: [] };
      }
      current.keys.push(key);
      current.ids.push(id);
      index.count += 1;
    }
    blocks.push(current);
    index.blocks = blocks;
    index.rebuildTree();
    return index;
  }

  get size(): number {
    return this.count;
  }

  /** How many positions come strictly before (key, id): its 0-based rank when it is present. */
  countBefore(key: number, id: string): number {
    const b = this.blockFor(key, id);
    if (b === this.blocks.length) return this.count;
    return this.prefix(b) + this.lowerBound(this.blocks[b] as Block, key, id);
  }

  /** How many positions come before (key, id) or are it. */
  countUpTo(key: number, id: string): number {
    const b = this.blockFor(key, id);
    if (b === this.blocks.length) return this.count;
    const block = this.blocks[b] as Block;
    const at = this.lowerBound(block, key, id);
    const found = at < block.keys.length && block.keys[at] === key && block.ids[at] === id;
    return this.prefix(b) + at + (found ? 1 : 0);
  }

  /** The position at 0-based rank `index`, or null past the end. */
  at(index: number): Position | null {
    if (index < 0 || index >= this.count) return null;
    // Fenwick descent: the block holding the index, and how many positions precede that block.
    let b = 0;
    let rest = index;
    for (let step = highestPowerOfTwo(this.blocks.length); step > 0; step >>= 1) {
      const next = b + step;
      if (next <= this.blocks.length && (this.tree[next] as number) <= rest) {
        b = next;
        rest -= this.tree[next] as number;
      }
    }
    const block = this.blocks[b] as Block;
    return { sortKey: block.keys[rest] as number, openId: block.ids[rest] as string };
  }

  /** Adds (key, id); a position already there is left as it is. */
  insert(key: number, id: string): void {
    const b = Math.min(this.blockFor(key, id), this.blocks.length - 1);
    const block = this.blocks[b] as Block;
    const at = this.lowerBound(block, key, id);
    if (block.keys[at] === key && block.ids[at] === id) return;
    block.keys.splice(at, 0, key);
    block.ids.splice(at, 0, id);
    this.count += 1;
    if (block.keys.length > 2 * BLOCK) {
      this.blocks.splice(b + 1, 0, {
        keys: block.keys.splice(BLOCK),
        ids: block.ids.splice(BLOCK),
      });
      this.rebuildTree();
    } else {
      this.add(b, 1);
    }
  }

  /** Removes (key, id); false when it is not there. */
  remove(key: number, id: string): boolean {
    const b = this.blockFor(key, id);
    if (b === this.blocks.length) return false;
    const block = this.blocks[b] as Block;
    const at = this.lowerBound(block, key, id);
    if (block.keys[at] !== key || block.ids[at] !== id) return false;
    block.keys.splice(at, 1);
    block.ids.splice(at, 1);
    this.count -= 1;
    if (block.keys.length === 0 && this.blocks.length > 1) {
      this.blocks.splice(b, 1);
      this.rebuildTree();
    } else {
      this.add(b, -1);
    }
    return true;
  }

  /** The first block whose last position is at or after (key, id); blocks.length when none is. */
  private blockFor(key: number, id: string): number {
    let low = 0;
    let high = this.blocks.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      const block = this.blocks[mid] as Block;
      const last = block.keys.length - 1;
      if (last < 0 || compare(block.keys[last] as number, block.ids[last] as string, key, id) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private lowerBound(block: Block, key: number, id: string): number {
    let low = 0;
    let high = block.keys.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compare(block.keys[mid] as number, block.ids[mid] as string, key, id) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Positions in blocks 0..b-1. */
  private prefix(b: number): number {
    let sum = 0;
    for (let i = b; i > 0; i -= i & -i) sum += this.tree[i] as number;
    return sum;
  }

  private add(b: number, delta: number): void {
    for (let i = b + 1; i < this.tree.length; i += i & -i) this.tree[i] = (this.tree[i] as number) + delta;
  }

  private rebuildTree(): void {
    const n = this.blocks.length;
    const tree = new Array<number>(n + 1).fill(0);
    for (let i = 1; i <= n; i++) {
      tree[i] = (tree[i] as number) + (this.blocks[i - 1] as Block).keys.length;
      const parent = i + (i & -i);
      if (parent <= n) tree[parent] = (tree[parent] as number) + (tree[i] as number);
    }
    this.tree = tree;
  }
}

function highestPowerOfTwo(n: number): number {
  let power = 1;
  while (power * 2 <= n) power *= 2;
  return power;
}
