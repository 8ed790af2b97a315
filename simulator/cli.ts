import { parseArgs } from 'node:util';
import { isPlatformMode, PLATFORM_MODES, type PlatformMode } from './device';
import { modeFromEnvironment, startSimulator } from './index';
import { FRIEND_DATA_SHAPES, isFriendDataShape, modeOfFriendData } from './server/friendShape';

/**
 * npx tsx simulator/cli.ts --package dist --data .sim-data [--port 9527 --game-port 9528 --context-port 9529]
 * [--platform tiktok|douyin] (`--friend-data guide|douyin` is the older name)
 */

const { values } = parseArgs({
  options: {
    package: { type: 'string', default: 'dist' },
    data: { type: 'string', default: process.env.SIM_DATA_DIR ?? '.sim-data' },
    port: { type: 'string' },
    'game-port': { type: 'string' },
    'context-port': { type: 'string' },
    quiet: { type: 'boolean', default: false },
    platform: { type: 'string' },
    'friend-data': { type: 'string' },
  },
});

function refuse(message: string): never {
  console.error(message);
  process.exit(2);
}

function platformMode(): PlatformMode {
  const mode = values.platform;
  const shape = values['friend-data'];
  if (mode !== undefined) {
    if (!isPlatformMode(mode)) refuse(`--platform must be one of ${PLATFORM_MODES.join(', ')}, got ${mode}`);
    return mode;
  }
  if (shape !== undefined) {
    if (!isFriendDataShape(shape))
      refuse(`--friend-data must be one of ${FRIEND_DATA_SHAPES.join(', ')}, got ${shape}`);
    return modeOfFriendData(shape);
  }
  try {
    return modeFromEnvironment();
  } catch (error) {
    return refuse((error as Error).message);
  }
}

const port = (value: string | undefined) => (value === undefined ? undefined : Number(value));

const simulator = await startSimulator({
  packageDir: values.package,
  dataDir: values.data,
  port: port(values.port),
  gamePort: port(values['game-port']),
  contextPort: port(values['context-port']),
  log: !values.quiet,
  platformMode: platformMode(),
});
console.log(`TikTok host simulator: ${simulator.urls.main}/`);
for (const warning of simulator.warnings) console.warn(`warning: ${warning}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
