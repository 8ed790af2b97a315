/**
 * The platform APIs that the simulator's services answer (in Node, as the active player), by domain.
 * One table for everything that needs the list: the services' domain check, the frames that forward
 * these calls to the Main Frame, and the tests' stand-in runtime. An API listed in both domains may be
 * called from either.
 */
export const GAME_SERVICE_APIS = [
  'login',
  'authorizeOpenContext',
  'setUserCloudStorage',
  'removeUserCloudStorage',
  'shareAppMessage',
  'shareToStory',
  'reportAnalytics',
] as const;

export const CONTEXT_SERVICE_APIS = [
  'getUserCloudStorage',
  'setUserCloudStorage',
  'removeUserCloudStorage',
  'getFriendCloudStorage',
  'shareToUser',
] as const;

export type ServiceApi = (typeof GAME_SERVICE_APIS)[number] | (typeof CONTEXT_SERVICE_APIS)[number];

/** `reportAnalytics(name, data)` is the one service API without success/fail callbacks. */
export const CALLBACK_SERVICE_APIS = [...new Set([...GAME_SERVICE_APIS, ...CONTEXT_SERVICE_APIS])].filter(
  (api): api is Exclude<ServiceApi, 'reportAnalytics'> => api !== 'reportAnalytics',
);
