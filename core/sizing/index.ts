export * from './errors.js';
export * from './targetQuantity.js';
