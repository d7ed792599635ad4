import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Dropdown, Flex, Row, Skeleton } from 'antd';
import { CloseCircleOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/api/errors';
import { useFeedback } from '../../../shared/api/useFeedback';
import { formatDateTime } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useCurrentSession } from '../../session/api';
import { exportMinutes, useMeeting, useMeetingChange, type Meeting } from '../api';
import { AgendaCard, agendaTitle } from '../components/AgendaCard';
import { AttendanceCard } from '../components/AttendanceCard';
import { MinutesWorkflow } from '../components/MinutesWorkflow';
import { RescheduleModal } from '../components/RescheduleModal';
import { ResolutionModal } from '../components/ResolutionModal';
import { ResolutionTable } from '../components/ResolutionTable';
import { MeetingStatusTag, MeetingTypeTag, MinutesStatusTag } from '../components/tags';

function MeetingActions({ meeting: m, onEdit }: { meeting: Meeting; onEdit: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const feedback = useFeedback();
  const change = useMeetingChange(m.id);
  const [exporting, setExporting] = useState(false);
  const can = (a: string) => m.allowedActions.includes(a);
  const doExport = (format: 'docx' | 'pdf') => {
    setExporting(true);
    exportMinutes(m.id, format).catch((e: unknown) => message.error(errorMessage(e, t))).finally(() => setExporting(false));
  };
  const cancel = () =>
    modal.confirm({
      title: t('branches.cancelConfirm', { title: m.title }),
      content: t('branches.cancelHint'),
      okText: t('branches.cancelMeeting'),
      okButtonProps: { danger: true },
      cancelText: t('common.back'),
      onOk: () =>
        change.mutateAsync({ kind: 'update', body: { version: m.version, status: 'cancelled' } }).then(
          () => feedback.success('branches.cancelled'),
          (e: unknown) => void feedback.error(e),
        ),
    });
  return (
    <>
      {can('export') ? (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'docx', label: t('branches.exportWord') },
              { key: 'pdf', label: t('branches.exportPdf') },
            ],
            onClick: ({ key }) => doExport(key as 'docx' | 'pdf'),
          }}
        >
          <Button icon={<DownloadOutlined />} loading={exporting}>{t('branches.exportMinutes')}</Button>
        </Dropdown>
      ) : null}
      {can('edit') ? <Button icon={<EditOutlined />} onClick={onEdit}>{t('branches.reschedule')}</Button> : null}
      {can('cancel') ? <Button danger icon={<CloseCircleOutlined />} onClick={cancel}>{t('branches.cancelMeeting')}</Button> : null}
    </>
  );
}

/** One meeting: agenda with carried-over resolutions, attendance, minutes per item, resolutions, the minutes workflow. */
export default function MeetingDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const session = useCurrentSession();
  const meeting = useMeeting(id);
  const [editing, setEditing] = useState(false);
  const [resolving, setResolving] = useState<{ agendaItemId: string | null } | null>(null);
  if (meeting.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (meeting.isError) return <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const m = meeting.data;
  const canResolve = m.allowedActions.includes('resolve');
  const mine = m.invitees.find((i) => i.userId === session.user.id);
  const agendaTitles = Object.fromEntries(m.agenda.map((a) => [a.id, `${a.position}. ${agendaTitle(a)}`]));

  return (
    <>
      <PageHeader
        title={m.title}
        sub={
          <Flex wrap gap={4} align="center">
            <MeetingTypeTag type={m.type} />
            <MeetingStatusTag status={m.status} />
            <MinutesStatusTag status={m.minutesStatus} />
          </Flex>
        }
        extra={<MeetingActions meeting={m} onEdit={() => setEditing(true)} />}
      />
      <Descriptions
        size="small"
        bordered
        column={isMobile ? 1 : 3}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'time', label: t('branches.time'), children: `${formatDateTime(m.startsAt)} – ${formatDateTime(m.endsAt).slice(-5)}` },
          { key: 'place', label: t('branches.place'), children: m.place },
          { key: 'branch', label: t('branches.branch'), children: <Link to={`/branches/${m.branchId}`}>{m.branchName}</Link> },
        ]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <MinutesWorkflow meeting={m} myInviteeId={mine?.id} />
        </Col>
        <Col xs={24} lg={15}>
          <AgendaCard meeting={m} onResolve={canResolve ? (agendaItemId) => setResolving({ agendaItemId }) : undefined} />
        </Col>
        <Col xs={24} lg={9}>
          <AttendanceCard meeting={m} />
        </Col>
        <Col xs={24}>
          <Card
            size="small"
            title={t('branches.resolutions')}
            extra={canResolve ? <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setResolving({ agendaItemId: null })}>{t('branches.addResolution')}</Button> : null}
          >
            <ResolutionTable
              resolutions={m.resolutions}
              agendaTitles={agendaTitles}
              empty={canResolve ? t('branches.meetingResolutionsEmptyRunner') : t('branches.meetingResolutionsEmpty')}
            />
          </Card>
        </Col>
      </Row>
      {editing ? <RescheduleModal meeting={m} onClose={() => setEditing(false)} /> : null}
      {resolving ? <ResolutionModal meeting={m} agendaItemId={resolving.agendaItemId} onClose={() => setResolving(null)} /> : null}
    </>
  );
}
