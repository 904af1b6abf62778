import type { Field } from './fields.js';
import { fieldText } from './fields.js';

/** Largest frame either side accepts (IB's MAX_V100_MESSAGE_LENGTH). */
export const MAX_FRAME_LENGTH = 0xffffff;

/** The four bytes a V100+ client sends before its framed version range. */
export const API_PREFIX = Buffer.from('API\0', 'latin1');

/** Something read off the socket: the version range of the handshake, or one message's fields. */
export type InboundUnit =
  | { readonly kind: 'handshake'; readonly text: string; readonly raw: Buffer }
  | { readonly kind: 'message'; readonly fields: readonly string[]; readonly raw: Buffer };

/** Thrown on bytes that cannot be a TWS API stream; the session answers by closing the socket, as TWS does. */
export class FramingError extends Error {}

/** Builds one frame: a 4-byte big-endian length, then the fields each terminated by NUL. */
export function encodeFrame(fields: readonly Field[]): Buffer {
  const payload = Buffer.from(fields.map((field) => `${fieldText(field)}\0`).join(''), 'utf8');
  if (payload.length > MAX_FRAME_LENGTH) throw new FramingError(`frame of ${payload.length} bytes exceeds the maximum`);
  const header = Buffer.alloc(4);
  header.writeUInt32BE(payload.length, 0);
  return Buffer.concat([header, payload]);
}

/** Splits a frame payload into fields, dropping the empty text after the final NUL. */
export function splitFields(payload: Buffer): string[] {
  const fields = payload.toString('utf8').split('\0');
  if (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/**
 * Turns the byte stream of one connection into handshake and message units. Tolerates any chunking (a frame
 * split across reads, several frames in one read), because TCP preserves no message boundaries.
 */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  private handshakeSeen = false;

  /** Adds bytes and returns every unit now complete. Throws FramingError on a stream that is not TWS API. */
  push(chunk: Buffer): InboundUnit[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const units: InboundUnit[] = [];
    if (!this.handshakeSeen) {
      if (this.buffer.length < API_PREFIX.length) {
        if (!API_PREFIX.subarray(0, this.buffer.length).equals(this.buffer)) throw this.notApi();
        return units;
      }
      if (!this.buffer.subarray(0, API_PREFIX.length).equals(API_PREFIX)) throw this.notApi();
      const frame = this.takeFrame(API_PREFIX.length);
      if (!frame) return units;
      this.handshakeSeen = true;
      units.push({ kind: 'handshake', text: frame.payload.toString('utf8'), raw: frame.raw });
    }
    for (let frame = this.takeFrame(0); frame; frame = this.takeFrame(0)) {
      units.push({ kind: 'message', fields: splitFields(frame.payload), raw: frame.raw });
    }
    return units;
  }

  private takeFrame(offset: number): { payload: Buffer; raw: Buffer } | undefined {
    if (this.buffer.length < offset + 4) return undefined;
    const length = this.buffer.readUInt32BE(offset);
    if (length > MAX_FRAME_LENGTH) throw new FramingError(`frame length ${length} exceeds ${MAX_FRAME_LENGTH}`);
    const end = offset + 4 + length;
    if (this.buffer.length < end) return undefined;
    const raw = this.buffer.subarray(0, end);
    const payload = this.buffer.subarray(offset + 4, end);
    this.buffer = this.buffer.subarray(end);
    return { payload, raw };
  }

  private notApi(): FramingError {
    return new FramingError(`the stream does not start with "API\\0" (first bytes ${this.buffer.toString('hex')})`);
  }
}
