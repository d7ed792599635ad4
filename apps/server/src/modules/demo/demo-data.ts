import type { ProjectTable } from '../../kernel/db/schema.js';

/** The shape of seed/xiacheng.json: the demo district, also the fixture every test builds on. */
export type DemoData = {
  district: { code: string; name: string; nameEn: string; center: [number, number] };
  streets: { code: string; pinyin: string; name: string; phone: string; communities: { code: string; name: string }[] }[];
  departments: { code: string; username: string | null; name: string; phone: string }[];
  cityDepartments: { code: string; username: string | null; name: string; phone: string }[];
  projects: {
    code: string; name: string; category: string; address: string; street: string; community: string; lat: number; lng: number;
    owner: string; contractor: string; supervisor: string; totalInvestment: number; annualPlannedInvestment: number;
    investmentCompleted: number; plannedStart: string; plannedFinish: string; phase: ProjectTable['phase']; light: string;
    description: string; constructionHours: string; isDemo: boolean;
    commissioner: { name: string; phone: string; formerPost: string };
  }[];
  assistants: { name: string; phone: string; post: string; mentorProjectIndex: number }[];
  people: {
    leader: { name: string; post: string }; orgdept: { name: string }; admin: { name: string }; secadmin: { name: string };
    auditor: { name: string };
    departmentHandlers: Record<string, { name: string; phone: string }>;
    streetHandlers: Record<string, { name: string; phone: string }>;
  };
};
