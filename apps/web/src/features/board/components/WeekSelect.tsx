import { useMemo } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { recentWeeks, todayShanghai, weekParts } from '../period';

export function useWeekLabel() {
  const { t } = useTranslation();
  return (w: { week: string; from: string; to: string }) => {
    const { year, n } = weekParts(w.week);
    return t('board.weekLabel', { year, n, from: w.from.slice(5).replace('-', '/'), to: w.to.slice(5).replace('-', '/') });
  };
}

interface Props {
  value?: string;
  onChange: (week: string | undefined) => void;
  /** offer "the year so far" as the empty choice */
  allowYear?: boolean;
  weeks?: number;
  id?: string;
  'aria-label'?: string;
  style?: React.CSSProperties;
}

/** Pick an ISO week among the recent ones (the current one is under way). */
export function WeekSelect({ value, onChange, allowYear = false, weeks = 52, id, style, ...rest }: Props) {
  const { t } = useTranslation();
  const label = useWeekLabel();
  const list = useMemo(() => recentWeeks(todayShanghai(), weeks), [weeks]);
  const options = [
    ...(allowYear ? [{ value: '', label: t('board.yearSoFar') }] : []),
    ...list.map((w, i) => ({ value: w.week, label: i === 0 ? `${label(w)} · ${t('board.currentWeek')}` : label(w) })),
  ];
  if (value && !list.some((w) => w.week === value)) options.push({ value, label: value });
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? (allowYear ? '' : undefined)}
      onChange={(v: string) => onChange(v || undefined)}
      options={options}
      showSearch={{ optionFilterProp: 'label' }}
      style={style ?? { width: 260 }}
      popupMatchSelectWidth={false}
    />
  );
}
