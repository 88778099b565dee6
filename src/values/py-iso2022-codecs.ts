// Python's stateful CJK codecs, strict and final: the ISO-2022 family (_codecs_iso2022: escape
// sequences designate charsets into G0, G1 and G2; SO/SI shift between G0 and G1 where the codec
// allows it; a line feed unshifts; an escape sequence it does not know passes through as Latin-1
// up to its final byte) and hz (`~{` and `~}` switch between ASCII and GB2312). Pure.
import { PyCodecError, undecodable, type Decoder } from './py-codec-error.js';
import { CJK_CHARSETS, cjkTable, INVALID } from './py-cjk-tables.js';

const ESC = 0x1b;
const SO = 0x0e;
const SI = 0x0f;
const LF = 0x0a;
/** A designation's mark: the escape sequence's final byte, plus DBCS for two-byte charsets. */
const DBCS = 0x80;
const ASCII = 0x42;
const ISO8859_1 = 0x41;
const ISO8859_7 = 0x46;
const MAX_ESCAPE = 16;

interface Iso2022Config {
  /** SO and SI are plain control characters. */
  readonly noShift: boolean;
  /** ESC . designates G2, ESC N single-shifts it. */
  readonly g2: boolean;
  /** ESC & @ ESC $ B designates JIS X 0208. */
  readonly jisx0208Ext: boolean;
  /** The charsets the codec knows, by mark, with their table (CJK_CHARSETS' name; none: no characters). */
  readonly charsets: ReadonlyMap<number, string | undefined>;
}

const mark = (final: string, dbcs = true): number => final.charCodeAt(0) | (dbcs ? DBCS : 0);
const JP = [
  [mark('B'), 'jisx0208'],
  [mark('J', false), 'jisx0201_r'],
  [mark('@'), 'jisx0208'],
] as const;
const JISX0212 = [mark('D'), 'jisx0212'] as const;
const jp = (extra: readonly (readonly [number, string | undefined])[], g2 = false): Iso2022Config => ({
  noShift: true,
  g2,
  jisx0208Ext: true,
  charsets: new Map([...JP, ...extra]),
});
/** The JIS X 0213 codecs: plane 1 (of 2000 or 2004, under its own final byte), JIS X 0208, plane 2. */
const jisx0213 = (final: string, plane1: string, plane2: string): Iso2022Config => ({
  noShift: true,
  g2: false,
  jisx0208Ext: true,
  charsets: new Map([
    [mark(final), plane1],
    [mark('B'), 'jisx0208'],
    [mark('P'), plane2],
  ]),
});

const CONFIGS: Readonly<Record<string, Iso2022Config>> = {
  iso2022_kr: { noShift: false, g2: false, jisx0208Ext: false, charsets: new Map([[mark('C'), 'ksx1001']]) },
  iso2022_jp: jp([]),
  iso2022_jp_1: jp([JISX0212]),
  iso2022_jp_2: jp([JISX0212, [mark('C'), 'ksx1001'], [mark('A'), 'gb2312'], [ISO8859_1, undefined], [ISO8859_7, undefined]], true),
  iso2022_jp_2004: jisx0213('Q', 'jisx0213_2004_1', 'jisx0213_2004_2'),
  iso2022_jp_3: jisx0213('O', 'jisx0213_2000_1', 'jisx0213_2000_2'),
  iso2022_jp_ext: jp([JISX0212, [mark('I', false), 'jisx0201_k']]),
};

/** The decoder of ISO-2022 codec `module`, if it is one. */
export function iso2022Decoder(module: string): Decoder | undefined {
  const config = CONFIGS[module];
  return config && ((bytes) => new Iso2022State(module, config, bytes).decode());
}

const isEscapeEnd = (c: number | undefined): boolean => c !== undefined && ((c >= 0x41 && c <= 0x5a) || c === 0x40);

class Iso2022State {
  private readonly g = [ASCII, ASCII, ASCII];
  private shifted = false;
  /** Inside an escape sequence the codec does not know: bytes pass as Latin-1 up to a final byte. */
  private passing = false;
  private readonly parts: string[] = [];
  private i = 0;

  constructor(
    private readonly module: string,
    private readonly config: Iso2022Config,
    private readonly bytes: Uint8Array,
  ) {}

  decode(): string {
    const { bytes } = this;
    while (this.i < bytes.length) {
      const c = bytes[this.i] ?? 0;
      if (this.passing) {
        this.write(c, 1);
        if (isEscapeEnd(c)) this.passing = false;
      } else if (c === ESC) {
        this.escape();
      } else if ((c === SI || c === SO) && !this.config.noShift) {
        this.shifted = c === SO;
        this.i++;
      } else if (c === LF) {
        this.shifted = false;
        this.write(c, 1);
      } else if (c < 0x20) {
        this.write(c, 1);
      } else if (c >= 0x80) {
        this.refuse();
      } else {
        this.character(c);
      }
    }
    return this.parts.join('');
  }

  private write(code: number, width: number): void {
    this.parts.push(String.fromCharCode(code));
    this.i += width;
  }

