import { describe, expect, it } from 'vitest';
import { ParamfileError } from '../../../src/params/paramfile.js';
import { ShorthandSyntaxError } from '../../../src/params/shorthand-errors.js';
import { parseShorthandWithFiles } from '../../../src/params/shorthand-paramfiles.js';
import { createMemoryIo } from '../../helpers/memory-io.js';
import { toTagged } from '../../helpers/py-tagged.js';

/** A memory Io in /work with `files` (relative names) that lists what was read. */
function filesIo(files: Record<string, string>) {
  const io = createMemoryIo({ cwd: '/work', files: Object.fromEntries(Object.entries(files).map(([name, text]) => [`/work/${name}`, text])) });
  const reads: string[] = [];
  const readFile = io.readFile;
  return {
    io: {
      ...io,
      readFile: (path: string) => {
        reads.push(path.replace('/work/', ''));
        return readFile(path);
      },
    },
    reads,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe(parseShorthandWithFiles.name, () => {
  it('reads each @= file in the order awscli does, as text or bytes, a file asked twice twice', async () => {
    const { io, reads } = filesIo({ 'a.txt': 'A\r\nB', 'b.bin': 'b', 'c.txt': 'C' });
    const value = await parseShorthandWithFiles('X@=file://a.txt,fileb://b.bin,Y={Z@=[file://c.txt,file://a.txt]},W=file://c.txt', '2.36.7', io);
    expect(toTagged(value)).toStrictEqual({
      dict: [
        ['X', ['A\nB', { bytes: '62' }]],
        ['Y', { dict: [['Z', ['C', 'A\nB']]], ordered: false }],
        ['W', 'file://c.txt'],
      ],
      ordered: false,
    });
    expect(reads).toStrictEqual(['a.txt', 'b.bin', 'c.txt', 'a.txt']);
  });

  it('fails on the first file that cannot be read, before a later syntax error, and reads no further', async () => {
    const { io, reads } = filesIo({ 'a.txt': 'A', 'c.txt': 'C' });
    const error = await rejection(parseShorthandWithFiles('X@=[file://a.txt,file://missing.txt,file://c.txt],Y={', '2.36.7', io));
    expect(error).toBeInstanceOf(ParamfileError);
    expect((error as Error).message).toBe("Unable to load paramfile file://missing.txt: [Errno 2] No such file or directory: 'missing.txt'");
    expect(reads).toStrictEqual(['a.txt', 'missing.txt']);
  });

  it('throws the syntax error that comes before a file, without reading it', async () => {
    const { io, reads } = filesIo({});
    const error = await rejection(parseShorthandWithFiles('X={Y=1}z,W@=file://missing.txt', '2.36.7', io));
    expect(error).toBeInstanceOf(ShorthandSyntaxError);
    expect(reads).toStrictEqual([]);
  });

  it('reads the files before a syntax error after them, then throws it', async () => {
    const { io, reads } = filesIo({ 'a.txt': 'A' });
    const error = await rejection(parseShorthandWithFiles('X@=file://a.txt,Y={', '2.36.7', io));
    expect(error).toBeInstanceOf(ShorthandSyntaxError);
    expect(reads).toStrictEqual(['a.txt']);
  });

  it('reads nothing in 2.9.19, where @ is a syntax error', async () => {
    const { io, reads } = filesIo({ 'a.txt': 'A' });
    const error = await rejection(parseShorthandWithFiles('X@=file://a.txt', '2.9.19', io));
    expect(error).toBeInstanceOf(ShorthandSyntaxError);
    expect((error as Error).message).toBe("Expected: '=', received: '@' for input:\nX@=file://a.txt\n ^");
    expect(reads).toStrictEqual([]);
  });
});
