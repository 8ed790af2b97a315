import { z } from 'zod';
import { MAX_SEED } from '../../assets/scripts/games/runRecord';
import { MAX_SEEDS_PER_REQUEST } from './runSeeds';

/** How many run seeds to fetch ahead (the game keeps a few; docs/server.md, "Run seeds"). */
export const SeedsBody = z.strictObject({ count: z.int().min(1).max(MAX_SEEDS_PER_REQUEST) });

/** Development servers only: the seed a test chose (`seed=n` in the launch query). */
export const ChosenSeedBody = z.strictObject({ seed: z.int().min(0).max(MAX_SEED) });

export type SeedsBody = z.infer<typeof SeedsBody>;
export type ChosenSeedBody = z.infer<typeof ChosenSeedBody>;
