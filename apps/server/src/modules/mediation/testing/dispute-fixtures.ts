import type { Json } from '../../cases/testing/case-kit.js';

/** A noise dispute between a resident and the contractor of project `projectId`, as the API takes it. */
export const disputeBody = (projectId: string, extra: Json = {}) => ({
  projectId, title: '打桩噪声致居民休息受扰', description: '东新园小区3幢居民反映夜间打桩噪声严重，要求施工方赔偿并调整作业时间。',
  category: 'noise', risk: 'medium',
  parties: [
    { kind: 'resident', name: '李秀英', phone: '13812341234', address: '东新园小区3幢2单元501室' },
    { kind: 'enterprise', name: '中建华东建设工程局有限公司', phone: '0571-88776655', representative: '周振宇（项目经理）' },
  ],
  facts: '2026年11月以来，项目南侧桩基施工多次延续至22时以后。', issues: '夜间施工噪声补偿标准及作业时间安排。',
  ...extra,
});
