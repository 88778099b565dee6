// WAV files for the job tests: `seed` picks the audio (the same seed, the same samples), the
// rest the header, so that a test can make audio Voice ID takes and audio it refuses.
export interface WavOptions {
  readonly seed: number;
  readonly rate?: number;
  readonly bits?: number;
  readonly channels?: number;
  /** 1 is PCM; 3 is IEEE float. */
  readonly format?: number;
  /** Frames (samples per channel). */
  readonly frames?: number;
}

export function wav(options: WavOptions): Buffer {
  const { seed, rate = 8000, bits = 16, channels = 1, format = 1, frames = 800 } = options;
  const blockAlign = (channels * bits) / 8;
  const data = Buffer.alloc(frames * blockAlign);
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) {
      const value = Math.round(8000 * Math.sin((i * (seed + 1 + c * 7)) / 13));
      if (bits === 16) data.writeInt16LE(value, i * blockAlign + c * 2);
      else data.writeUInt8((value >> 8) & 0xff, i * blockAlign + c * (bits / 8));
    }
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(format, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(bits, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
