/** The game contract, where a game in examples/ finds it as it will from assets/scripts/games/. */
export * from '../assets/scripts/games/runRecord';
