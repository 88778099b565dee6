// Checks src/values/py-codecs.ts's CJK codecs against Python itself, exhaustively where it can:
// every one- and two-byte input of the stateless codecs (and EUC's 8F xx yy, gb18030's four-byte
// and euc_kr's make-up sequences), every charset pair behind each ISO-2022 designation and hz's
// `~{`, and random runs of characters, escapes and stray bytes. Takes minutes; needs the oracle's
// interpreter. fixtures/values/codecs.json (scripts/gen-codec-table.py) holds a sample for vitest.
//   npx tsx scripts/check-cjk-codecs.ts [CODEC_OR_FAMILY ...]     (e.g. shift_jis gb18030_four hz)
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PyCodecError, pyTextDecode } from '../src/values/py-codecs.js';

// Prints [family, codec, hex, text | null (UnicodeDecodeError) | "!Kind: message"] lines.
const PYTHON = String.raw`
import codecs, json, random, sys
random.seed(7)
def dec(data, codec):
    try: return codecs.getincrementaldecoder(codec)().decode(data, True)
    except UnicodeDecodeError: return None
    except Exception as e: return '!' + type(e).__name__ + ': ' + str(e)
STATELESS = ['big5', 'big5hkscs', 'cp932', 'cp949', 'cp950', 'euc_jis_2004', 'euc_jisx0213', 'euc_jp', 'euc_kr', 'gb18030',
             'gb2312', 'gbk', 'johab', 'shift_jis', 'shift_jis_2004', 'shift_jisx0213']
STATEFUL = ['hz', 'iso2022_jp', 'iso2022_jp_1', 'iso2022_jp_2', 'iso2022_jp_2004', 'iso2022_jp_3', 'iso2022_jp_ext', 'iso2022_kr']
ESCS = [b'\x1b(B', b'\x1b(J', b'\x1b(I', b'\x1b$@', b'\x1b$B', b'\x1b$A', b'\x1b$(C', b'\x1b$(D', b'\x1b$)C', b'\x1b$(O', b'\x1b$(P',
        b'\x1b$(Q', b'\x1b.A', b'\x1b.F', b'\x1b.B', b'\x1b.J', b'\x1bN', b'\x1b&@\x1b$B', b'\x1b&@', b'\x1b', b'\x1bx', b'\x1b(', b'\x1b$',
        b'\x1b$(', b'\x1b)B', b'\x1b(A', b'\x1b(F', b'\x1b$)A', b'\x1b(1', b'\x1b$$$$$$$$$$$$$$$$B', b'\x0e', b'\x0f', b'\n', b'\r', b'~{',
        b'~}', b'~~', b'~\n', b'~', b'~x']
wanted = set(sys.argv[1:])
def wants(family, codec):
    return not wanted or family in wanted or codec in wanted
def emit(family, codec, inputs):
    for data in inputs:
        print(json.dumps([family, codec, data.hex(), dec(data, codec)]))
for c in (c for c in STATELESS if wants(c, c)):
    inputs = [bytes([a]) for a in range(256)] + [bytes([a, b]) for a in range(256) for b in range(256)]
    if c.startswith('euc_j'):
        inputs += [bytes([0x8f, a, b]) for a in range(256) for b in range(256)]
    pieces = [d for d in inputs if dec(d, c) is not None]
    for n in range(20000):
        inputs.append(b''.join(random.choice(pieces) if random.random() < 0.93 else bytes([random.randrange(256)])
                               for _ in range(random.randint(1, 8))))
    emit(c, c, inputs)
if wants('gb18030_four', 'gb18030'):
    emit('gb18030_four', 'gb18030', (bytes([a, b, c, d]) for a in range(0x80, 0x100) for b in range(0x30, 0x3a)
                                     for c in range(0x80, 0x100) for d in range(0x2f, 0x3b)))
if wants('euc_kr_makeup', 'euc_kr'):
    emit('euc_kr_makeup', 'euc_kr', [bytes([0xa4, 0xd4, 0xa4, x, 0xa4, y, 0xa4, z]) for x in range(0xa0, 0xff)
                                     for y in range(0xa0, 0xff) for z in range(0xa0, 0xff)]
         + [bytes([0xa4, 0xd4] + [random.randrange(256) for _ in range(random.randint(0, 7))]) for _ in range(20000)])
for c in (c for c in STATEFUL if wants(c, c)):
    inputs = []
    for sel in [e for e in ESCS if dec(e, c) is not None] + [b'']:
        inputs += [sel + bytes([a, b]) for a in range(256) for b in range(256) if random.random() < 0.25 or (0x20 <= a < 0x80 and b < 0x80)]
        inputs += [sel + b'\x1bN' + bytes([a]) for a in range(256)]
    for n in range(40000):
        inputs.append(b''.join(random.choice(ESCS) if random.random() < 0.3 else bytes(random.choice(
            [[random.randrange(0x21, 0x7f), random.randrange(0x21, 0x7f)], [random.randrange(256)], [random.randrange(0x20, 0x80)]]))
            for _ in range(random.randint(1, 10))))
    emit(c, c, inputs)
`;

async function outcome(codec: string, hex: string): Promise<string | null> {
  try {
    return await pyTextDecode(Buffer.from(hex, 'hex'), codec);
  } catch (error) {
    if (!(error instanceof PyCodecError)) throw error;
    return error.kind === 'UnicodeDecodeError' ? null : `!${error.kind}: ${error.message}`;
  }
}

const python = spawn('/usr/bin/python3', ['-c', PYTHON, ...process.argv.slice(2)], { stdio: ['ignore', 'pipe', 'inherit'] });
const counts = new Map<string, { inputs: number; mismatches: number }>();
for await (const line of createInterface({ input: python.stdout })) {
  const [family, codec, hex, expected] = JSON.parse(line) as [string, string, string, string | null];
  const count = counts.get(family) ?? { inputs: 0, mismatches: 0 };
  counts.set(family, count);
  count.inputs++;
  const got = await outcome(codec, hex);
  if (got === expected) continue;
  if (count.mismatches++ < 8) console.log(`${family} ${codec} ${hex}: Python ${JSON.stringify(expected)}, here ${JSON.stringify(got)}`);
}
let failed = false;
for (const [family, { inputs, mismatches }] of counts) {
  console.log(`${family}: ${inputs} inputs, ${mismatches} mismatches`);
  failed ||= mismatches > 0;
}
process.exitCode = failed || counts.size === 0 ? 1 : 0;
