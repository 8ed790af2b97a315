/**
 * The package's game.js, written by this project (tools/cocos/headless/): the order of an editor build's
 * bytedance game.js (web-adapter, a module loader, application.js, cc, engine-adapter, then
 * `application.init(cc)` and `application.start()`), with our own loader. Between cc and the
 * engine-adapter it repairs the adapter's known defects (adapter-repairs.js). Progress, repairs and the
 * first failure are kept in GameGlobal.__engineBoot, so a test can tell "still booting" from "failed at
 * stage X".
 */

const boot = { stage: 'adapter', error: null, scene: null, repairs: [] };
GameGlobal.__engineBoot = boot;

function fail(error) {
  boot.error = `${boot.stage}: ${error?.stack || error}`;
  boot.stage = 'failed';
  console.error('engine boot failed', error);
}

function watchSceneLaunch(cc) {
  cc.director.on(cc.Director.EVENT_AFTER_SCENE_LAUNCH, (scene) => {
    boot.scene = scene.name;
    if (boot.stage !== 'failed') boot.stage = 'running';
  });
}

try {
  require('./web-adapter');
  boot.stage = 'engine';
  const System = require('./src/system-loader');
  GameGlobal.System = System;
  System.configure({ cc: './cocos-js/cc', './application.js': './application' }, (file) => require(file));
  // What `cc/env` answers in a bytedance build; the editor's import map points scripts at the engine's constants.
  const env = require('./src/cc-env');
  System.define('cc/env', [], (exportValue) => ({ execute: () => exportValue(env) }));
  System.import('./application.js')
    .then(({ Application }) => new Application())
    .then((application) =>
      System.import('cc')
        .then((cc) => {
          const repairs = require('./src/adapter-repairs');
          const engineState = repairs.beforeEngineAdapter(cc);
          require('./engine-adapter');
          boot.repairs = repairs.afterEngineAdapter(cc, engineState);
          watchSceneLaunch(cc);
          boot.stage = 'init';
          return application.init(cc);
        })
        .then(() => application.start())
        .then(() => {
          if (boot.stage === 'init') boot.stage = 'scene';
        }),
    )
    .catch(fail);
} catch (error) {
  fail(error);
}
