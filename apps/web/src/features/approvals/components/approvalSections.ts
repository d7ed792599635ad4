import type { Section } from './SectionNav';

export const approvalSections: Section[] = [
  { path: '/approvals', labelKey: 'approvals.tabChain' },
  { path: '/approvals/report', labelKey: 'approvals.tabReport' },
  { path: '/approvals/catalogue', labelKey: 'approvals.tabCatalogue' },
];
