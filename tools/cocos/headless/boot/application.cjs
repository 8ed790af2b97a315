/**
 * The package's application.js, as an editor build has one (a System.register module exporting
 * `Application`): `init(cc)` hooks into the engine's start, `start()` runs `cc.game.init` with
 * src/settings.json and then `cc.game.run()`, which loads the bundles and the start scene. After the
 * engine's subsystems start (the `internal` bundle is loaded then), it checks that every builtin
 * material the 2D renderer looks up is there, and fails naming the missing ones.
 */
System.register([], (_export) => {
  let cc;
  const config = require('./src/boot-config');

  class Application {
    constructor() {
      this.settingsPath = 'src/settings.json';
    }

    init(engine) {
      cc = engine;
      cc.game.onPostSubsystemInitDelegate.add(this.onPostSystemInit.bind(this));
    }

    onPostSystemInit() {
      const missing = config.builtinMaterials.filter((name) => !cc.builtinResMgr.get(name));
      if (missing.length > 0) {
        throw new Error(
          `the engine has no builtin ${missing.join(', ')}: the package's internal bundle (assets/internal/) ` +
            'lacks them, so Label, Sprite and Graphics cannot draw; build again with npm run cocos:build',
        );
      }
    }

    start() {
      return cc.game
        .init({ debugMode: cc.DebugMode.WARN, settingsPath: this.settingsPath })
        .then(() => cc.game.run());
    }
  }

  return {
    execute: () => {
      _export('Application', Application);
    },
  };
});
