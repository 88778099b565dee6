import { describe, expect, it } from 'vitest';
import { versionLine, VERSION } from '../../src/version.js';
import { createMemoryIo } from '../helpers/memory-io.js';

describe(versionLine.name, () => {
  it("names this project, then the AWS CLI release it emulates, in the reference's format", () => {
    expect(versionLine(createMemoryIo(), '2.9.19')).toBe(`aws-voiceid/${VERSION} aws-cli/2.9.19 Node/20.0.0 Linux/6.0.0-test source/x86_64 prompt/off`);
  });

  it('adds exec-env from AWS_EXECUTION_ENV, as the reference does', () => {
    expect(versionLine(createMemoryIo({ env: { AWS_EXECUTION_ENV: 'CloudShell' } }), '2.36.7')).toBe(
      `aws-voiceid/${VERSION} aws-cli/2.36.7 Node/20.0.0 Linux/6.0.0-test exec-env/CloudShell source/x86_64 prompt/off`,
    );
  });
});
