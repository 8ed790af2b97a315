import { compareVersions, type DeviceSettings, type PlatformMode, SIMULATED_SDK_VERSION } from './device';
import { apisOf } from './platformApis';

/**
 * `tt.canIUse(schema)` with the whole schema TikTok documents, `${API}.${method}.${param}.${option}`
 * (Basic utility page: `canIUse('env.USER_DATA_PATH')`, "supported starting from SDK version 0.6.0"):
 * an API, then `object` (a parameter of its options, then one of that parameter's values), `success` (a
 * field of its result) or `return` (a member of what it returns). Each part must be in this table, for
 * the calling domain, the runtime (mode) and the phone's TikTok version. Pure: both frames and the tests
 * use it.
 */

interface Member {
  /** Values `${API}.object.${param}.${value}` accepts; none listed, none accepted. */
  values?: readonly string[];
  /** Only on these runtimes (TikTok ignores a share's title and image, so it does not list them). */
  modes?: readonly PlatformMode[];
}

interface ApiSchema {
  object?: Readonly<Record<string, Member>>;
  success?: Readonly<Record<string, Member>>;
  return?: Readonly<Record<string, Member>>;
  /** The first TikTok version with the API (checked in TikTok mode). */
  since?: string;
}

const any: Member = {};
const douyin: Member = { modes: ['douyin'] };
const tiktok: Member = { modes: ['tiktok'] };
const TEMPLATE_TYPES = { values: ['1', '2'] } as const;
/** Direct message sharing, both paths: TikTok's Direct Message Sharing page. */
const DIRECT_MESSAGE_SHARING = '40.3.0';

const SYSTEM_INFO = Object.fromEntries(
  [
    'brand',
    'model',
    'platform',
    'system',
    'language',
    'version',
    'SDKVersion',
    'pixelRatio',
    'screenWidth',
    'screenHeight',
    'windowWidth',
    'windowHeight',
    'safeArea',
  ].map((field) => [field, any]),
);

export const API_SCHEMAS: Readonly<Record<string, ApiSchema>> = {
  login: { success: { code: any } },
  authorize: { object: { scope: any }, success: { code: any } },
  getSetting: { success: { authSetting: any } },
  openSetting: { success: { authSetting: any } },
  authorizeOpenContext: { object: { get_status_only: any }, success: { code: any } },
  setUserCloudStorage: { object: { data: tiktok, KVDataList: douyin } },
  removeUserCloudStorage: { object: { keyList: any } },
  getUserCloudStorage: { object: { keyList: any }, success: { data: tiktok, KVDataList: douyin } },
  getFriendCloudStorage: {
    object: { keyList: any },
    success: { data: any, status_code: tiktok, status_msg: tiktok },
  },
  getCloudStorageByRelation: {
    object: { type: { values: ['friend', 'recommend', 'group'] }, keyList: any },
    success: { data: any },
  },
  shareAppMessage: {
    object: {
      imageUrl: douyin,
      title: douyin,
      subtitle: any,
      templateType: TEMPLATE_TYPES,
      query: any,
      path: any,
    },
    since: DIRECT_MESSAGE_SHARING,
  },
  shareToUser: {
    object: {
      openid: any,
      imageUrl: any,
      title: any,
      subtitle: any,
      templateType: TEMPLATE_TYPES,
      query: any,
    },
    since: DIRECT_MESSAGE_SHARING,
  },
  shareToStory: { object: { templateType: TEMPLATE_TYPES } },
  request: {
    object: {
      url: any,
      method: { values: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH'] },
      data: any,
      header: any,
      timeout: any,
    },
    success: { statusCode: any, data: any, header: any },
    return: { abort: any },
  },
  getStorage: { object: { key: any }, success: { data: any } },
  setStorage: { object: { key: any, data: any } },
  removeStorage: { object: { key: any } },
  getSystemInfoSync: { return: SYSTEM_INFO },
  getSystemInfo: { success: SYSTEM_INFO },
};

/** Properties rather than calls: `env.USER_DATA_PATH` (game domain, SDK 0.6.0). */
const PROPERTIES: Readonly<Record<string, { domain: 'game' | 'context'; sdkSince: string }>> = {
  'env.USER_DATA_PATH': { domain: 'game', sdkSince: '0.6.0' },
};

export type Domain = 'game' | 'context';

/** Why an API is missing on this phone's TikTok version, or null when the version has it. */
export function versionProblem(api: string, device: DeviceSettings): string | null {
  const since = API_SCHEMAS[api]?.since;
  if (device.platform !== 'tiktok' || since === undefined) return null;
  if (compareVersions(device.tiktokVersion, since) >= 0) return null;
  return `${api} needs TikTok ${since} or later (this phone runs ${device.tiktokVersion})`;
}

function memberAllowed(member: Member | undefined, option: string | undefined, mode: PlatformMode): boolean {
  if (!member) return false;
  if (member.modes && !member.modes.includes(mode)) return false;
  return option === undefined || (member.values?.includes(option) ?? false);
}

/** Whether the schema works in this domain on this phone. */
export function canIUse(schema: string, domain: Domain, device: DeviceSettings): boolean {
  const property = PROPERTIES[schema];
  if (property)
    return property.domain === domain && compareVersions(SIMULATED_SDK_VERSION, property.sdkSince) >= 0;
  const [api = '', method, param, option, ...rest] = schema.split('.');
  if (rest.length > 0 || !apisOf(domain, device.platform).has(api)) return false;
  if (versionProblem(api, device) !== null) return false;
  if (method === undefined) return true;
  const table = API_SCHEMAS[api];
  if (!table || param === undefined) return false;
  if (method === 'object') return memberAllowed(table.object?.[param], option, device.platform);
  if (option !== undefined) return false;
  if (method === 'success') return memberAllowed(table.success?.[param], undefined, device.platform);
  if (method === 'return') return memberAllowed(table.return?.[param], undefined, device.platform);
  return false;
}

/** `tt.canIUse` for a frame: reads the phone's settings at each call, so a devtools change applies at once. */
export function canIUseIn(domain: Domain, device: () => DeviceSettings): (schema: unknown) => boolean {
  return (schema) => {
    if (typeof schema !== 'string' || schema.trim() === '')
      throw new TypeError(
        `canIUse: schema must be an API name such as 'shareAppMessage', got ${JSON.stringify(schema)}`,
      );
    return canIUse(schema, domain, device());
  };
}
