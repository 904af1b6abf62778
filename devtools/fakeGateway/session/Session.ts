import type { Socket } from 'node:net';
import { errorMessage } from '../encode/systemMessages.js';
import { ErrorCode, ErrorText } from '../errorTexts.js';
import type { Field } from '../protocol/fields.js';
import type { InboundUnit } from '../protocol/framing.js';
import { FrameReader, FramingError, encodeFrame } from '../protocol/framing.js';
import { clientMessageName } from '../protocol/messageIds.js';
import type { GatewayContext } from './GatewayContext.js';
import type { HistoricalUpdateSubscription } from './historicalUpdates.js';
import { handleHandshake, handleStartApi } from './startup.js';

/** A historical request that has not been answered yet. */
export interface OpenHistorical {
  readonly reqId: number;
  timer?: NodeJS.Timeout;
}

/** A live real-time-bar subscription. */
export interface RealTimeSubscription {
  readonly reqId: number;
  readonly symbol: string;
  /** Start of the next 5-second bar to send, in epoch seconds. */
  nextBarTime: number;
  lastClose: number | undefined;
}

/** A live market-data (ticks) subscription. */
export interface MarketDataSubscription {
  readonly reqId: number;
  readonly symbol: string;
  volume: number;
}

/** Handles one client message. */
export type MessageHandler = (context: GatewayContext, session: Session, fields: readonly string[]) => void;

/**
 * One TCP connection: handshake, START_API, then messages dispatched by id. Holds the per-connection
 * subscriptions; the order book and positions are shared by the whole gateway.
 */
export class Session {
  readonly socket: Socket;
  private readonly context: GatewayContext;
  private readonly handlers: ReadonlyMap<number, MessageHandler>;
  private readonly reader = new FrameReader();
  stage: 'handshake' | 'startApi' | 'ready' | 'closed' = 'handshake';
  serverVersion = 0;
  clientId: number | undefined;
  /** When true the connection reads nothing and writes nothing, but the socket stays open. */
  halfOpen = false;
  readonly historical = new Map<number, OpenHistorical>();
  readonly realTimeBars = new Map<number, RealTimeSubscription>();
  readonly marketData = new Map<number, MarketDataSubscription>();
  readonly historicalUpdates = new Map<number, HistoricalUpdateSubscription>();
  /** Set by reqMarketDataType: 1 live (default), 2 frozen, 3 delayed, 4 delayed frozen. */
  marketDataType = 1;
  readonly accountSummaries = new Set<number>();
  positionsSubscribed = false;
  accountUpdatesSubscribed = false;
  private rateWindow: number[] = [];
  private rateViolations = 0;

  constructor(socket: Socket, context: GatewayContext, handlers: ReadonlyMap<number, MessageHandler>) {
    this.socket = socket;
    this.context = context;
    this.handlers = handlers;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('close', () => this.onClose());
    socket.on('error', () => this.onClose());
  }

  /** Sends one message unless the connection is closed or half-open. */
  send(fields: readonly Field[]): void {
    if (this.stage === 'closed' || this.halfOpen || this.socket.destroyed) return;
    this.socket.write(encodeFrame(fields));
  }

  /** Sends an ERR_MSG. */
  sendError(id: number, code: number, message: string): void {
    this.send(errorMessage(id, code, message));
  }

  /** Closes after what was written is flushed (TWS's way out after 326 or 100), reading nothing more meanwhile. */
  closeAfterFlush(): void {
    this.onClose();
    this.socket.end();
  }

  /** Closes the socket at once, as a gateway restart does. */
  drop(): void {
    this.socket.destroy();
    this.onClose();
  }

  /** False once closed or half-open: nothing more is read. */
  isListening(): boolean {
    return this.stage !== 'closed' && !this.halfOpen;
  }

  private onData(chunk: Buffer): void {
    if (!this.isListening()) return;
    let units: InboundUnit[];
    try {
      units = this.reader.push(chunk);
    } catch (error) {
      if (error instanceof FramingError) return this.drop();
      throw error;
    }
    for (const unit of units) {
      if (!this.isListening()) return;
      this.onUnit(unit);
    }
  }

  private onUnit(unit: InboundUnit): void {
    const atMs = this.context.clock.now();
    const { log, logLimit } = this.context;
    if (log.length >= logLimit) log.splice(0, Math.max(1, Math.floor(logLimit / 10)));
    if (unit.kind === 'handshake') {
      this.context.log.push({
        atMs,
        clientId: undefined,
        name: 'HANDSHAKE',
        fields: ['API', unit.text],
        raw: unit.raw,
      });
      handleHandshake(this.context, this, unit.text);
      return;
    }
    const id = Number.parseInt(unit.fields[0] ?? '', 10);
    const name = clientMessageName(id);
    this.context.log.push({ atMs, clientId: this.clientId, name, fields: unit.fields, raw: unit.raw });
    if (this.stage === 'startApi') {
      handleStartApi(this.context, this, unit.fields);
      return;
    }
    if (!this.checkRate()) return;
    try {
      this.handlers.get(id)?.(this.context, this, unit.fields);
    } catch (error) {
      // A request the fake cannot read is answered as TWS answers one: 320, and the connection carries on.
      const detail = error instanceof Error ? error.message : String(error);
      this.sendError(-1, ErrorCode.READING_REQUEST, ErrorText.readingRequest(name, detail));
    }
  }

  /** Error 100 when a connection sends more than the allowed messages in one real second; closes after repeats. */
  private checkRate(): boolean {
    const max = this.context.faults.maxMessagesPerSecond;
    if (max <= 0) return true;
    const now = performance.now();
    this.rateWindow = this.rateWindow.filter((at) => at > now - 1_000);
    this.rateWindow.push(now);
    if (this.rateWindow.length <= max) return true;
    this.rateViolations += 1;
    this.sendError(-1, ErrorCode.MAX_RATE, ErrorText.maxRate(max, this.rateWindow.length));
    if (this.rateViolations >= this.context.faults.rateViolationsBeforeDisconnect) {
      this.closeAfterFlush();
      return false;
    }
    this.rateWindow = [];
    return true;
  }

  private onClose(): void {
    if (this.stage === 'closed') return;
    this.stage = 'closed';
    for (const open of this.historical.values()) clearTimeout(open.timer);
    this.historical.clear();
    this.realTimeBars.clear();
    this.marketData.clear();
    this.historicalUpdates.clear();
  }
}
