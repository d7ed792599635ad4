import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import i18n from '../i18n';
import { isApiError } from './client';

/** The user's-language message for any error thrown by the api client (or anything else). */
export function errorMessage(err: unknown, t: TFunction = i18n.t): string {
  if (isApiError(err)) {
    const key = `errors.${err.code}`;
    // A message may quote the problem's own figures, e.g. {{problem.max, number}} (nested: no option names collide).
    if (i18n.exists(key)) return t(key, { problem: err.body ?? {} });
    return err.problem?.detail ?? err.problem?.title ?? t('errors.INTERNAL');
  }
  return t('errors.INTERNAL');
}

/** Server paths may come as "newPassword", "/newPassword", "body.newPassword" or "body/roles/0". */
export function fieldPath(path: string): (string | number)[] {
  const parts = path
    .replace(/^\//, '')
    .split(/[./]/)
    .filter((p) => p !== '');
  if (parts[0] === 'body' || parts[0] === 'query') parts.shift();
  const idx = parts.findIndex((p) => /^\d+$/.test(p));
  // Errors on list items (roles/1) belong to the list field.
  return idx === -1 ? parts : parts.slice(0, idx);
}

export type CodeMessages = Partial<Record<string, string>>;

function fieldText(code: string, name: string, serverMessage: string, t: TFunction, messages?: CodeMessages): string {
  const own = messages?.[code];
  if (own) return t(own);
  const specific = `fieldErrors.${code}.${name}`;
  if (i18n.exists(specific)) return t(specific);
  if (code !== 'VALIDATION_FAILED' && code !== 'BAD_REQUEST' && i18n.exists(`errors.${code}`)) {
    return t(`errors.${code}`);
  }
  return serverMessage;
}

/**
 * Puts the problem's field errors on the form fields they name.
 * Returns true when at least one error was shown on a field (then no general message is needed).
 * `fallbackField` receives the error when the code concerns one field but the server named none;
 * `messages` overrides, for this form, the i18n key shown for a code.
 */
export function applyFieldErrors(
  form: FormInstance,
  err: unknown,
  t: TFunction,
  fallbackField?: Partial<Record<string, string>>,
  messages?: CodeMessages,
): boolean {
  if (!isApiError(err)) return false;
  const known = new Set([
    ...Object.keys(form.getFieldsValue(true) as Record<string, unknown>),
    ...Object.keys(form.getFieldsValue(true, () => true) as Record<string, unknown>),
  ]);
  const byField = new Map<string, string[]>();
  for (const e of err.fieldErrors) {
    const path = fieldPath(e.path);
    const name = path[0];
    if (typeof name !== 'string' || !known.has(name)) continue;
    const list = byField.get(name) ?? [];
    const text = fieldText(err.code, name, e.message, t, messages);
    if (!list.includes(text)) list.push(text);
    byField.set(name, list);
  }
  const fallback = fallbackField?.[err.code];
  if (byField.size === 0 && fallback) byField.set(fallback, [fieldText(err.code, fallback, '', t, messages)]);
  if (byField.size === 0) return false;
  form.setFields([...byField.entries()].map(([name, errors]) => ({ name, errors })));
  return true;
}
