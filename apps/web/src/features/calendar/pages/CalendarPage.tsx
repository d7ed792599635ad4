import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Space, Table, Tag } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useCan } from '../../session/api';
import { useCalendarDays, type CalendarDay } from '../api';
import { DayModal } from '../components/DayModal';
import { MonthGrid } from '../components/MonthGrid';

/** 工作日历: statutory holidays and make-up working days of a year; the admin edits them every November. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const canEdit = useCan('calendar.manage');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [picked, setPicked] = useState<string | null>(null);
  const days = useCalendarDays(year);
  const byDate = useMemo(() => new Map((days.data ?? []).map((d) => [d.date, d])), [days.data]);

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        sub={t('calendar.sub')}
        extra={
          <Space.Compact>
            <Button icon={<LeftOutlined />} aria-label={t('calendar.prevYear')} onClick={() => setYear((y) => y - 1)} />
            <Button style={{ pointerEvents: 'none' }}>{t('calendar.year', { year })}</Button>
            <Button icon={<RightOutlined />} aria-label={t('calendar.nextYear')} onClick={() => setYear((y) => y + 1)} />
          </Space.Compact>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Tag color="red">{t('calendar.kinds.holiday')}</Tag>
        <Tag color="blue">{t('calendar.kinds.workday')}</Tag>
        <Tag>{t('calendar.weekend')}</Tag>
        {canEdit ? <span>{t('calendar.editHint')}</span> : null}
      </Flex>
      {days.isError ? <ErrorState error={days.error} onRetry={() => void days.refetch()} /> : null}
      {days.isPending ? <Skeleton active /> : null}
      {days.data && days.data.length === 0 ? <Alert type="warning" showIcon title={t('calendar.emptyYear', { year })} style={{ marginBottom: 12 }} /> : null}
      {days.data ? (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={16}>
            <Card size="small">
              <Row gutter={[16, 16]}>
                {Array.from({ length: 12 }, (_, i) => (
                  <Col key={i} xs={24} sm={12} md={8}>
                    <MonthGrid year={year} month={i + 1} days={byDate} onPick={canEdit ? setPicked : undefined} />
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Card size="small" title={t('calendar.list')}>
              <Table<CalendarDay>
                rowKey="date"
                size="small"
                pagination={false}
                dataSource={days.data}
                onRow={canEdit ? (d) => ({ onClick: () => setPicked(d.date), className: 'liaison-clickable-row' }) : undefined}
                columns={[
                  { key: 'date', title: t('calendar.date'), dataIndex: 'date', width: 110 },
                  { key: 'kind', title: t('calendar.kind'), width: 90, render: (_, d) => <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kinds.${d.kind}`)}</Tag> },
                  { key: 'name', title: t('calendar.name'), dataIndex: 'name' },
                ]}
              />
            </Card>
          </Col>
        </Row>
      ) : null}
      {picked ? <DayModal date={picked} entry={byDate.get(picked)} onClose={() => setPicked(null)} /> : null}
    </>
  );
}
