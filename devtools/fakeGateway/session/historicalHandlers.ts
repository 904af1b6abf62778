import { historicalDataMessage } from '../encode/marketDataMessages.js';
import type { HistoricalBarFields } from '../encode/marketDataMessages.js';
import { ErrorCode, ErrorText } from '../errorTexts.js';
import { isSilenced } from '../faults.js';
import type { ServedBar } from '../market/BarStore.js';
import { WHAT_TO_SHOW, checkStep, parseBarSizeSetting, parseDuration } from '../market/historicalQuery.js';
import { windowStart } from '../market/historyWindow.js';
import { formatIbDateTime, formatIbDay, parseEndDateTime } from '../market/ibTime.js';
import { boolField, intField } from '../protocol/fields.js';
import type { RequestContract } from '../protocol/parseContract.js';
import { parseContract } from '../protocol/parseContract.js';
import type { GatewayContext } from './GatewayContext.js';
import type { Session } from './Session.js';

/** REQ_HISTORICAL_DATA at sv 193, read by position. */
interface HistoricalRequest {
  readonly reqId: number;
  readonly contract: RequestContract;
  readonly endDateTime: string;
  readonly barSize: string;
  readonly duration: string;
  readonly useRth: boolean;
  readonly whatToShow: string;
  readonly formatDate: number;
  readonly keepUpToDate: boolean;
}

function parseHistoricalRequest(fields: readonly string[]): HistoricalRequest {
  return {
    reqId: intField(fields[1], -1) as number,
    contract: parseContract(fields, 2),
    endDateTime: fields[15] ?? '',
    barSize: fields[16] ?? '',
    duration: fields[17] ?? '',
    useRth: boolField(fields[18]),
    whatToShow: fields[19] ?? '',
    formatDate: intField(fields[20], 1) as number,
    keepUpToDate: boolField(fields[fields.length - 2]),
  };
}

/**
 * reqHistoricalData: duplicate-id check (322), contract check (200), pacing (162 and recorded), request validation
 * (321 or 162), then the bars of the window or 162 "no data". A silenced request stays open with no answer; with
 * latency it stays open until answered. keepUpToDate requests (empty endDateTime only, else 321) get their
 * initial bars, then HISTORICAL_DATA_UPDATE with every tick of the stream clock until cancelled.
 */
export function handleHistoricalData(context: GatewayContext, session: Session, fields: readonly string[]): void {
  const request = parseHistoricalRequest(fields);
  const { reqId, contract } = request;
  if (session.historical.has(reqId)) {
    session.sendError(reqId, ErrorCode.DUPLICATE_TICKER_ID, ErrorText.duplicateTickerId(reqId));
    return;
  }
  const identity = [
    contract.symbol,
    contract.secType,
    contract.exchange,
    contract.primaryExchange,
    contract.currency,
    request.endDateTime,
    request.duration,
    request.barSize,
    request.whatToShow,
    request.useRth,
    request.formatDate,
  ].join('|');
  const contractKey = [contract.symbol, contract.secType, contract.exchange, request.whatToShow].join('|');
  const openCount = context.sessions().reduce((sum, other) => sum + other.historical.size, 0);
  const rule = context.pacing.admitHistorical(
    {
      clientId: session.clientId ?? -1,
      reqId,
      identity,
      contractKey,
      weight: request.whatToShow === 'BID_ASK' ? 2 : 1,
    },
    openCount,
  );
  if (isSilenced(context.faults, 'REQ_HISTORICAL_DATA')) {
    session.historical.set(reqId, { reqId });
    return;
  }
  if (rule && context.faults.pacing === 'enforce') {
    session.sendError(reqId, ErrorCode.HMDS, ErrorText.pacingViolation);
    return;
  }
  const answer = (): void => {
    session.historical.delete(reqId);
    answerHistorical(context, session, request);
  };
  const latency = context.faults.historicalLatencyMs;
  if (latency > 0) {
    session.historical.set(reqId, { reqId, timer: setTimeout(answer, latency) });
    return;
  }
  answer();
}

