import type { Section } from '../../approvals/components/SectionNav';

export const enterpriseSections: Section[] = [
  { path: '/enterprise-needs', labelKey: 'enterprise.tabList' },
  { path: '/enterprise-needs/report', labelKey: 'enterprise.tabReport' },
];
