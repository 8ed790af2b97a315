/**
 * Everything a player can ask of the shell, as data: each button of each screen carries one, both
 * editions hand it to GameFlow.perform() and decide nothing themselves.
 */
import type { EntryPoint } from '../analytics';

export type BoardTab = 'friends' | 'global';

export type FlowAction =
  | { readonly kind: 'select-level'; readonly level: number }
  | { readonly kind: 'play'; readonly level: number }
  | { readonly kind: 'pause' }
  | { readonly kind: 'resume' }
  | { readonly kind: 'menu' }
  | { readonly kind: 'friend-board'; readonly entryPoint: EntryPoint }
  | { readonly kind: 'invite' }
  | { readonly kind: 'story' }
  | { readonly kind: 'close' }
  | { readonly kind: 'tab'; readonly tab: BoardTab }
  | { readonly kind: 'retry-auth' }
  | { readonly kind: 'retry-global' }
  | { readonly kind: 'consent'; readonly goOn: boolean };
