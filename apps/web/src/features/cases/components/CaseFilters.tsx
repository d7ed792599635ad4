import { useEffect, useState } from 'react';
import { Button, Flex, Input, Select } from 'antd';
import { FilterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { caseLights, caseSources, caseStatuses, caseTypes, supervisionLevels } from '@liaison/contracts';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { UnitSelect } from '../../units/components/UnitSelect';

export const CASE_FILTERS = ['view', 'q', 'type', 'status', 'projectId', 'unitId', 'light', 'supervisionLevel', 'overdue', 'source', 'createdFrom', 'createdTo'] as const;

interface Props {
  filters: Record<string, string | undefined>;
  update: (changes: Record<string, string | undefined>) => void;
  fixedProject?: boolean;
}

/** Search box and filters; all of them live in the URL. */
export function CaseFilters({ filters: f, update, fixedProject }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [more, setMore] = useState(false);
  const [search, setSearch] = useState(f.q ?? '');
  useEffect(() => setSearch(f.q ?? ''), [f.q]);
  const w = (desktop: number) => (isMobile ? 'calc(50% - 4px)' : desktop);
  const sel = (name: string, label: string, options: { value: string; label: string }[], width = 130) => (
    <Select allowClear value={f[name]} onChange={(v?: string) => update({ [name]: v })} placeholder={label} aria-label={label} options={options} style={{ width: w(width) }} />
  );
  const showAll = !isMobile || more;

  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      <Input.Search
        allowClear
        enterButton
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={(v) => update({ q: v.trim() || undefined })}
        placeholder={t('cases.searchPlaceholder')}
        aria-label={t('cases.search')}
        style={{ width: isMobile ? 'calc(100% - 48px)' : 300 }}
      />
      {isMobile ? <Button icon={<FilterOutlined />} aria-label={t('common.filters')} aria-expanded={more} onClick={() => setMore((m) => !m)} type={more ? 'primary' : 'default'} /> : null}
      {showAll ? (
        <>
          {sel('type', t('cases.type'), caseTypes.map((v) => ({ value: v, label: t(`caseType.${v}`) })))}
          {sel('status', t('cases.status'), caseStatuses.map((v) => ({ value: v, label: t(`caseStatus.${v}`) })))}
          {sel('light', t('cases.light'), caseLights.map((v) => ({ value: v, label: t(`caseLight.${v}`) })), 110)}
          {sel('supervisionLevel', t('cases.supervision'), supervisionLevels.map((v) => ({ value: String(v), label: t(`supervision.${v}`) })), 150)}
          {sel('overdue', t('cases.overdueFilter'), [{ value: 'true', label: t('cases.overdueYes') }, { value: 'false', label: t('cases.overdueNo') }], 120)}
          {sel('source', t('cases.source'), caseSources.map((v) => ({ value: v, label: t(`caseSource.${v}`) })), 140)}
          {fixedProject ? null : (
            <ProjectSelect value={f.projectId} onChange={(v) => update({ projectId: v })} placeholder={t('cases.project')} aria-label={t('cases.project')} style={{ width: w(200) }} />
          )}
          <UnitSelect value={f.unitId ?? null} onChange={(v) => update({ unitId: v ?? undefined })} placeholder={t('cases.unit')} aria-label={t('cases.unit')} style={{ width: w(180) }} />
          <Input type="date" value={f.createdFrom ?? ''} onChange={(e) => update({ createdFrom: e.target.value || undefined })} aria-label={t('cases.createdFrom')} title={t('cases.createdFrom')} style={{ width: w(150) }} />
          <Input type="date" value={f.createdTo ?? ''} onChange={(e) => update({ createdTo: e.target.value || undefined })} aria-label={t('cases.createdTo')} title={t('cases.createdTo')} style={{ width: w(150) }} />
        </>
      ) : null}
    </Flex>
  );
}
