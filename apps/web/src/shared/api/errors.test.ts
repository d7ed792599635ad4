import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { ApiError } from './client';
import { errorMessage } from './errors';

describe('errorMessage', () => {
  it('translates the code and quotes the problem\'s own figures', async () => {
    const problem = { type: 'about:blank', title: 'Unprocessable', status: 422, code: 'EXPORT_TOO_LARGE', total: 120345, max: 50000 };
    const err = new ApiError(422, 'EXPORT_TOO_LARGE', problem, problem);
    await i18n.changeLanguage('zh-CN');
    expect(errorMessage(err)).toBe('导出的记录太多（共 120,345 条，一次最多 50,000 条），请先缩小筛选范围（如时间、项目、状态）再导出。');
    await i18n.changeLanguage('en');
    expect(errorMessage(err)).toContain('(120,345; at most 50,000 at a time)');
    expect(errorMessage(new ApiError(403, 'FORBIDDEN', null))).toBe(i18n.t('errors.FORBIDDEN'));
  });
});
