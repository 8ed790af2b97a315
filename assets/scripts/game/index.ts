/**
 * Engine-free game-domain services shared by the Canvas 2D and Cocos editions. They take the platform
 * wrapper as a parameter and use no DOM and no engine.
 */
export * from './analytics.js';
export * from './bestScore.js';
export * from './config.js';
export * from './contextSurface.js';
export * from './friendBoard.js';
export * from './globalBoard.js';
export * from './invites.js';
export * from './launchQuery.js';
export * from './serverClient.js';
export * from './services.js';
