#!/usr/bin/env node
// Shim: starts the local Voice ID endpoint (src/emulator/), bundled into dist/ by npm run build.
'use strict';
require('../dist/voiceid-local.js').runProcess(process.argv.slice(2));
