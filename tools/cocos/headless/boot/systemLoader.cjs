/**
 * A small System.register loader of this project's own (src/system-loader.js in the package), standing in
 * for the SystemJS bundle an editor build's game.js loads. Files come from the package by `require`, as
 * in a mini game: a specifier in the import map (`cc` → ./cocos-js/cc.js) loads its file, which registers
 * one anonymous module; bundle scripts register named ones. Linking and running are synchronous, and
 * `import()` returns a promise as SystemJS's does. Live bindings work as in SystemJS: each export call
 * passes the exporter's namespace to every importer's setter.
 */

const registrations = new Map();
const records = new Map();
const importMap = new Map();
let anonymous = null;
let loadFile = null;

/** `map`: specifier → package file; `load`: how a file is run (the mini game's require). */
function configure(map, load) {
  for (const [specifier, file] of Object.entries(map)) importMap.set(specifier, file);
  loadFile = load;
}

/** GameGlobal.System.register: `(id, deps, declare)` names a module, `(deps, declare)` is the file's own. */
function register(first, second, third) {
  if (typeof first === 'string') registrations.set(first, { deps: second, declare: third });
  else anonymous = { deps: first, declare: second };
}

function define(id, deps, declare) {
  registrations.set(id, { deps, declare });
}

/** Requires a file that registers one anonymous module (cc.js does) and names that module `id`. */
function defineFromFile(id, load) {
  anonymous = null;
  load();
  if (!anonymous) throw new Error(`System.register loader: ${id} did not call System.register`);
  registrations.set(id, anonymous);
  anonymous = null;
}

function link(id) {
  const existing = records.get(id);
  if (existing) return existing;
  if (!registrations.has(id) && importMap.has(id) && loadFile) {
    const file = importMap.get(id);
    defineFromFile(id, () => loadFile(file));
  }
  const registration = registrations.get(id);
  if (!registration) {
    const known = [...registrations.keys()].join(', ');
    throw new Error(`System.register loader: no module "${id}" (known: ${known})`);
  }
  const record = {
    id,
    namespace: Object.create(null),
    importers: [],
    deps: [],
    execute: null,
    state: 'linked',
  };
  records.set(id, record);
  const exportValue = (name, value) => {
    if (typeof name === 'object' && name !== null) Object.assign(record.namespace, name);
    else record.namespace[name] = value;
    for (const setter of record.importers) setter(record.namespace);
    return value;
  };
  const context = {
    id,
    meta: { url: id },
    import: importAsync,
  };
  const declared = registration.declare(exportValue, context);
  record.execute = declared.execute || null;
  registration.deps.forEach((dep, index) => {
    const depRecord = link(dep);
    record.deps.push(depRecord);
    const setter = declared.setters?.[index];
    if (setter) {
      depRecord.importers.push(setter);
      setter(depRecord.namespace);
    }
  });
  return record;
}

function run(record) {
  if (record.state !== 'linked') return;
  record.state = 'running';
  for (const dep of record.deps) run(dep);
  const result = record.execute ? record.execute.call(undefined) : undefined;
  if (result && typeof result.then === 'function') {
    throw new Error(
      `System.register loader: ${record.id} uses top-level await, which this loader does not run`,
    );
  }
  record.state = 'done';
}

/** Links and runs a module and its imports, and returns its namespace. */
function importModule(id) {
  const record = link(id);
  run(record);
  return record.namespace;
}

/** SystemJS's `System.import`: the module's namespace, as a promise. */
function importAsync(id) {
  return Promise.resolve().then(() => importModule(id));
}

module.exports = { register, define, defineFromFile, importModule, configure, import: importAsync };
