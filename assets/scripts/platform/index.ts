export {
  type ContextPlatform,
  createContextPlatform,
  type FriendCloudEntry,
  type ShareToUserOptions,
} from './context';
export {
  AUTHORIZATION_CODES,
  type AuthorizationProblem,
  authorizationProblem,
  isUnreachable,
  PlatformError,
  type PlatformErrorKind,
  REQUEST_CODES,
  type RequestProblem,
  readFailure,
  requestProblem,
} from './errors';
export {
  createGamePlatform,
  type GamePlatform,
  type PlatformOptions,
  type RequestOptions,
  type ShareAppMessageOptions,
  type TouchPhase,
} from './game';
export { canIUseOn, findHost, type HostName } from './host';
export { DEFAULT_TIMEOUTS, type Timeouts } from './timeouts';
export type {
  CallbackOptions,
  LaunchOptions,
  PlatformCanvas,
  PlatformFailure,
  PlatformImage,
  RawFriendCloudData,
  RawKeyValue,
  RawRequestResult,
  RawRuntime,
  SharedCanvas,
  SharedCanvasStyle,
  ShareOptionsBase,
  ShareTemplateType,
  SystemInfo,
  TouchEventLike,
  TouchPoint,
} from './types';
export {
  type KeyValue,
  MAX_ENTRY_BYTES,
  MAX_KEY_BYTES,
  MAX_KEY_LENGTH,
  MAX_KEYS_PER_CALL,
  MAX_VALUE_LENGTH,
} from './validate';
