export {
  type ContextPlatform,
  createContextPlatform,
  type FriendCloudEntry,
  type ShareToUserOptions,
} from './context.js';
export { PlatformError, type PlatformErrorKind, readFailure } from './errors.js';
export {
  createGamePlatform,
  type GamePlatform,
  type PlatformOptions,
  type RequestOptions,
  type ShareAppMessageOptions,
  type TouchPhase,
} from './game.js';
export { findHost, type HostName } from './host.js';
export { DEFAULT_TIMEOUTS, type Timeouts } from './timeouts.js';
export type * from './types.js';
export { type KeyValue, MAX_KEY_LENGTH, MAX_KEYS_PER_CALL, MAX_VALUE_LENGTH } from './validate.js';
