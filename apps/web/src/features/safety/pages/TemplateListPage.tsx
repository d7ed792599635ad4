import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ForbiddenResult } from '../../../shared/ui/results';
import { ActiveTag } from '../../../shared/ui/tags';
import { SectionNav } from '../../approvals/components/SectionNav';
import { useCan } from '../../session/api';
import { useInspectionTemplates, type InspectionTemplate } from '../api';
import { safetySections } from '../components/safetySections';

/** The inspection checklists; the system admin keeps them. */
export default function TemplateListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canManage = useCan('inspection.template.manage');
  const canRead = useCan('inspection.read');
  const list = useInspectionTemplates();
  if (!canManage && !canRead) return <ForbiddenResult />;
  return (
    <>
      <PageHeader title={t('safety.templatesTitle')} sub={t('safety.templatesSub')}
        extra={canManage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/safety/templates/new')}>{t('safety.templateNew')}</Button> : undefined} />
      <SectionNav sections={safetySections(canRead, canManage)} />
      {list.isPending ? <Skeleton active /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : list.data.length === 0 ? (
        <Card><Empty description={canManage ? t('safety.templatesEmptyAdmin') : t('safety.templatesEmpty')} /></Card>
      ) : (
        <Flex vertical gap={12}>
          {list.data.map((x: InspectionTemplate) => (
            <Card key={x.id} size="small" title={<Flex gap={8} align="center" wrap><span>{x.name}</span><ActiveTag active={x.isActive} /></Flex>}
              extra={canManage ? <Button size="small" icon={<EditOutlined />} onClick={() => navigate(`/safety/templates/${x.id}`)}>{t('common.edit')}</Button> : null}>
              <Flex vertical gap={6}>
                {x.description ? <Typography.Text type="secondary">{x.description}</Typography.Text> : null}
                <Typography.Text>{t('safety.itemCount', { count: x.items.length })} · {t('safety.majorCount', { count: x.items.filter((i) => i.severity === 'major').length })}</Typography.Text>
                <Flex wrap gap={4}>{x.categories.map((c) => <Tag key={c}>{c}</Tag>)}</Flex>
              </Flex>
            </Card>
          ))}
        </Flex>
      )}
    </>
  );
}
