/**
 * Everything the open data context needs from the platform, in one narrow type. Production passes the
 * shared wrapper (`createContextPlatform`); tests and the benchmark pass fakes with the same shape.
 */
import type { ContextPlatform } from '../../assets/scripts/platform/context';

export type { FriendCloudEntry, ShareToUserOptions } from '../../assets/scripts/platform/context';
export { authorizationProblem, PlatformError } from '../../assets/scripts/platform/errors';
export type { PlatformImage, SharedCanvas } from '../../assets/scripts/platform/types';

export type ContextHost = Pick<
  ContextPlatform,
  | 'onMessage'
  | 'getSharedCanvas'
  | 'createImage'
  | 'requestAnimationFrame'
  | 'cancelAnimationFrame'
  | 'setTimeout'
  | 'clearTimeout'
  | 'getFriendCloudStorage'
  | 'getUserCloudStorage'
  | 'setUserCloudStorage'
  | 'shareToUser'
> & {
  /** Wall-clock ms, for the friend cache's time to live. */
  now(): number;
};
