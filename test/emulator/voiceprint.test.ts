import { describe, expect, it } from 'vitest';
import { similarity, voiceprintOf } from '../../src/emulator/voiceprint.js';

const audio = (text: string): Uint8Array => new TextEncoder().encode(text);

describe(voiceprintOf.name, () => {
  it('is the same for the same audio, run after run', () => {
    expect(voiceprintOf([audio('a'), audio('b')])).toBe(voiceprintOf([audio('a'), audio('b')]));
    expect(voiceprintOf([audio('a')])).toBe('Oxlv1JB77fUcMJDpg18vfLYefuGyKZ6juP7ZtBg6gio');
  });

  it('tells files apart from their concatenation and their order', () => {
    expect(voiceprintOf([audio('ab')])).not.toBe(voiceprintOf([audio('a'), audio('b')]));
    expect(voiceprintOf([audio('b'), audio('a')])).not.toBe(voiceprintOf([audio('a'), audio('b')]));
  });
});

describe(similarity.name, () => {
  it('is 100 for the same print and below 30 otherwise, whichever comes first', () => {
    const [a, b] = [voiceprintOf([audio('a')]), voiceprintOf([audio('b')])];
    expect(similarity(a, a)).toBe(100);
    expect(similarity(a, b)).toBeLessThan(30);
    expect(similarity(a, b)).toBe(similarity(b, a));
  });
});
