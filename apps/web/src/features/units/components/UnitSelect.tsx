import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnitOptions } from '../api';

interface Props {
  value?: string | null;
  onChange?: (v: string | null) => void;
  /** The current unit's name, so the picker shows it before any search. */
  initial?: { id: string; name: string } | null;
  excludeId?: string;
  kind?: string;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
  style?: React.CSSProperties;
}

/** Pick a unit by typing part of its name. */
export function UnitSelect({ value, onChange, initial, excludeId, kind, placeholder, id, style, ...rest }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(input.trim()), 250);
    return () => clearTimeout(h);
  }, [input]);
  const units = useUnitOptions(q, kind);

  const options = useMemo(() => {
    const list = (units.data ?? []).filter((u) => u.id !== excludeId).map((u) => ({ value: u.id, label: u.name }));
    if (initial && !list.some((o) => o.value === initial.id)) list.unshift({ value: initial.id, label: initial.name });
    return list;
  }, [units.data, initial, excludeId]);

  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      allowClear
      showSearch={{ filterOption: false, onSearch: setInput }}
      value={value ?? undefined}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={options}
      loading={units.isFetching}
      placeholder={placeholder ?? t('units.pickUnit')}
      notFoundContent={units.isFetching ? t('common.loading') : t('common.noMatch')}
      style={style ?? { width: '100%' }}
    />
  );
}
