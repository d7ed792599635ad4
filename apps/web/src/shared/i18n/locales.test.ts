import { describe, expect, it } from 'vitest';
import { errorCodes, projectLights, projectPhases, roles, unitKinds } from '@liaison/contracts';
import zhCN from './locales/zh-CN.json';
import en from './locales/en.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
    else out.set(key, v);
  }
  return out;
}

const locales = { 'zh-CN': flatten(zhCN as Tree), en: flatten(en as Tree) };

describe('locales', () => {
  it('zh-CN and en have the same keys', () => {
    const zhKeys = [...locales['zh-CN'].keys()].sort();
    const enKeys = [...locales.en.keys()].sort();
    expect(zhKeys.filter((k) => !locales.en.has(k))).toEqual([]);
    expect(enKeys.filter((k) => !locales['zh-CN'].has(k))).toEqual([]);
  });

  it.each(Object.keys(locales))('%s has no empty or non-string values', (lng) => {
    const bad = [...locales[lng as keyof typeof locales]].filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(bad.map(([k]) => k)).toEqual([]);
  });

  it.each(Object.keys(locales))('%s uses the same interpolation variables as the other language', (lng) => {
    const other = lng === 'en' ? locales['zh-CN'] : locales.en;
    const vars = (s: unknown) => [...String(s).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    const differ = [...locales[lng as keyof typeof locales]].filter(([k, v]) => vars(v).join() !== vars(other.get(k)).join());
    expect(differ.map(([k]) => k)).toEqual([]);
  });

  it('translates every error code of the contracts', () => {
    for (const lng of Object.values(locales)) {
      expect(errorCodes.filter((code) => !lng.has(`errors.${code}`))).toEqual([]);
    }
  });

  it('labels every role, unit kind, phase and light', () => {
    const needed = [
      ...roles.map((r) => `role.${r}`),
      ...unitKinds.map((k) => `unitKind.${k}`),
      ...projectPhases.map((p) => `phase.${p}`),
      ...projectLights.map((l) => `light.${l}`),
    ];
    for (const lng of Object.values(locales)) expect(needed.filter((k) => !lng.has(k))).toEqual([]);
  });

  it('names the sign-in fields as the browser journeys expect', () => {
    expect(locales['zh-CN'].get('login.username')).toBe('用户名');
    expect(locales['zh-CN'].get('login.password')).toBe('密码');
    expect(locales['zh-CN'].get('login.submit')).toBe('登录');
    expect(locales.en.get('login.username')).toBe('Username');
    expect(locales.en.get('login.password')).toBe('Password');
    expect(locales.en.get('login.submit')).toBe('Sign in');
    expect(locales['zh-CN'].get('language.switch')).toBe('语言');
    expect(locales.en.get('language.switch')).toBe('Language');
  });
});
