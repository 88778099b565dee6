// Preloaded (`node -r`) into a run of bin/aws-voiceid.js: when the process exits, writes to the
// file MODULE_PROBE_REPORT which of Node's built-in modules this run loaded that were not loaded
// when the probe started (the start-up of `node FILE` itself), and which files of dist/cli/ the
// CLI compiled, as JSON { builtins: [...], files: [...] }. The loader's vm.Script is watched by
// replacing node:vm's Script with a subclass before bin/load-cli.cjs takes it.
'use strict';
const { writeFileSync } = require('node:fs');
const vm = require('node:vm');

const report = process.env.MODULE_PROBE_REPORT;
const before = new Set(process.moduleLoadList);
const files = [];
const { Script } = vm;
vm.Script = class extends Script {
  constructor(source, options) {
    super(source, options);
    files.push(options.filename);
  }
};
process.on('exit', () => {
  const builtins = process.moduleLoadList
    .filter((entry) => !before.has(entry) && entry.startsWith('NativeModule '))
    .map((entry) => entry.slice('NativeModule '.length))
    .filter((name) => !name.startsWith('internal/'));
  writeFileSync(report, JSON.stringify({ builtins, files }));
});
