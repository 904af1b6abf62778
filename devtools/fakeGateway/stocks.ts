import type { StockDetails } from './encode/marketDataMessages.js';

/** IB contract ids of a few well-known US stocks (as shown in TWS), so fixtures look like the real thing. */
const KNOWN: Readonly<Record<string, { conId: number; exchange: string; name: string }>> = {
  AAPL: { conId: 265598, exchange: 'NASDAQ', name: 'APPLE INC' },
  MSFT: { conId: 272093, exchange: 'NASDAQ', name: 'MICROSOFT CORP' },
  AMZN: { conId: 3691937, exchange: 'NASDAQ', name: 'AMAZON.COM INC' },
  GOOG: { conId: 208813720, exchange: 'NASDAQ', name: 'ALPHABET INC-CL C' },
  GOOGL: { conId: 208813719, exchange: 'NASDAQ', name: 'ALPHABET INC-CL A' },
  META: { conId: 107113386, exchange: 'NASDAQ', name: 'META PLATFORMS INC-CLASS A' },
  NVDA: { conId: 4815747, exchange: 'NASDAQ', name: 'NVIDIA CORP' },
  TSLA: { conId: 76792991, exchange: 'NASDAQ', name: 'TESLA INC' },
  SPY: { conId: 756733, exchange: 'ARCA', name: 'SPDR S&P 500 ETF TRUST' },
  JPM: { conId: 1520593, exchange: 'NYSE', name: 'JPMORGAN CHASE & CO' },
};

/** Details of a stock: the known contract id, or a stable id derived from the symbol (above any real one used here). */
export function stockDetailsFor(symbol: string): StockDetails {
  const known = KNOWN[symbol];
  if (known) {
    return { conId: known.conId, symbol, primaryExchange: known.exchange, currency: 'USD', longName: known.name };
  }
  let hash = 0;
  for (const char of symbol) hash = (hash * 31 + char.charCodeAt(0)) % 100_000_000;
  return { conId: 900_000_000 + hash, symbol, primaryExchange: 'NYSE', currency: 'USD', longName: `${symbol} INC` };
}
