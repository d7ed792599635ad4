import type { ErrorCode } from '@liaison/contracts';

export const API_BASE = '/api/v1';

export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  requestId?: string;
  errors?: FieldError[];
}

/** Codes the client makes up when the server gave no problem body (network down, proxy page…). */
export type ClientErrorCode = 'NETWORK';

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode | string;
  readonly problem: Problem | null;
  /** The parsed JSON body as the server sent it (some refusals carry a result, e.g. an import's errors). */
  readonly body: unknown;

  constructor(status: number, code: string, problem: Problem | null, body?: unknown) {
    super(problem?.detail ?? problem?.title ?? code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.problem = problem;
    this.body = body;
  }

  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Query;
  body?: unknown;
  /** Send an Idempotency-Key: POSTs that create something. */
  idempotent?: boolean;
  /** A fixed Idempotency-Key (offline drafts reuse theirs on every retry). */
  idempotencyKey?: string;
  /** A multipart body (file uploads): sent as is, the browser sets the Content-Type. */
  form?: FormData;
  /** Don't treat a 401 as "session lost" (sign-in and session probes handle it themselves). */
  skipSessionLost?: boolean;
  signal?: AbortSignal;
}

interface ClientHooks {
  csrfToken: () => string | undefined;
  language: () => string;
  onSessionLost: (code: string) => void;
  /** A call was refused because the session owes a step (new password, second factor) or its CSRF token is stale. */
  onStepRequired: (code: string) => void;
}

const hooks: ClientHooks = {
  csrfToken: () => undefined,
  language: () => 'zh-CN',
  onSessionLost: () => undefined,
  onStepRequired: () => undefined,
};

export function configureApiClient(next: Partial<ClientHooks>): void {
  Object.assign(hooks, next);
}

export function buildQuery(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function apiUrl(path: string, query?: Query): string {
  return `${API_BASE}${path}${buildQuery(query)}`;
}

const fallbackCodes: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'RULE_VIOLATED',
  423: 'ACCOUNT_LOCKED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

async function toApiError(res: Response): Promise<ApiError> {
  let problem: Problem | null = null;
  let raw: unknown;
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await res.json()) as Partial<Problem>;
      raw = body;
      if (body && typeof body === 'object') {
        problem = {
          type: body.type ?? 'about:blank',
          title: body.title ?? res.statusText,
          status: body.status ?? res.status,
          detail: body.detail,
          code: body.code ?? fallbackCodes[res.status] ?? 'INTERNAL',
          requestId: body.requestId,
          errors: Array.isArray(body.errors) ? body.errors : undefined,
        };
      }
    } catch {
      problem = null;
    }
  }
  const code = problem?.code ?? fallbackCodes[res.status] ?? (res.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
  return new ApiError(res.status, code, problem, raw);
}

const SESSION_LOST_CODES = new Set(['SESSION_EXPIRED', 'UNAUTHENTICATED']);
// A CSRF refusal means our token is stale (signed in again elsewhere): fetching the session renews it.
const STEP_CODES = new Set(['PASSWORD_CHANGE_REQUIRED', 'MFA_ENROLMENT_REQUIRED', 'CSRF_FAILED']);

/** Low-level fetch with the platform's headers; returns the Response or throws ApiError. */
export async function apiFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': hooks.language(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const token = hooks.csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  else if (options.idempotent) headers['Idempotency-Key'] = crypto.randomUUID();

  let res: Response;
  try {
    res = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', null);
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (err.status === 401 && SESSION_LOST_CODES.has(err.code) && !options.skipSessionLost) {
      hooks.onSessionLost(err.code);
    }
    if (err.status === 403 && STEP_CODES.has(err.code)) hooks.onStepRequired(err.code);
    throw err;
  }
  return res;
}

/** JSON request; 204 resolves to undefined. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await apiFetch(path, options);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}

/** Download a file from a GET endpoint (fetch + blob, so errors become messages, not error pages). */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<void> {
  const res = await apiFetch(path, { query });
  const blob = await res.blob();
  const name = filenameFrom(res.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function filenameFrom(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through to the plain filename */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim();
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  mediaType: string;
  sha256: string;
  hasThumbnail: boolean;
  capturedAt: string | null;
}

/** Upload one file through /files (multipart field "file"). */
export function uploadFile(file: Blob, name: string, idempotencyKey?: string): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, name);
  return api<UploadedFile>('/files', { method: 'POST', form, idempotencyKey, idempotent: !idempotencyKey });
}

/** URL of a stored file (or its thumbnail). */
export function fileUrl(id: string, variant: 'original' | 'thumb' = 'original'): string {
  return apiUrl(`/files/${encodeURIComponent(id)}`, variant === 'thumb' ? { variant } : undefined);
}
