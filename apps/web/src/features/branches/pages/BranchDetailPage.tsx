import { useState } from 'react';
import { Button, Descriptions, Flex, Form, Input, Modal, Skeleton, Tabs, Typography } from 'antd';
import { CalendarOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { formatDate } from '../../../shared/format';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useBranch, useCloseBranch, useMeetings, type Branch } from '../api';
import { onTimeShare, resolutionsOf, todayShanghai } from '../bodies';
import { BranchFiguresCard } from '../components/BranchFiguresCard';
import { MeetingList } from '../components/MeetingList';
import { MemberGroups } from '../components/MemberGroups';
import { ResolutionTable } from '../components/ResolutionTable';
import { BranchStatusTag } from '../components/tags';

function CloseBranchModal({ branch, onClose }: { branch: Branch; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ closedOn: string }>();
  const close = useCloseBranch(branch.id);
  const feedback = useFeedback();
  return (
    <Modal
      open
      title={t('branches.closeTitle', { name: branch.name })}
      okText={t('branches.closeOk')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={close.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('branches.closeHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="close-branch"
        initialValues={{ closedOn: todayShanghai() }}
        onFinish={(v) =>
          close.mutate(
            { version: branch.version, closedOn: v.closedOn },
            {
              onSuccess: () => {
                feedback.success('branches.closed');
                onClose();
              },
              onError: (e) => feedback.error(e, { form }),
            },
          )
        }
      >
        <Form.Item name="closedOn" label={t('branches.closedOn')} rules={[{ required: true, message: t('validation.date') }]}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function BranchResolutions({ branchId }: { branchId: string }) {
  const { t } = useTranslation();
  const meetings = useMeetings({ page: 1, pageSize: 200, branchId });
  if (meetings.isError) return <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />;
  return <ResolutionTable loading={meetings.isPending} resolutions={resolutionsOf(meetings.data?.items ?? [])} empty={t('branches.resolutionsEmpty')} />;
}

/** One temporary branch: members by side, meetings, resolutions and their figures. */
export default function BranchDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const [closing, setClosing] = useState(false);
  const branch = useBranch(id);
  if (branch.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (branch.isError) return <ErrorState error={branch.error} onRetry={() => void branch.refetch()} />;
  const b = branch.data;
  const canSchedule = b.allowedActions.includes('schedule-meeting');
  const scheduleHref = `/branches/${b.id}/meetings/new`;
  const share = onTimeShare(b.resolutions);
  const tab = search.get('tab') ?? 'members';

  return (
    <>
      <PageHeader
        title={b.name}
        sub={<Flex wrap gap={8} align="center"><BranchStatusTag status={b.status} /><Link to={`/projects/${b.project.id}`}>{b.project.name}</Link></Flex>}
        extra={
          <>
            {canSchedule ? (
              <Button type="primary" icon={<CalendarOutlined />} onClick={() => navigate(scheduleHref)}>
                {t('branches.schedule')}
              </Button>
            ) : null}
            {b.allowedActions.includes('close') ? (
              <Button danger icon={<StopOutlined />} onClick={() => setClosing(true)}>
                {t('branches.close')}
              </Button>
            ) : null}
          </>
        }
      />
      <Descriptions size="small" column={isMobile ? 1 : 3} bordered style={{ marginBottom: 16 }}
        items={[
          { key: 'founded', label: t('branches.foundedOn'), children: formatDate(b.foundedOn) },
          { key: 'doc', label: t('branches.approvalDocNo'), children: b.approvalDocNo },
          { key: 'closed', label: t('branches.closedOn'), children: formatDate(b.closedOn) },
          { key: 'secretary', label: t('branches.roles.secretary'), children: b.secretary ?? '—' },
          { key: 'deputy', label: t('branches.roles.deputy'), children: b.deputy ?? '—' },
          { key: 'members', label: t('branches.members'), children: b.memberCount },
          {
            key: 'resolutions', label: t('branches.resolutions'), span: isMobile ? 1 : 3,
            children: b.resolutions.total
              ? <span>{t('branches.resolutionsDone', { done: b.resolutions.done, total: b.resolutions.total })} · {t('branches.onTimeShare', { share: share ?? 0 })}{b.resolutions.overdue ? <Typography.Text type="danger"> · {t('branches.overdueCount', { count: b.resolutions.overdue })}</Typography.Text> : null}</span>
              : t('branches.noResolutions'),
          },
        ]}
      />
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => setSearch(key === 'members' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'members', label: t('branches.tabMembers'), children: <MemberGroups branch={b} /> },
          { key: 'meetings', label: t('branches.tabMeetings'), children: <MeetingList branchId={b.id} scheduleHref={canSchedule ? scheduleHref : undefined} /> },
          { key: 'resolutions', label: t('branches.tabResolutions'), children: <BranchResolutions branchId={b.id} /> },
          { key: 'figures', label: t('branches.tabFigures'), children: <BranchFiguresCard branchId={b.id} /> },
        ]}
      />
      {closing ? <CloseBranchModal branch={b} onClose={() => setClosing(false)} /> : null}
    </>
  );
}
