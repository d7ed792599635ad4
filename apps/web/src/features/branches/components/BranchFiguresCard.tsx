import { Card, Col, Empty, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { meetingTypes } from '@liaison/contracts';
import { useBranchFigures } from '../api';
import { onTimeShare } from '../bodies';

/** Meetings held per quarter by type and the resolutions' record: one branch's, or the district's. */
export function BranchFiguresCard({ branchId }: { branchId?: string }) {
  const { t } = useTranslation();
  const figures = useBranchFigures(branchId);
  if (figures.isPending) return <Card><Skeleton active paragraph={{ rows: 2 }} /></Card>;
  if (figures.isError) return null;
  const f = figures.data;
  const r = f.resolutions;
  const share = onTimeShare(r);
  const quarters = [...new Set(f.quarters.map((q) => q.quarter))].sort().reverse();
  const rows = quarters.map((quarter) => ({
    quarter,
    ...Object.fromEntries(meetingTypes.map((type) => [type, f.quarters.find((q) => q.quarter === quarter && q.type === type)?.held ?? 0])),
  }));
  const held = f.quarters.reduce((n, q) => n + q.held, 0);

  return (
    <Card title={branchId ? t('branches.figures.branchTitle') : t('branches.figures.districtTitle')} size="small">
      <Row gutter={[16, 12]}>
        <Col xs={12} md={4}><Statistic title={t('branches.figures.held')} value={held} /></Col>
        <Col xs={12} md={4}><Statistic title={t('branches.figures.resolutions')} value={r.total} /></Col>
        <Col xs={12} md={4}><Statistic title={t('branches.figures.open')} value={r.open} /></Col>
        <Col xs={12} md={4}><Statistic title={t('branches.figures.done')} value={r.done} /></Col>
        <Col xs={12} md={4}>
          <Statistic title={t('branches.figures.onTime')} value={share ?? '—'} suffix={share === null ? undefined : '%'} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('branches.figures.onTimeOf', { n: r.doneOnTime, total: r.total })}</Typography.Text>
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('branches.figures.overdue')} value={r.overdue} styles={{ content: r.overdue ? { color: '#cf1322' } : undefined }} />
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('branches.figures.perQuarter')}</Typography.Title>
      {rows.length ? (
        <Table
          size="small"
          rowKey="quarter"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          columns={[
            { key: 'quarter', dataIndex: 'quarter', title: t('branches.figures.quarter') },
            ...meetingTypes.map((type) => ({ key: type, dataIndex: type, title: t(`branches.meetingType.${type}`), align: 'right' as const })),
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('branches.figures.noneHeld')} />
      )}
    </Card>
  );
}
