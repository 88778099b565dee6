#!/usr/bin/env node
// Shim: starts the local Voice ID endpoint (src/emulator/), bundled into dist/ by npm run build.
import { runProcess } from '../dist/voiceid-local.js';

await runProcess(process.argv.slice(2));
