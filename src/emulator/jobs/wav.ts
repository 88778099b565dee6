// The audio Voice ID takes for enrollment and registration, as its documentation states it:
// a .wav file up to 20 MB holding 8 kHz PCM-16 audio, of at most two channels, the one to use
// named by ChannelId (0 or 1). The RIFF header is read here: the `fmt ` chunk (PCM, or
// WAVE_FORMAT_EXTENSIBLE with the PCM sub-format) and the `data` chunk; other chunks are
// skipped. Pure.

/** The most bytes an audio file may have: 20 MB, read as 20 MiB. */
export const MAX_AUDIO_BYTES = 20 * 1024 * 1024;

const PCM = 1;
const EXTENSIBLE = 0xfffe;

export type WavResult = { readonly ok: true; readonly samples: Buffer } | { readonly ok: false; readonly reason: string };

interface Format {
  readonly tag: number;
  readonly channels: number;
  readonly rate: number;
  readonly bits: number;
  readonly blockAlign: number;
}

/** The PCM samples of channel `channel` of a WAV file, or why it is not audio Voice ID takes. */
export function wavChannel(file: Buffer, channel: number): WavResult {
  if (file.length < 12 || file.toString('latin1', 0, 4) !== 'RIFF' || file.toString('latin1', 8, 12) !== 'WAVE') {
    return bad('is not a WAV file (no RIFF/WAVE header)');
  }
  let format: Format | undefined;
  let offset = 12;
  while (offset + 8 <= file.length) {
    const id = file.toString('latin1', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > file.length) return bad('has a truncated fmt chunk');
      format = readFormat(file, body, size);
    } else if (id === 'data') {
      if (!format) return bad('has its data chunk before the fmt chunk');
      const problem = formatProblem(format, channel);
      if (problem) return bad(problem);
      const end = Math.min(file.length, body + size);
      return { ok: true, samples: channelSamples(file.subarray(body, end), format, channel) };
    }
    offset = body + size + (size % 2);
  }
  return bad(format ? 'has no data chunk' : 'has no fmt chunk');
}

function readFormat(file: Buffer, at: number, size: number): Format {
  let tag = file.readUInt16LE(at);
  // WAVE_FORMAT_EXTENSIBLE: the sub-format GUID begins with the format tag.
  if (tag === EXTENSIBLE && size >= 40 && at + 26 <= file.length) tag = file.readUInt16LE(at + 24) === PCM ? PCM : EXTENSIBLE;
  return {
    tag,
    channels: file.readUInt16LE(at + 2),
    rate: file.readUInt32LE(at + 4),
    blockAlign: file.readUInt16LE(at + 12),
    bits: file.readUInt16LE(at + 14),
  };
}

function formatProblem(format: Format, channel: number): string | undefined {
  if (format.tag !== PCM) return `is not PCM audio (format ${format.tag})`;
  if (format.bits !== 16) return `has ${format.bits}-bit samples, not PCM-16`;
  if (format.rate !== 8000) return `has a sample rate of ${format.rate} Hz, not 8 kHz`;
  if (format.channels < 1 || format.channels > 2) return `has ${format.channels} channels; Voice ID takes at most 2`;
  if (format.blockAlign !== format.channels * 2) return `has a block size of ${format.blockAlign} bytes for ${format.channels} channel(s)`;
  if (channel >= format.channels) return `has no channel ${channel} (it has ${format.channels})`;
  return undefined;
}

function channelSamples(data: Buffer, format: Format, channel: number): Buffer {
  const frames = Math.floor(data.length / format.blockAlign);
  if (format.channels === 1) return Buffer.from(data.subarray(0, frames * 2));
  const out = Buffer.alloc(frames * 2);
  for (let i = 0; i < frames; i++) data.copy(out, i * 2, i * format.blockAlign + channel * 2, i * format.blockAlign + channel * 2 + 2);
  return out;
}

const bad = (reason: string): WavResult => ({ ok: false, reason });
