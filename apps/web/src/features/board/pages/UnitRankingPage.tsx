import { Card, Segmented, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { unitRankKinds, unitSorts } from '@liaison/contracts';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { UnitRanking } from '../components/Rankings';
import { WeekSelect } from '../components/WeekSelect';
import { periodFrom } from '../period';

type Kind = (typeof unitRankKinds)[number];
type Sort = (typeof unitSorts)[number];

/** Departments and streets ranked by 响应率 / 解决率 / 满意率 — where the board's rates drill down to. */
export default function UnitRankingPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const period = periodFrom(search);
  const kind = (unitRankKinds as readonly string[]).includes(search.get('kind') ?? '') ? (search.get('kind') as Kind) : 'all';
  const sort = (unitSorts as readonly string[]).includes(search.get('sort') ?? '') ? (search.get('sort') as Sort) : 'solve';
  const set = (changes: Record<string, string | undefined>) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    }, { replace: true });
  const periodText = period.week ?? (period.from ? `${period.from} – ${period.to}` : t('board.yearSoFar'));

  return (
    <>
      <PageHeader
        title={t('board.unitRankingTitle')}
        sub={periodText}
        extra={<WeekSelect value={period.week} onChange={(week) => set({ week, from: undefined, to: undefined })} allowYear aria-label={t('board.period')} />}
      />
      <Card size="small">
        <Segmented
          value={kind}
          onChange={(v) => set({ kind: v === 'all' ? undefined : String(v) })}
          options={unitRankKinds.map((k) => ({ value: k, label: t(`board.unitKinds.${k}`) }))}
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('board.unitRankingHint')}</Typography.Paragraph>
        <UnitRanking key={`${kind}-${sort}`} period={period} kind={kind} initialSort={sort} pageSize={20} />
      </Card>
    </>
  );
}