  private refuse(): never {
    throw undecodable(this.module, 'illegal multibyte sequence');
  }

  private at(offset: number): number {
    return this.bytes[this.i + offset] ?? this.refuse();
  }

  private character(c: number): void {
    const charset = this.g[this.shifted ? 1 : 0] ?? ASCII;
    if (charset === ASCII) return this.write(c, 1);
    const name = this.config.charsets.get(charset);
    const set = name === undefined ? undefined : CJK_CHARSETS[name];
    if (set === undefined || name === undefined) return this.refuse();
    if ((charset & DBCS) === 0) {
      const char = set[c] ?? INVALID;
      if (char === INVALID) this.refuse();
      this.parts.push(char);
      this.i += 1;
      return;
    }
    const text = cjkTable(set).get((c << 8) | this.at(1)) ?? this.refuse();
    this.parts.push(text);
    this.i += 2;
  }

  private escape(): void {
    const c2 = this.at(1);
    if ([0x28, 0x29, 0x24, 0x2e, 0x26].includes(c2)) return this.designate();
    if (this.config.g2 && c2 === 0x4e) return this.singleShift();
    this.passing = true;
    this.write(ESC, 1);
  }

  /** iso2022processesc: ESC ( X, ESC ) X, ESC . X, ESC $ X, ESC $ ( X, ESC $ ) X, ESC & @ ESC $ B. */
  private designate(): void {
    const left = this.bytes.length - this.i;
    let length = 0;
    for (let k = 1; k < MAX_ESCAPE; k++) {
      if (k >= left) this.refuse();
      if (isEscapeEnd(this.at(k))) {
        length = k + 1;
        break;
      }
      if (this.config.jisx0208Ext && k + 1 < left && this.at(k) === 0x26 && this.at(k + 1) === 0x40) k += 2;
    }
    if (length === 0) this.refuse();
    const [charset, designation] = this.designation(length);
    if (charset !== ASCII && !this.config.charsets.has(charset)) this.refuse();
    this.g[designation] = charset;
    this.i += length;
  }

  private designation(length: number): [number, number] {
    const [b1, b2, b3] = [this.at(1), this.at(2), length > 3 ? this.at(3) : 0];
    if (length === 3) {
      if (b1 === 0x24) return [b2 | DBCS, 0];
      const designation = b1 === 0x28 ? 0 : b1 === 0x29 ? 1 : this.config.g2 && b1 === 0x2e ? 2 : -1;
      return designation < 0 ? this.refuse() : [b2, designation];
    }
    if (length === 4) {
      const designation = b1 !== 0x24 ? -1 : b2 === 0x28 ? 0 : b2 === 0x29 ? 1 : -1;
      return designation < 0 ? this.refuse() : [b3 | DBCS, designation];
    }
    if (length === 6 && this.config.jisx0208Ext && this.at(3) === ESC && this.at(4) === 0x24 && this.at(5) === 0x42) return [mark('B'), 0];
    return this.refuse();
  }

  /** ESC N and one byte of G2 (iso2022_jp_2): Latin-1's or Greek's upper half, or ASCII. */
  private singleShift(): void {
    const c = this.at(2);
    const g2 = this.g[2];
    let char: string;
    if (g2 === ISO8859_1 || g2 === ISO8859_7) {
      char = CJK_CHARSETS[g2 === ISO8859_1 ? 'g2_iso8859_1' : 'g2_iso8859_7']?.[c] ?? INVALID;
    } else if (g2 === ASCII) {
      char = c & 0x80 ? INVALID : String.fromCharCode(c);
    } else {
      throw new PyCodecError('RuntimeError', 'internal codec error');
    }
    if (char === INVALID) this.refuse();
    this.parts.push(char);
    this.i += 3;
  }
}

/** hz: ASCII, `~~` for `~`, `~` and a newline for nothing, `~{` to GB2312 (two bytes a character), `~}` back. */
export function hzDecoder(): Decoder {
  const gb = cjkTable(CJK_CHARSETS.hz_gb2312 ?? '');
  return (bytes) => {
    const parts: string[] = [];
    let inGb = false;
    const refuse = (): never => {
      throw undecodable('hz', 'illegal multibyte sequence');
    };
    for (let i = 0; i < bytes.length; ) {
      const c = bytes[i] ?? 0;
      if (c === 0x7e) {
        const c2 = bytes[i + 1] ?? refuse();
        // In GB2312 mode only `~}` is an escape.
        if (c2 === 0x7d && inGb) inGb = false;
        else if (inGb) refuse();
        else if (c2 === 0x7e) parts.push('~');
        else if (c2 === 0x7b) inGb = true;
        else if (c2 !== LF) refuse();
        i += 2;
      } else if (c & 0x80) {
        refuse();
      } else if (!inGb) {
        parts.push(String.fromCharCode(c));
        i++;
      } else {
        parts.push(gb.get((c << 8) | (bytes[i + 1] ?? refuse())) ?? refuse());
        i += 2;
      }
    }
    return parts.join('');
  };
}
