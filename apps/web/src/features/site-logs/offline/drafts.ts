import type { SiteLog } from '../api';
import { createStore } from '../../../shared/offline/idb';
import { api, uploadFile } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/api/errors';
import { logKey, outcomeOf, photoKey, type SendOutcome } from './retry';

export interface DraftPhoto {
  name: string;
  blob: Blob;
  /** Set once the upload went through, so a retry does not upload it again. */
  fileId?: string;
}

export interface SiteLogDraftBody {
  projectId: string;
  date: string;
  timeIn?: string | null;
  timeOut?: string | null;
  weather?: string | null;
  duties: string[];
  seen?: string;
  done: string;
  peopleMet?: string | null;
}

export interface SiteLogDraft {
  /** Generated once when the draft is made; the base of every Idempotency-Key it sends. */
  key: string;
  userId: string;
  projectName: string;
  createdAt: string;
  body: SiteLogDraftBody;
  photos: DraftPhoto[];
  status: 'waiting' | 'sending' | 'needs-attention';
  error?: string;
  attempts: number;
}

const store = createStore<SiteLogDraft>('liaison-outbox', 'site-log-drafts');
const listeners = new Set<() => void>();
let snapshot: SiteLogDraft[] = [];

async function refresh(): Promise<void> {
  try {
    snapshot = (await store.all()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  } catch {
    snapshot = [];
  }
  listeners.forEach((l) => l());
}

export function subscribeDrafts(l: () => void): () => void {
  listeners.add(l);
  if (listeners.size === 1) void refresh();
  return () => listeners.delete(l);
}

export const draftsSnapshot = (): SiteLogDraft[] => snapshot;

export function newDraft(userId: string, projectName: string, body: SiteLogDraftBody, photos: DraftPhoto[]): SiteLogDraft {
  return {
    key: crypto.randomUUID(),
    userId,
    projectName,
    createdAt: new Date().toISOString(),
    body,
    photos,
    status: 'waiting',
    attempts: 0,
  };
}

export async function saveDraft(d: SiteLogDraft): Promise<void> {
  await store.put(d.key, d);
  await refresh();
}

export async function deleteDraft(key: string): Promise<void> {
  await store.delete(key);
  await refresh();
}

/** Uploads the photos not yet uploaded, then creates the log; every request under the draft's own keys. */
export async function sendDraft(draft: SiteLogDraft): Promise<{ outcome: SendOutcome; log?: SiteLog }> {
  const d: SiteLogDraft = { ...draft, photos: [...draft.photos], status: 'sending', attempts: draft.attempts + 1 };
  await saveDraft(d);
  try {
    for (let i = 0; i < d.photos.length; i++) {
      const p = d.photos[i]!;
      if (p.fileId) continue;
      const f = await uploadFile(p.blob, p.name, photoKey(d.key, i));
      d.photos[i] = { ...p, fileId: f.id };
      await store.put(d.key, d);
    }
    const photoIds = d.photos.map((p) => p.fileId!);
    const log = await api<SiteLog>('/site-logs', {
      method: 'POST',
      body: { ...d.body, ...(photoIds.length ? { photoIds } : {}) },
      idempotencyKey: logKey(d.key),
    });
    await deleteDraft(d.key);
    return { outcome: 'sent', log };
  } catch (err) {
    const outcome = outcomeOf(err);
    const status = outcome === 'needs-attention' ? 'needs-attention' : 'waiting';
    await saveDraft({ ...d, status, error: outcome === 'needs-attention' ? errorMessage(err) : undefined });
    return { outcome };
  }
}

let running: Promise<number> | null = null;
let again = false;

async function flushOnce(userId: string): Promise<number> {
  let sent = 0;
  const all = (await store.all()).filter((d) => d.userId === userId && d.status !== 'needs-attention');
  for (const d of all.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const { outcome } = await sendDraft(d);
    if (outcome === 'sent') sent++;
    else if (outcome !== 'needs-attention') return sent; // offline or signed out: the rest would fail too
  }
  return sent;
}

/**
 * Sends every waiting draft of the user, one at a time; resolves to the number sent.
 * A call while a flush runs makes that flush go round once more (a draft saved meanwhile is not left behind).
 */
export function flushDrafts(userId: string): Promise<number> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let sent = 0;
    try {
      do {
        again = false;
        sent += await flushOnce(userId);
      } while (again);
    } finally {
      running = null;
    }
    return sent;
  })();
  return running;
}

/** Drafts stuck in "sending" when the page closed mid-send go back to waiting. */
export async function recoverInterrupted(): Promise<void> {
  if (running) return;
  for (const d of await store.all()) if (d.status === 'sending') await store.put(d.key, { ...d, status: 'waiting' });
  await refresh();
}
