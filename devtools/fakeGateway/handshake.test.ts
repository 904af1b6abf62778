import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { API_PREFIX, FrameReader } from './protocol/framing.js';
import type { FakeGateway } from './server.js';
import { startFakeGateway } from './server.js';

/** Opens a raw socket, sends "API\0" and a version range, and resolves with the reply fields or "closed". */
function handshakeWith(port: number, range: string): Promise<readonly string[] | 'closed'> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const length = Buffer.alloc(4);
    length.writeUInt32BE(range.length, 0);
    const reader = new FrameReader();
    // The reply carries no "API\0"; prime the reader past its handshake stage with an empty range.
    reader.push(Buffer.concat([API_PREFIX, Buffer.alloc(4)]));
    socket.on('connect', () => socket.write(Buffer.concat([API_PREFIX, length, Buffer.from(range)])));
    socket.on('data', (chunk: Buffer) => {
      const units = reader.push(chunk);
      if (units[0]?.kind === 'message') {
        socket.destroy();
        resolve(units[0].fields);
      }
    });
    socket.on('close', () => resolve('closed'));
    socket.on('error', reject);
  });
}

describe('handshake version negotiation on the wire', () => {
  let gateway: FakeGateway | undefined;
  afterEach(async () => gateway?.close());

  it('answers min(client max, 193) with the connection time, and closes when the ranges do not meet', async () => {
    gateway = await startFakeGateway({ clock: { now: () => Date.UTC(2025, 0, 15, 14, 30, 5) } });

    const full = await handshakeWith(gateway.port, 'v100..193');
    const lower = await handshakeWith(gateway.port, 'v100..176');
    const newer = await handshakeWith(gateway.port, 'v100..220');
    const tooNew = await handshakeWith(gateway.port, 'v201..220');
    const garbage = await handshakeWith(gateway.port, 'hello');

    expect(full).toEqual(['193', '20250115 09:30:05 US/Eastern']);
    expect(lower).toEqual(['176', '20250115 09:30:05 US/Eastern']);
    expect(newer).toEqual(['193', '20250115 09:30:05 US/Eastern']);
    expect(tooNew).toBe('closed');
    expect(garbage).toBe('closed');
  });
});
