import { CURRENT_TIKTOK_VERSION, SIMULATED_SDK_VERSION } from './device';
import { AUTHORIZE_SCOPES, SCOPE_FRIENDS, SCOPE_OPENID, SCOPE_PROFILE } from './server/authorization';
import {
  DOUYIN_SHARE_WITHOUT_TAP,
  SIMULATOR_CODE_RANGE,
  TIKTOK_LOGIN_WITHOUT_LEGAL_URLS,
  TIKTOK_SERVER_ERROR,
  TIKTOK_TIMEOUT,
  TIKTOK_URL_NOT_IN_DOMAIN_LIST,
} from './server/errors';
import { DOUYIN_FRIEND_LIMIT } from './server/friendShape';
import { ACCESS_TOKEN_TTL_S, REFRESH_TOKEN_TTL_S } from './server/oauth';
import { CODE_TTL_MS } from './server/platform';
import {
  MAX_ENTRY_BYTES,
  MAX_KEY_BYTES,
  MAX_KEY_LENGTH,
  MAX_KEYS_PER_USER,
  MAX_VALUE_LENGTH,
} from './server/validate';
import { TAP_WINDOW_MS } from './web/game/touches';

/**
 * Every behaviour the simulator implements where TikTok's guide is silent, a page contradicts it, or two
 * pages disagree: one row each of docs/simulator.md's "Assumptions" table. `row` is a phrase of the row's
 * behaviour cell; `sources` the kinds of source its source cell must name (a TikTok page, Douyin's docs,
 * WeChat's, the guide, or the word "assumption"); `facts` values the row must state, read from the code
 * that implements them, so the table cannot drift from what the simulator does.
 * tests/unit/docs/simulatorAssumptions.test.ts holds the table against this list, both ways.
 */

export type SourceKind = 'tiktok' | 'douyin' | 'wechat' | 'guide' | 'assumption';

export interface Behaviour {
  row: string;
  sources: readonly SourceKind[];
  facts?: readonly string[];
  /** The row says which page contradicts an earlier reading, or which pages disagree. */
  disputed?: true;
}

const n = (value: number) => value.toLocaleString('en-US');
const scopes = (list: readonly string[]) => list.map((scope) => `\`${scope}\``);

export const SIMULATED_BEHAVIOURS: readonly Behaviour[] = [
  {
    row: 'Scope names',
    sources: ['tiktok', 'assumption'],
    facts: scopes([SCOPE_PROFILE, SCOPE_OPENID, SCOPE_FRIENDS]),
  },
  { row: '`authorize({scope})`', sources: ['tiktok', 'assumption'], facts: scopes(AUTHORIZE_SCOPES) },
  { row: '`getSetting`', sources: ['wechat', 'douyin', 'assumption'] },
  {
    row: 'Error numbers of the simulator',
    sources: ['tiktok', 'assumption'],
    facts: [`${SIMULATOR_CODE_RANGE.first}–${SIMULATOR_CODE_RANGE.last}`, String(TIKTOK_TIMEOUT)],
  },
  { row: 'The declared request domains', sources: ['tiktok', 'assumption'] },
  {
    row: 'to plain HTTP or an undeclared origin',
    sources: ['tiktok'],
    facts: [String(TIKTOK_URL_NOT_IN_DOMAIN_LIST)],
  },
  { row: '`setting.urlCheck: false`', sources: ['wechat', 'assumption'] },
  {
    row: 'answered outside 2xx',
    sources: ['tiktok', 'douyin'],
    facts: [String(TIKTOK_SERVER_ERROR)],
    disputed: true,
  },
  { row: 'RequestTask', sources: ['tiktok', 'assumption'] },
  { row: 'async storage', sources: ['tiktok', 'wechat', 'assumption'] },
  {
    row: 'A key is at most',
    sources: ['guide', 'wechat', 'douyin'],
    facts: [n(MAX_KEY_LENGTH), n(MAX_KEY_BYTES), n(MAX_VALUE_LENGTH)],
  },
  {
    row: 'Key plus value at most',
    sources: ['wechat', 'douyin'],
    facts: [n(MAX_ENTRY_BYTES), n(MAX_KEYS_PER_USER)],
  },
  { row: 'codes live', sources: ['assumption'], facts: [`${CODE_TTL_MS / 60_000} minutes`] },
  {
    row: 'Access tokens last',
    sources: ['tiktok'],
    facts: [`expires_in: ${ACCESS_TOKEN_TTL_S}`, `${REFRESH_TOKEN_TTL_S / 86_400} days`],
    disputed: true,
  },
  { row: 'A rotated refresh token keeps', sources: ['assumption'] },
  { row: 'can be exchanged at `/v2/oauth/token/`', sources: ['tiktok', 'assumption'] },
  { row: '`get_status_only: true`', sources: ['guide', 'assumption'] },
  { row: 'A partial grant', sources: ['guide', 'assumption'] },
  { row: 'A refused scope is not asked again', sources: ['douyin', 'assumption'] },
  { row: '`tt.openSetting`', sources: ['douyin', 'assumption'] },
  { row: 'includes the player even before they played', sources: ['guide', 'assumption'] },
  { row: '`status_code: 0`', sources: ['guide', 'assumption'] },
  { row: 'No cap on friends', sources: ['assumption'], facts: [String(DOUYIN_FRIEND_LIMIT)] },
  { row: "Rows in Douyin's shape", sources: ['douyin', 'wechat'] },
  {
    row: 'A share not started by a tap',
    sources: ['douyin', 'assumption'],
    facts: [String(DOUYIN_SHARE_WITHOUT_TAP), `${TAP_WINDOW_MS / 1000} second`],
    disputed: true,
  },
  { row: "`shareAppMessage` card's title and image", sources: ['tiktok', 'douyin'], disputed: true },
  { row: 'The card configured for the game', sources: ['tiktok', 'assumption'] },
  { row: '`templateType`', sources: ['tiktok', 'guide', 'assumption'] },
  { row: 'Direct message sharing needs', sources: ['tiktok'], facts: [CURRENT_TIKTOK_VERSION] },
  { row: '`canIUse(schema)`', sources: ['tiktok', 'guide', 'assumption'], facts: [SIMULATED_SDK_VERSION] },
  { row: '`tt`, `wx` and `TTMinis.game`', sources: ['tiktok'] },
  { row: 'no confirmation sheet', sources: ['guide', 'assumption'] },
  { row: 'Share card texts are checked for type only', sources: ['assumption'] },
  { row: "`errMsg: '<api>:ok'`", sources: ['assumption'] },
  { row: 'Messages posted before the context listens', sources: ['assumption'] },
  { row: '`sharedCanvas` size and style', sources: ['guide'] },
  { row: 'The default shared canvas size', sources: ['assumption'] },
  { row: '`onShow` fires on the return', sources: ['tiktok'] },
  { row: 'Scene values', sources: ['tiktok', 'assumption'], disputed: true },
  {
    row: 'Login fails with',
    sources: ['tiktok', 'assumption'],
    facts: [String(TIKTOK_LOGIN_WITHOUT_LEGAL_URLS)],
  },
  { row: 'With the network down', sources: ['douyin', 'assumption'] },
  { row: '`getCloudStorageByRelation({type, keyList})`', sources: ['douyin', 'assumption'] },
  { row: '`setUserCloudStorage` takes', sources: ['guide', 'douyin'] },
  {
    row: 'reports `version`',
    sources: ['assumption'],
    facts: [CURRENT_TIKTOK_VERSION, SIMULATED_SDK_VERSION],
  },
];
