import { App, Button, Dropdown, Flex, Space, Typography } from 'antd';
import { EditOutlined, EllipsisOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { LightTag, PhaseTag } from '../../../shared/ui/tags';
import { useArchiveProject, useProjectDetail, type ProjectDetail } from '../api';
import { ProjectFigures } from './ProjectFigures';
import { StopWorkBadge } from '../../safety/components/StopWork';
import { ProjectPublicLinks } from '../../appeals/components/ProjectPublicLinks';

/** Name, light, commissioner (tap to call), the registry actions the caller has, and the key figures. */
export function ProjectHeader({ project: p }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const archive = useArchiveProject(p.id);
  const fresh = useProjectDetail(p.id);
  const can = (a: string) => p.allowedActions.includes(a);

  const toggleArchive = () => {
    const archived = !p.archivedAt;
    modal.confirm({
      title: archived ? t('projects.archiveConfirm', { name: p.name }) : t('projects.restoreConfirm', { name: p.name }),
      content: archived ? t('projects.archiveHint') : undefined,
      okText: archived ? t('projects.archive') : t('projects.restore'),
      okButtonProps: { danger: archived },
      cancelText: t('common.cancel'),
      onOk: () =>
        archive.mutateAsync({ archived, version: p.version }).then(
          () => feedback.success(archived ? 'projects.archivedOk' : 'projects.restoredOk'),
          (e: unknown) => void feedback.error(e, { onStale: () => void fresh.refetch() }),
        ),
    });
  };

  return (
    <Flex vertical gap={12} style={{ marginBottom: 8 }}>
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <Flex vertical gap={4} style={{ minWidth: 0 }}>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {p.name}
            </Typography.Title>
            <LightTag light={p.light} />
            <PhaseTag phase={p.phase} />
            <StopWorkBadge projectId={p.id} />
            {p.archivedAt ? <Typography.Text type="warning">{t('projects.archived')}</Typography.Text> : null}
          </Flex>
          <Space wrap size={[16, 4]}>
            <Typography.Text type="secondary">{p.code}</Typography.Text>
            <span>
              <UserOutlined /> {t('projects.commissioner')}:{' '}
              {p.commissioner ? <Typography.Text strong>{p.commissioner.displayName}</Typography.Text> : t('projects.noCommissioner')}
            </span>
            {p.commissioner?.phone ? (
              <a href={`tel:${p.commissioner.phone}`} aria-label={t('projects.call', { name: p.commissioner.displayName })}>
                <PhoneOutlined /> {p.commissioner.phone}
              </a>
            ) : null}
            <ProjectPublicLinks project={p} />
          </Space>
        </Flex>
        {can('edit') || can('archive') ? (
          <Space>
            {can('edit') ? (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/projects/${p.id}/edit`)}>
                {t('projects.edit')}
              </Button>
            ) : null}
            {can('archive') ? (
              <Dropdown
                trigger={['click']}
                menu={{
                  items: [{ key: 'archive', danger: !p.archivedAt, label: p.archivedAt ? t('projects.restore') : t('projects.archive') }],
                  onClick: toggleArchive,
                }}
              >
                <Button icon={<EllipsisOutlined />} aria-label={t('common.more')} />
              </Dropdown>
            ) : null}
          </Space>
        ) : null}
      </Flex>
      <ProjectFigures project={p} />
    </Flex>
  );
}
