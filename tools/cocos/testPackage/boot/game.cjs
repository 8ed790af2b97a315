/**
 * The engine test package's entry, written by this project (tools/cocos/testPackage/): the order of the
 * editor's bytedance game.js (web-adapter, a module loader, cc, engine-adapter, then the game) with our
 * own loader, settings and scene start. Progress and the first failure are in GameGlobal.__engineBoot,
 * so a test can tell "still booting" from "failed at stage X".
 */

const boot = { stage: 'adapter', error: null, scene: null, missingMaterials: [] };
GameGlobal.__engineBoot = boot;

function fail(error) {
  boot.error = `${boot.stage}: ${error?.stack || error}`;
  boot.stage = 'failed';
  console.error('engine boot failed', error);
}

function startScene(cc, sceneJson) {
  // The scene file is the editor's source format, which the engine's dynamic deserializer reads; its
  // script components are found by the compressed uuids the project's scripts registered with.
  const sceneAsset = cc.deserialize(sceneJson);
  cc.director.runSceneImmediate(sceneAsset, undefined, () => {
    boot.scene = cc.director.getScene().name;
    boot.stage = 'running';
  });
}

try {
  require('./cocos/web-adapter');
  const loader = require('./boot/systemLoader');
  GameGlobal.System = { register: loader.register };
  boot.stage = 'engine';
  loader.defineFromFile('cc', () => require('./cocos/cc'));
  const env = require('./boot/env');
  loader.define('cc/env', [], (exportValue) => ({ execute: () => exportValue(env) }));
  const cc = loader.importModule('cc');
  require('./cocos/engine-adapter');
  boot.stage = 'scripts';
  const scriptIds = require('./src/project');
  for (const id of scriptIds) loader.importModule(id);
  boot.stage = 'init';
  cc.game
    .init({ debugMode: cc.DebugMode.WARN, overrideSettings: require('./src/settings') })
    .then(() => {
      boot.missingMaterials = require('./boot/missingMaterials').standInForMissingMaterials(cc);
      boot.stage = 'scene';
      cc.game.run(() => {
        try {
          startScene(cc, require('./src/scene'));
        } catch (error) {
          fail(error);
        }
      });
    })
    .catch(fail);
} catch (error) {
  fail(error);
}
