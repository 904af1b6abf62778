export * from './errors.js';
export * from './FeedbackLog.js';
export * from './FeedbackRows.js';
