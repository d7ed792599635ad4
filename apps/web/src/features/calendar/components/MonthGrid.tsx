import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../api';

const pad = (n: number) => String(n).padStart(2, '0');

/** Monday-first days of a month, null for the blanks before the 1st. */
export function monthCells(year: number, month: number): (string | null)[] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  return [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`)];
}

export function isWeekend(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 || d === 6;
}

const style = (kind: 'holiday' | 'workday' | 'weekend' | 'day'): React.CSSProperties => ({
  holiday: { background: '#fff1f0', color: '#cf1322', fontWeight: 600 },
  workday: { background: '#e6f4ff', color: '#0958d9', fontWeight: 600 },
  weekend: { color: '#bfbfbf' },
  day: {},
})[kind];

export function MonthGrid({ year, month, days, onPick }: { year: number; month: number; days: Map<string, CalendarDay>; onPick?: (date: string) => void }) {
  const { t } = useTranslation();
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <div>
      <Typography.Text strong>{t('calendar.month', { month })}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, marginTop: 4, fontSize: 12, textAlign: 'center' }}>
        {weekdays.map((w) => <div key={w} style={{ color: '#8c8c8c' }}>{w}</div>)}
        {monthCells(year, month).map((date, i) => {
          if (!date) return <div key={`b${i}`} />;
          const entry = days.get(date);
          const kind = entry ? entry.kind : isWeekend(date) ? 'weekend' : 'day';
          const label = entry ? `${date} ${entry.name}` : date;
          const cell = { ...style(kind), borderRadius: 4, padding: '2px 0', lineHeight: '20px' };
          return onPick ? (
            <button key={date} type="button" title={label} aria-label={label} onClick={() => onPick(date)}
              style={{ ...cell, border: 'none', cursor: 'pointer', background: cell.background ?? 'transparent', font: 'inherit' }}>
              {Number(date.slice(8))}
            </button>
          ) : (
            <div key={date} title={label} style={cell}>{Number(date.slice(8))}</div>
          );
        })}
      </div>
    </div>
  );
}
