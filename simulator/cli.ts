import { parseArgs } from 'node:util';
import { startSimulator } from './index';
import { FRIEND_DATA_SHAPES, isFriendDataShape } from './server/friendShape';

/**
 * npx tsx simulator/cli.ts --package dist --data .sim-data [--port 9527 --game-port 9528 --context-port 9529]
 * [--friend-data guide|douyin]
 */

const { values } = parseArgs({
  options: {
    package: { type: 'string', default: 'dist' },
    data: { type: 'string', default: process.env.SIM_DATA_DIR ?? '.sim-data' },
    port: { type: 'string' },
    'game-port': { type: 'string' },
    'context-port': { type: 'string' },
    quiet: { type: 'boolean', default: false },
    'friend-data': { type: 'string', default: process.env.SIM_FRIEND_DATA ?? 'guide' },
  },
});

const friendDataShape = values['friend-data'];
if (!isFriendDataShape(friendDataShape)) {
  console.error(`--friend-data must be one of ${FRIEND_DATA_SHAPES.join(', ')}, got ${friendDataShape}`);
  process.exit(2);
}

const port = (value: string | undefined) => (value === undefined ? undefined : Number(value));

const simulator = await startSimulator({
  packageDir: values.package,
  dataDir: values.data,
  port: port(values.port),
  gamePort: port(values['game-port']),
  contextPort: port(values['context-port']),
  log: !values.quiet,
  friendDataShape,
});
console.log(`TikTok host simulator: ${simulator.urls.main}/`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
