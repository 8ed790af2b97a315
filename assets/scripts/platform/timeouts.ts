/** How long each kind of call may take before the wrapper gives up, in ms. */
export interface Timeouts {
  /** Calls that only touch data: cloud storage, login, friend lists. */
  data: number;
  /** Calls that wait for the player: authorization prompts, share pickers. */
  interactive: number;
  /** HTTP requests to the game server. */
  request: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { data: 10_000, interactive: 120_000, request: 8_000 };
