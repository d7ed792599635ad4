import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnitOptions } from '../../units/api';

interface Props {
  value?: string[];
  onChange?: (v: string[]) => void;
  /** Names of units already chosen, so they show before any search. */
  initial?: { id: string; name: string }[];
  id?: string;
  max?: number;
}

/** Several units, picked by typing part of their names; the first one leads. */
export function UnitsSelect({ value = [], onChange, initial = [], id, max = 10 }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  const [known, setKnown] = useState(new Map(initial.map((u) => [u.id, u.name])));
  useEffect(() => {
    const h = setTimeout(() => setQ(input.trim()), 250);
    return () => clearTimeout(h);
  }, [input]);
  const units = useUnitOptions(q);
  useEffect(() => {
    if (!units.data?.length) return;
    setKnown((k) => {
      const n = new Map(k);
      for (const u of units.data ?? []) n.set(u.id, u.name);
      return n;
    });
  }, [units.data]);
  const options = useMemo(() => {
    const list = (units.data ?? []).map((u) => ({ value: u.id, label: u.name }));
    for (const v of value) if (!list.some((o) => o.value === v)) list.unshift({ value: v, label: known.get(v) ?? v });
    return list;
  }, [units.data, value, known]);
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      maxCount={max}
      showSearch={{ filterOption: false, onSearch: setInput }}
      value={value}
      onChange={(v: string[]) => onChange?.(v)}
      options={options}
      loading={units.isFetching}
      placeholder={t('enterprise.unitsPick')}
      notFoundContent={units.isFetching ? t('common.loading') : t('common.noMatch')}
      style={{ width: '100%' }}
    />
  );
}
