import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCaseOptions } from '../../cases/api';

interface Props {
  projectId: string;
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  'aria-label'?: string;
}

/** Link an agenda item to one of the project's cases, found by number or title. */
export function CaseOptionSelect({ projectId, value, onChange, id, ...rest }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(input.trim()), 250);
    return () => clearTimeout(h);
  }, [input]);
  const cases = useCaseOptions(q, projectId);
  const options = useMemo(() => (cases.data ?? []).map((c) => ({ value: c.id, label: `${c.number} ${c.title}` })), [cases.data]);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      allowClear
      showSearch={{ filterOption: false, onSearch: setInput }}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={options}
      loading={cases.isFetching}
      placeholder={t('branches.agendaCase')}
      notFoundContent={cases.isFetching ? t('common.loading') : t('common.noMatch')}
      style={{ width: '100%' }}
    />
  );
}
