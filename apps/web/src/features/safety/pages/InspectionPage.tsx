import { Skeleton } from 'antd';
import { useParams } from 'react-router';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { useInspection } from '../api';
import { InspectionResult } from '../components/InspectionResult';
import { InspectionRun } from '../components/InspectionRun';

/** /inspections/:id — the run on site while it is a draft the caller may edit, the result otherwise. */
export default function InspectionPage() {
  const { id } = useParams();
  const q = useInspection(id);
  if (q.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const i = q.data;
  return i.status === 'draft' && i.allowedActions.includes('edit') ? <InspectionRun key={i.id} inspection={i} /> : <InspectionResult inspection={i} />;
}
