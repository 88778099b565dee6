#!/usr/bin/env node
// Shim: runs the bundled CLI (npm run build writes dist/) and sets the exit code. Nothing else.
import { nodeIo, run } from '../dist/cli.js';

const interrupt = new AbortController();
process.on('SIGINT', () => interrupt.abort());
process.exitCode = await run(process.argv.slice(2), nodeIo(interrupt.signal));
