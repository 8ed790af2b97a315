/**
 * A small System.register loader, standing in for the SystemJS bundle the editor's game.js loads: the
 * engine (cc.js, one anonymous module) and the project's scripts (named modules) are all in memory
 * already, so linking and running are synchronous. Live bindings work as in SystemJS: each export
 * call passes the exporter's namespace to every importer's setter.
 */

const registrations = new Map();
const records = new Map();
let anonymous = null;

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
    import: (specifier) => Promise.resolve().then(() => importModule(specifier)),
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

module.exports = { register, define, defineFromFile, importModule };
