/** The game the leaderboard shell runs. To run yours, point this line at its folder (docs/quickstart.md). */
export { game, gameInfo } from './starLanes/index';
