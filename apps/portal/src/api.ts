import type { Challenge, PublicAppeal, PublicProject, PublicAnswer } from '@liaison/contracts';

/** The portal speaks only to /api/public; errors come back as problem+json. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly paths: string[] = []) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { credentials: 'omit', ...init, headers: { accept: 'application/json', ...(init.headers ?? {}) } });
  if (!res.ok) {
    const p = (await res.json().catch(() => ({}))) as { code?: string; detail?: string; errors?: { path: string; message: string }[] };
    throw new ApiError(res.status, p.code ?? 'INTERNAL', p.detail ?? res.statusText, (p.errors ?? []).map((e) => e.path));
  }
  return res.json() as Promise<T>;
}
const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

export type Board = { items: PublicProject[]; recentAnswers: PublicAnswer[]; map: { tileUrl: string | null; center: [number, number] } };
export type ProjectDetail = PublicProject & { description: string; recentAnswers: PublicAnswer[] };
export type Solved = { token: string; nonce: string };

export const api = {
  board: () => call<Board>('/api/public/projects'),
  project: (id: string) => call<ProjectDetail>(`/api/public/projects/${encodeURIComponent(id)}`),
  challenge: () => call<Challenge>('/api/public/challenge', { cache: 'no-store' }),
  uploadPhoto: (photo: Blob, challenge: Solved) => {
    const form = new FormData();
    form.append('photo', photo, 'photo.jpg');
    return call<{ id: string }>('/api/public/appeals/photos', {
      method: 'POST', body: form, headers: { 'x-challenge-token': challenge.token, 'x-challenge-nonce': challenge.nonce },
    });
  },
  submit: (body: Record<string, unknown>) => call<{ trackingCode: string; link: string; status: string }>('/api/public/appeals', json('POST', body)),
  appeal: (code: string) => call<PublicAppeal>(`/api/public/appeals/${encodeURIComponent(code)}`, { cache: 'no-store' }),
  rate: (code: string, body: { rating: string; comment?: string; reopen?: boolean }) => call<PublicAppeal>(`/api/public/appeals/${encodeURIComponent(code)}/rating`, json('POST', body)),
};
