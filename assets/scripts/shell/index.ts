/**
 * Engine-free game-domain services shared by the Canvas 2D and Cocos editions. They take the platform
 * wrapper as a parameter and use no DOM and no engine.
 */
export * from './analytics';
export * from './boardCopy';
export * from './config';
export * from './consentCopy';
export * from './contextSurface';
export * from './friendBoard';
export * from './globalBoard';
export * from './invites';
export * from './launchQuery';
export * from './levelProgress';
export * from './runOutbox';
export * from './sampleHook';
export * from './serverClient';
export * from './services';
