import type { Section } from '../../approvals/components/SectionNav';

export const safetySections = (canRead: boolean, canTemplates: boolean): Section[] => [
  { path: '/inspections', labelKey: 'safety.tabInspections', show: canRead },
  { path: '/safety/ledger', labelKey: 'safety.tabLedger', show: canRead },
  { path: '/safety/templates', labelKey: 'safety.tabTemplates', show: canTemplates || canRead },
];
