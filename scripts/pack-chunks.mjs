// Packs esbuild's chunks of the CLI (CommonJS by now, one module a chunk) into fewer files, so that
// an invocation reads and compiles a few files instead of dozens (esbuild's split makes one chunk
// for each set of entries that shares code, most of them under 2 kB):
//   - main.js holds main.js and every chunk it requires statically: all of them are loaded by
//     every run anyway;
//   - each chunk that something loads with import() (an entry: the request path, help, one SDK
//     command, ...) holds itself and the chunks it requires statically that main.js does not;
//   - a chunk that several entries share and that is larger than SHARED_LIMIT stays a file of its
//     own instead of a copy in each (small ones are copied: a copy costs less than a file).
// A pack is a script whose value is an object of module factories by module id ("./chunk-X.js");
// bin/load-cli.cjs runs each module once, whichever pack defined it first. Returns the packs as
// Map<file name, source>; import() is left for the caller to rewrite.

const SHARED_LIMIT = 2048;

const REQUIRE = /\brequire\((["'])(\.\/[^"']+)\1\)/g;
const IMPORT = /\bimport\((["'])(\.\/[^"']+)\1\)/g;

/** @param {Map<string, string>} chunks module id ("./main.js") → CommonJS source */
export function packChunks(chunks) {
  const statics = new Map([...chunks].map(([id, code]) => [id, [...code.matchAll(REQUIRE)].map((m) => m[2])]));
  const dynamics = [...chunks.values()].flatMap((code) => [...code.matchAll(IMPORT)].map((m) => m[2]));
  for (const id of [...statics.values()].flat().concat(dynamics)) {
    if (!chunks.has(id)) throw new Error(`dist/cli: a chunk requires ${id}, which esbuild did not write`);
  }
  const closure = (entry) => {
    const seen = new Set([entry]);
    for (const id of seen) for (const dep of statics.get(id)) seen.add(dep);
    return seen;
  };
  const core = closure('./main.js');
  const entries = [...new Set(dynamics)].filter((id) => !core.has(id));
  const users = new Map();
  for (const entry of entries) {
    for (const id of closure(entry)) if (!core.has(id) && id !== entry) users.set(id, (users.get(id) ?? 0) + 1);
  }
  const standalone = new Set([...users].filter(([id, count]) => count > 1 && chunks.get(id).length > SHARED_LIMIT).map(([id]) => id));
  const packs = new Map([['./main.js', [...core]]]);
  for (const entry of entries)
    packs.set(
      entry,
      [...closure(entry)].filter((id) => id === entry || (!core.has(id) && !standalone.has(id))),
    );
  for (const id of standalone) if (!packs.has(id)) packs.set(id, [id]);
  return new Map(
    [...packs].map(([file, members]) => [
      file.slice(2),
      `({${members.map((id) => `${JSON.stringify(id)}:function(exports,require,module,__filename,__dirname){${chunks.get(id)}\n}`).join(',\n')}})`,
    ]),
  );
}
