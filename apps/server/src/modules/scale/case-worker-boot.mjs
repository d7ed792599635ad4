// Starts the case generator's thread from TypeScript source: tsx's loader first, then the worker module.
import { register } from 'tsx/esm/api';

register();
await import('./case-worker.ts');
