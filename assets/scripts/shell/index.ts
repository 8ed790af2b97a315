/**
 * The leaderboard shell, engine-free, shared by the Canvas 2D and Cocos editions: its services (login,
 * runs, the friend board's authorization, invites, analytics), the flow between its screens, and each
 * screen's content. It takes the platform wrapper and the game as parameters and uses no DOM and no engine.
 */
export * from './analytics';
export * from './boardCopy';
export * from './config';
export * from './connectivity';
export * from './consentCopy';
export * from './contextSurface';
export * from './flow/actions';
export * from './flow/gameFlow';
export * from './flow/playLoop';
export * from './flow/screens';
export * from './friendBoard';
export * from './globalBoard';
export * from './invites';
export * from './launchQuery';
export * from './levelProgress';
export * from './runOutbox';
export * from './sample';
export * from './sampleHook';
export * from './screens/index';
export * from './serverAnswers';
export * from './serverClient';
export * from './services';
export * from './testMode';
