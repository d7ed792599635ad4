import type { z } from 'zod';
import { open311KeySources, type createOpen311KeyBody } from '@liaison/contracts';

export type CreateKeyBody = z.input<typeof createOpen311KeyBody>;
export type KeySource = (typeof open311KeySources)[number];
export const keySources = open311KeySources;

export function createKeyBody(v: { name: string; source?: KeySource }): CreateKeyBody {
  return { name: v.name.trim(), source: v.source ?? 'other' };
}

/** Where Open311 clients find the service: this server's /open311/v2/ (discovery at /open311/v2/discovery.json). */
export function endpointOf(origin: string): string {
  return `${origin.replace(/\/$/, '')}/open311/v2/`;
}
