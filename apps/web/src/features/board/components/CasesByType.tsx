import { Card, Table } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BoardSummary, Figure } from '@liaison/contracts';
import { TYPE_COLORS } from '../charts/options';
import { drillTarget } from '../period';

type Row = BoardSummary['cases']['byType'][number];

function Cell({ f, danger, label }: { f: Figure; danger?: boolean; label: string }) {
  const to = drillTarget(f.drill);
  const style = { color: danger && f.n ? '#cf1322' : undefined, fontVariantNumeric: 'tabular-nums' as const };
  return to ? <Link to={to} style={style} aria-label={`${label} ${f.n}`}>{f.n}</Link> : <span style={style}>{f.n}</span>;
}

/** Open, overdue (now) and opened, closed (in the period) cases by type; every number opens its list. */
export function CasesByType({ summary: s }: { summary: BoardSummary }) {
  const { t } = useTranslation();
  const col = (key: 'open' | 'overdue' | 'opened' | 'closed', danger = false) => ({
    key, title: t(`board.${key}`), align: 'right' as const, width: 56,
    render: (_: unknown, r: Row) => <Cell f={r[key]} danger={danger} label={`${t(`caseType.${r.type}`)} ${t(`board.${key}`)}`} />,
  });
  return (
    <Card size="small" title={t('board.casesByType')} styles={{ body: { padding: 0 } }}>
      <Table<Row>
        size="small"
        rowKey="type"
        pagination={false}
        dataSource={s.cases.byType}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'type', title: t('board.type'),
            render: (_, r) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <span aria-hidden style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 2, background: TYPE_COLORS[r.type], marginInlineEnd: 6 }} />
                {t(`caseType.${r.type}`)}
              </span>
            ),
          },
          col('open'),
          col('overdue', true),
          col('opened'),
          col('closed'),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}><strong>{t('board.allTypes')}</strong></Table.Summary.Cell>
            {(['open', 'overdue', 'opened', 'closed'] as const).map((k, i) => (
              <Table.Summary.Cell key={k} index={i + 1} align="right">
                <strong><Cell f={s.cases.total[k]} danger={k === 'overdue'} label={`${t('board.allTypes')} ${t(`board.${k}`)}`} /></strong>
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
