// The generation setting end to end through run(): what 2.36.7 mode (AWS_VOICEID_COMPAT=2.36.7)
// takes from Voice ID's final model, and what 2.9.19 mode, the default, keeps.
import { describe, expect, it } from 'vitest';
import { baseEnv, runCli } from '../helpers/run-cli.js';

const COMPAT = (generation: string) => baseEnv({ AWS_VOICEID_COMPAT: generation });

describe('--version', () => {
  it.each([
    ['2.9.19', baseEnv()],
    ['2.36.7', COMPAT('2.36.7')],
    ['2.36.7', COMPAT('latest')],
  ])('names this project first, then aws-cli/%s, the release it emulates', async (generation, env) => {
    const result = await runCli(['--version'], { env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^aws-voiceid/\\S+ aws-cli/${generation.replaceAll('.', '\\.')} Node/\\S+ \\S+ source/\\S+ prompt/off\\n$`));
    expect(result.stderr).toBe('');
  });
});
