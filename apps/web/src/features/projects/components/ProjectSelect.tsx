import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Project } from '@liaison/contracts';
import { api, type Page } from '../../../shared/api/client';

interface Props {
  value?: string | null;
  onChange?: (v: string | undefined) => void;
  id?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  'aria-label'?: string;
  allowClear?: boolean;
}

/** Pick one of the projects the caller may see, by typing part of its name or code. */
export function ProjectSelect({ value, onChange, id, placeholder, style, allowClear = true, ...rest }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(input.trim()), 250);
    return () => clearTimeout(h);
  }, [input]);
  const list = useQuery({
    queryKey: ['projects', 'options', q],
    queryFn: ({ signal }) => api<Page<Project>>('/projects', { query: { q: q || undefined, pageSize: 50, sort: 'name' }, signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const options = useMemo(() => (list.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })), [list.data]);
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setInput }}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v)}
      options={options}
      loading={list.isFetching}
      placeholder={placeholder ?? t('projects.pick')}
      notFoundContent={list.isFetching ? t('common.loading') : t('common.noMatch')}
      style={style ?? { width: '100%' }}
    />
  );
}
