import { game } from '../../../assets/scripts/games/registered';
import { game as starTap } from '../../../examples/star-tap/index';
import { testGame } from '../testGame';
import { checkGameContract } from './contractChecks';

// The registered game is whichever the sample runs: these hold after any swap.
checkGameContract('the registered game', game);
checkGameContract('the test game', testGame);
checkGameContract("Star Tap, the quickstart's example", starTap);