function answerHistorical(context: GatewayContext, session: Session, request: HistoricalRequest): void {
  const { reqId, contract } = request;
  if (!context.stockDetails(contract.symbol) || (contract.secType !== '' && contract.secType !== 'STK')) {
    session.sendError(reqId, ErrorCode.NO_SECURITY_DEFINITION, ErrorText.noSecurityDefinition);
    return;
  }
  const barSeconds = parseBarSizeSetting(request.barSize);
  if (barSeconds === undefined) {
    return invalid(session, reqId, `Historical data bar size setting is invalid: "${request.barSize}"`);
  }
  const duration = parseDuration(request.duration);
  if (!duration) return invalid(session, reqId, `Historical data duration format is invalid: "${request.duration}"`);
  if (!WHAT_TO_SHOW.has(request.whatToShow)) {
    return invalid(session, reqId, `Historical data whatToShow is invalid: "${request.whatToShow}"`);
  }
  if (request.keepUpToDate && request.endDateTime.trim() !== '') {
    return invalid(session, reqId, 'End date not supported with live updates');
  }
  if (request.formatDate !== 1 && request.formatDate !== 2) {
    return invalid(session, reqId, `Historical data formatDate is invalid: "${request.formatDate}"`);
  }
  const endMs = parseEndDateTime(request.endDateTime, context.clock.now(), context.config.zone);
  if (endMs === undefined) return invalid(session, reqId, `End date not valid: "${request.endDateTime}"`);
  const step = checkStep(duration, barSeconds);
  if (step) {
    const text =
      step === 'TIME_LENGTH_EXCEEDS_MAX' ? ErrorText.timeLengthExceedsMax : ErrorText.invalidStep(barSeconds);
    session.sendError(reqId, ErrorCode.HMDS, text);
    return;
  }
  const startMs = windowStart(endMs, duration);
  const bars = context.bars.select({
    ticker: contract.symbol,
    startMs,
    endMs,
    barMs: barSeconds * 1_000,
    rthOnly: request.useRth,
  });
  if (!bars || bars.length === 0) {
    session.sendError(reqId, ErrorCode.HMDS, ErrorText.noData(contract.symbol, contract.exchange, request.whatToShow));
    return;
  }
  const zone = context.config.zone;
  const daily = barSeconds >= 86_400;
  const quote = request.whatToShow !== 'TRADES' && request.whatToShow !== 'ADJUSTED_LAST';
  const date = (bar: ServedBar): string =>
    daily
      ? formatIbDay(bar.ts, zone)
      : request.formatDate === 2
        ? String(bar.ts / 1_000)
        : formatIbDateTime(bar.ts, zone);
  const rows: HistoricalBarFields[] = bars.map((bar) => ({
    date: date(bar),
    open: bar.open,
    high: bar.high,
    low: bar.low,
    close: bar.close,
    volume: quote ? -1 : bar.volume,
    wap: quote ? -1 : bar.wap,
    count: quote ? -1 : bar.count,
  }));
  session.send(historicalDataMessage(reqId, formatIbDateTime(startMs, zone), formatIbDateTime(endMs, zone), rows));
  if (request.keepUpToDate) {
    session.historicalUpdates.set(reqId, {
      reqId,
      symbol: contract.symbol,
      barSeconds,
      formatDate: request.formatDate,
      updates: 0,
    });
  }
}

function invalid(session: Session, reqId: number, detail: string): void {
  session.sendError(reqId, ErrorCode.VALIDATING_REQUEST, ErrorText.validating(detail));
}

/**
 * cancelHistoricalData: an open request is dropped and, as TWS does, answered with 162 "query cancelled";
 * a request that is not open gets 366 (both switchable in the faults).
 */
export function handleCancelHistoricalData(context: GatewayContext, session: Session, fields: readonly string[]): void {
  const reqId = intField(fields[2], -1) as number;
  if (session.historicalUpdates.delete(reqId)) return;
  const open = session.historical.get(reqId);
  if (open) {
    clearTimeout(open.timer);
    session.historical.delete(reqId);
    if (context.faults.cancelledQueryError) session.sendError(reqId, ErrorCode.HMDS, ErrorText.queryCancelled(reqId));
    return;
  }
  if (context.faults.unknownCancelError) {
    session.sendError(reqId, ErrorCode.NO_QUERY_FOUND, ErrorText.noQueryFound(reqId));
  }
}
