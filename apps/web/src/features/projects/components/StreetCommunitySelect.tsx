import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@liaison/contracts';
import { api, type Page } from '../../../shared/api/client';

/** The communities of one street (the second level of the street → community cascade). */
export function CommunitySelect({ streetId, value, onChange, id }: { streetId?: string | null; value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  const { t } = useTranslation();
  const communities = useQuery({
    queryKey: ['units', 'communities', streetId],
    queryFn: ({ signal }) => api<Page<Unit>>('/units', { query: { kind: 'community', parentId: streetId ?? undefined, pageSize: 200, sort: 'name' }, signal }),
    enabled: !!streetId,
    staleTime: 5 * 60_000,
  });
  return (
    <Select
      id={id}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      disabled={!streetId}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      loading={communities.isFetching}
      placeholder={streetId ? t('projectForm.communityPick') : t('projectForm.streetFirst')}
      options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}
