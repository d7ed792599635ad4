/** The demo password every demo account shares (README, tests and the sign-in page name it). */
export const DEMO_PASSWORD = 'Liaison#2026';

const nn = (i: number) => String(i).padStart(2, '0');
export const commissionerUsername = (i: number) => `zy${nn(i + 1)}`;
export const assistantUsername = (i: number) => `gb${nn(i + 1)}`;
export const enterpriseUsername = (side: 'owner' | 'contractor' | 'supervisor', i: number) =>
  `${side === 'owner' ? 'yz' : side === 'contractor' ? 'sg' : 'jl'}${nn(i + 1)}`;

/** A representative account per role, for the sign-in page's demo hint. */
export function demoAccounts() {
  return [
    { username: 'leader', role: 'leader', label: '区领导 District leader' },
    { username: 'orgdept', role: 'org_admin', label: '组织部 Organisation dept.' },
    { username: 'zy01', role: 'commissioner', label: '项目专员 Commissioner (中大银泰城)' },
    { username: 'gb01', role: 'assistant', label: '跟班干部 Young cadre' },
    { username: 'zjj', role: 'dept_handler', label: '住建局 Housing & construction' },
    { username: 'tianshui', role: 'street_handler', label: '天水街道 Tianshui street' },
    { username: 'sg01', role: 'enterprise', label: '施工方 Contractor' },
    { username: 'admin', role: 'system_admin', label: '系统管理员 System admin (TOTP)' },
    { username: 'secadmin', role: 'security_admin', label: '安全管理员 Security admin (TOTP)' },
    { username: 'auditor', role: 'auditor', label: '审计员 Auditor (TOTP)' },
  ];
}
