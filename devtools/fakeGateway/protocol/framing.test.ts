import { describe, expect, it } from 'vitest';
import { API_PREFIX, FrameReader, FramingError, encodeFrame, splitFields } from './framing.js';
import { negotiateVersion, parseVersionRange } from './handshake.js';

function handshake(text: string): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(text.length, 0);
  return Buffer.concat([API_PREFIX, length, Buffer.from(text)]);
}

describe('framing', () => {
  it('writes a 4-byte big-endian length (12 bytes: é is 2) and NUL-terminated fields', () => {
    const frame = encodeFrame([9, 1, 'é', undefined, true, false]);

    expect(frame.toString('hex')).toBe('0000000c' + Buffer.from('9\x001\x00é\x00\x001\x000\x00').toString('hex'));
    expect(splitFields(frame.subarray(4))).toEqual(['9', '1', 'é', '', '1', '0']);
  });

  it('reads the handshake and messages whatever the chunking, one byte at a time included', () => {
    const stream = Buffer.concat([handshake('v100..193'), encodeFrame([71, 2, 11, '']), encodeFrame([49, 1])]);
    const whole = new FrameReader().push(stream);
    const reader = new FrameReader();
    const units = [...stream].flatMap((byte) => reader.push(Buffer.from([byte])));

    expect(units.map((unit) => (unit.kind === 'handshake' ? unit.text : unit.fields))).toEqual([
      'v100..193',
      ['71', '2', '11', ''],
      ['49', '1'],
    ]);
    expect(whole.map((unit) => unit.raw.toString('hex'))).toEqual(units.map((unit) => unit.raw.toString('hex')));
  });

  it('refuses a stream that does not start with API\\0 and a frame longer than 0xFFFFFF', () => {
    expect(() => new FrameReader().push(Buffer.from('GET / HTTP/1.1'))).toThrow(FramingError);
    const huge = Buffer.alloc(4);
    huge.writeUInt32BE(0x1000000, 0);
    expect(() => new FrameReader().push(Buffer.concat([handshake('v100..193'), huge]))).toThrow('exceeds');
  });
});

describe('handshake', () => {
  it('parses version ranges and picks min(client max, server version)', () => {
    expect(parseVersionRange('v100..193')).toEqual({ min: 100, max: 193 });
    expect(parseVersionRange('v176')).toEqual({ min: 176, max: 176 });
    expect(parseVersionRange('v100..193 +PACEAPI')).toEqual({ min: 100, max: 193 });
    expect(parseVersionRange('100..193')).toBeUndefined();
    expect(parseVersionRange('v193..100')).toBeUndefined();
    expect(negotiateVersion({ min: 100, max: 193 }, 193)).toBe(193);
    expect(negotiateVersion({ min: 100, max: 150 }, 193)).toBe(150);
    expect(negotiateVersion({ min: 100, max: 200 }, 193)).toBe(193);
    expect(negotiateVersion({ min: 194, max: 200 }, 193)).toBeUndefined();
  });
});
