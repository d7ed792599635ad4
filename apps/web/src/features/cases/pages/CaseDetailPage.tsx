import { Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useCase } from '../api';
import { CaseActions } from '../components/CaseActions';
import { CaseAttachments } from '../components/CaseAttachments';
import { CaseSummary } from '../components/CaseSummary';
import { CaseLightTag, CaseStatusTag } from '../components/CaseTags';
import { CaseTimeline } from '../components/CaseTimeline';
import { AppealPanel } from '../../appeals/components/AppealPanel';

export default function CaseDetailPage() {
  const { id } = useParams();
  const c = useCase(id);
  if (c.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (c.isError) return <ErrorState error={c.error} onRetry={() => void c.refetch()} />;
  const d = c.data;
  return (
    <Flex vertical gap={12}>
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">{d.number}</Typography.Text>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>{d.title}</Typography.Title>
          <CaseStatusTag status={d.status} />
          <CaseLightTag light={d.light} />
        </Flex>
      </Flex>
      <CaseActions c={d} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={12}>
            <CaseSummary c={d} />
            {d.sourceRef?.type === 'appeal' ? <AppealPanel appealId={d.sourceRef.id} /> : null}
            <CaseAttachments c={d} />
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <CaseTimeline caseId={d.id} />
        </Col>
      </Row>
    </Flex>
  );
}
