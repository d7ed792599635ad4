export * from './error-codes.js';
export * from './permissions.js';
export * from './common.js';
export * from './identity.js';
export * from './projects.js';
export * from './audit.js';
