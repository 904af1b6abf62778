export * from './AzureBlobStore.js';
export * from './checkBlobPrefix.js';
export * from './errors.js';
export * from './LocalBlobStore.js';
export * from './openBlobStore.js';
