/**
 * Error codes and texts as TWS sends them (IB's message-code list and messages quoted in public issue threads;
 * see ../../../shared/reference/ibkr.md section 3.2). Clients classify some of them by text, so the texts matter.
 */
export const HMDS_PREFIX = 'Historical Market Data Service error message:';

export const ErrorText = {
  pacingViolation: `${HMDS_PREFIX}Historical data request pacing violation`,
  noData: (symbol: string, exchange: string, whatToShow: string): string =>
    `${HMDS_PREFIX}HMDS query returned no data: ${symbol}@${exchange} ${titleCase(whatToShow)}`,
  queryCancelled: (reqId: number): string => `${HMDS_PREFIX}API historical data query cancelled: ${reqId}`,
  timeLengthExceedsMax: `${HMDS_PREFIX}Time length exceed max.`,
  invalidStep: (barSeconds: number): string => `${HMDS_PREFIX}invalid step: ${barSeconds}`,
  noQueryFound: (reqId: number): string => `No historical data query found for ticker id:${reqId}`,
  noSecurityDefinition: 'No security definition has been found for the request',
  readingRequest: (name: string, detail: string): string => `Error reading request: ${name}: ${detail}`,
  validating: (detail: string): string => `Error validating request.-'bP' : cause - ${detail}`,
  duplicateTickerId: (reqId: number): string => `Error processing request:-'bW' : cause - Duplicate ticker id ${reqId}`,
  realTimePacing: 'Invalid Real-time Query:Historical data request pacing violation',
  marketDataNotSubscribed:
    'Requested market data is not subscribed. Check API status by selecting the Account menu then under Management choose Market Data Subscription Manager and/or Delayed data is available.',
  clientIdInUse: 'Unable to connect as the client id is already in use. Retry with a unique client id.',
  maxRate: (max: number, received: number): string =>
    `Max rate of messages per second has been exceeded:max=${max} rec=${received} (1)`,
  connectivityLost: 'Connectivity between IB and Trader Workstation has been lost.',
  connectivityRestoredDataLost: 'Connectivity between IB and Trader Workstation has been restored - data lost.',
  connectivityRestoredDataMaintained:
    'Connectivity between IB and Trader Workstation has been restored - data maintained.',
  marketDataFarmOk: 'Market data farm connection is OK:usfarm',
  hmdsFarmOk: 'HMDS data farm connection is OK:ushmds',
  secDefFarmOk: 'Sec-def data farm connection is OK:secdefnj',
  orderCancelled: 'Order Canceled - reason:',
  orderRejected: (reason: string): string => `Order rejected - reason:${reason}`,
  duplicateOrderId: 'Duplicate order id',
  cannotModifyFilled: 'Unable to modify this order as it is already filled.',
  cancelNotFound: (orderId: number): string => `OrderId ${orderId} that needs to be cancelled is not found.`,
  cancelNotCancellable: (orderId: number, status: string): string =>
    `OrderId ${orderId} that needs to be cancelled cannot be cancelled, state: ${status}.`,
} as const;

/** Error codes the fake sends. */
export const ErrorCode = {
  MAX_RATE: 100,
  DUPLICATE_ORDER_ID: 103,
  CANNOT_MODIFY_FILLED: 104,
  HMDS: 162,
  NO_SECURITY_DEFINITION: 200,
  ORDER_REJECTED: 201,
  ORDER_CANCELLED: 202,
  READING_REQUEST: 320,
  VALIDATING_REQUEST: 321,
  DUPLICATE_TICKER_ID: 322,
  CLIENT_ID_IN_USE: 326,
  MARKET_DATA_NOT_SUBSCRIBED: 354,
  NO_QUERY_FOUND: 366,
  REAL_TIME_QUERY: 420,
  CONNECTIVITY_LOST: 1100,
  CONNECTIVITY_RESTORED_DATA_LOST: 1101,
  CONNECTIVITY_RESTORED_DATA_MAINTAINED: 1102,
  MARKET_DATA_FARM_OK: 2104,
  HMDS_FARM_OK: 2106,
  SEC_DEF_FARM_OK: 2158,
  CANCEL_NOT_FOUND: 10147,
  CANCEL_NOT_CANCELLABLE: 10148,
} as const;

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('_');
}
