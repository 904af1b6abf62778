export * from './CommandRouter.js';
export * from './runBacktest.js';
export * from './simBrokerConfigFrom.js';
export * from './BarStarts.js';
export * from './TradeLedger.js';
