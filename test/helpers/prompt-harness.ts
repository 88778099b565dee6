// Runs the interactive auto-prompt on the real terminal (nodePromptIo) for the pseudo-terminal
// tests: `node --import tsx test/helpers/prompt-harness.ts <args...>` prompts starting from
// <args>, then prints `ARGV <json>` (null when cancelled) and exits 0, or 130 when cancelled.
// `... prompt-harness.ts __complete <words...> <cursor word>` answers like `aws-voiceid __complete`.
import { completionCommand } from '../../src/cli/completion.js';
import { resolveGeneration } from '../../src/model/generation.js';
import { serviceModelFor } from '../../src/model/service-model.js';
import { nodePromptIo } from '../../src/prompt/node-prompt-io.js';
import { runAutoPrompt } from '../../src/prompt/run-auto-prompt.js';

const args = process.argv.slice(2);
// The model of the environment's generation (AWS_VOICEID_COMPAT), as run() chooses it for these two.
const generation = resolveGeneration(process.env, undefined);
const commands = { model: await serviceModelFor(generation), generation };
const completion = completionCommand(args, commands);
if (completion) {
  process.stdout.write(completion.stdout);
  process.stderr.write(completion.stderr);
  process.exitCode = completion.exitCode;
} else {
  const argv = await runAutoPrompt(args, nodePromptIo(), commands);
  process.stdout.write(`ARGV ${JSON.stringify(argv ?? null)}\n`);
  process.exitCode = argv ? 0 : 130;
}
