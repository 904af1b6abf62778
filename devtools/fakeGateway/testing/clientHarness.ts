import { EventName, IBApi } from '@stoqey/ib';

type Listener = (...args: never[]) => void;

/** IBApi's typed overloads, seen as a plain emitter so one helper can wait for any event. */
interface Emitter {
  on(event: EventName, listener: Listener): unknown;
  off(event: EventName, listener: Listener): unknown;
}

/** An error or notice as the real client reported it. */
export interface ClientReport {
  readonly code: number;
  readonly message: string;
  readonly id: number;
}

/** Client-side codes that mean the fake sent something the library could not decode, or a socket problem. */
export const PROTOCOL_ERROR_CODES: ReadonlySet<number> = new Set([505, 506, 503]);

/** The real @stoqey/ib client connected to a fake gateway, with everything it reported kept for assertions. */
export interface ClientHarness {
  readonly api: IBApi;
  /** `error` events (id-bound errors and client-side problems such as 505). */
  readonly errors: ClientReport[];
  /** `info` events (TWS messages with id -1: 1100, 2104, 326, ...). */
  readonly infos: ClientReport[];
  /** Every message the client received, as its token list. */
  readonly received: string[][];
  /** Every message the client sent, as its token list. */
  readonly sent: string[][];
  /** Errors a well-formed stream must never cause (decode errors, unsupported version). */
  protocolErrors(): ClientReport[];
  /** Resolves with the event's arguments the next time `event` fires with arguments that pass `accept`. */
  next(event: EventName, accept?: (...args: never[]) => boolean, timeoutMs?: number): Promise<unknown[]>;
  /** The client as a plain emitter (any event, any listener). */
  readonly events: Emitter;
  /** Disconnects. */
  close(): void;
}

/**
 * Builds a client with host, port, clientId and maxReqPerSec all passed, so the library never reads a .env file,
 * and starts connecting. Await `next(EventName.nextValidId)` for readiness.
 */
export function createClient(port: number, clientId: number, maxReqPerSec = 40): ClientHarness {
  const api = new IBApi({ host: '127.0.0.1', port, clientId, maxReqPerSec });
  const errors: ClientReport[] = [];
  const infos: ClientReport[] = [];
  const received: string[][] = [];
  const sent: string[][] = [];
  const events = api as unknown as Emitter;
  api.on(EventName.error, (error: Error, code: number, id: number) => {
    errors.push({ code, message: error.message, id });
  });
  api.on(EventName.info, (message: string, code: number) => infos.push({ code, message, id: -1 }));
  api.on(EventName.received, (tokens: unknown[]) => received.push(tokens.map(String)));
  api.on(EventName.sent, (tokens: unknown[]) => sent.push(tokens.map(String)));
  const harness: ClientHarness = {
    api,
    events,
    errors,
    infos,
    received,
    sent,
    protocolErrors: () => errors.filter((report) => PROTOCOL_ERROR_CODES.has(report.code)),
    next: (event, accept, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const listener = (...args: never[]): void => {
          if (accept && !accept(...args)) return;
          clearTimeout(timer);
          events.off(event, listener);
          resolve(args);
        };
        const timer = setTimeout(() => {
          events.off(event, listener);
          reject(new Error(`no ${event} event within ${timeoutMs} ms`));
        }, timeoutMs);
        events.on(event, listener);
      }),
    close: () => {
      api.disconnect();
    },
  };
  api.connect();
  return harness;
}

/** Creates a client and waits until it is usable (nextValidId); returns the harness and the first order id. */
export async function connectClient(
  port: number,
  clientId: number,
): Promise<{ client: ClientHarness; orderId: number }> {
  const client = createClient(port, clientId);
  const [orderId] = await client.next(EventName.nextValidId);
  return { client, orderId: orderId as number };
}

/** Collects historicalData events of one request until its end marker; resolves with the bars and the marker. */
export function collectHistorical(
  client: ClientHarness,
  reqId: number,
  timeoutMs = 5_000,
): Promise<{
  bars: {
    time: string;
    open: number;
    high: number;
    low: number;
    close: number;
    volume: number;
    count: number;
    wap: number;
  }[];
  end: string;
}> {
  return new Promise((resolve, reject) => {
    const bars: {
      time: string;
      open: number;
      high: number;
      low: number;
      close: number;
      volume: number;
      count: number;
      wap: number;
    }[] = [];
    const listener = (
      id: number,
      time: string,
      open: number,
      high: number,
      low: number,
      close: number,
      volume: number,
      count: number,
      wap: number,
    ): void => {
      if (id !== reqId) return;
      if (time.startsWith('finished')) {
        clearTimeout(timer);
        client.events.off(EventName.historicalData, listener as Listener);
        resolve({ bars, end: time });
        return;
      }
      bars.push({ time, open, high, low, close, volume, count, wap });
    };
    const timer = setTimeout(() => {
      client.events.off(EventName.historicalData, listener as Listener);
      reject(new Error(`historical request ${reqId} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    client.events.on(EventName.historicalData, listener as Listener);
  });
}

/** Resolves once the gateway has logged `count` messages named `name` (the client's rate limiter may delay them). */
export async function untilReceived(
  requests: readonly { readonly name: string }[],
  name: string,
  count = 1,
  timeoutMs = 5_000,
): Promise<void> {
  const started = Date.now();
  while (requests.filter((request) => request.name === name).length < count) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`the gateway did not receive ${count} ${name} within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
