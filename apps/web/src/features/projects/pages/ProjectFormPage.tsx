import { Form, Skeleton } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { ForbiddenResult } from '../../../shared/ui/results';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useCreateProject, useProjectDetail, useUpdateProject, type ProjectDetail } from '../api';
import { ProjectForm, type ProjectFormValues } from '../components/ProjectForm';

const yuan = (wan: number) => Math.round(wan * 10000 * 100) / 100;
const orNull = (v?: string | null) => (v && v.trim() ? v.trim() : null);

function bodyOf(v: ProjectFormValues) {
  return {
    name: v.name.trim(), category: v.category.trim(), address: v.address.trim(), streetId: v.streetId ?? null, communityId: v.communityId ?? null,
    lat: v.lat ?? null, lng: v.lng ?? null, ownerUnitId: v.ownerUnitId ?? null, contractorUnitId: v.contractorUnitId ?? null,
    supervisorUnitId: v.supervisorUnitId ?? null, totalInvestment: yuan(v.totalWan), annualPlannedInvestment: yuan(v.annualWan),
    plannedStart: orNull(v.plannedStart), plannedFinish: orNull(v.plannedFinish), phase: v.phase, light: v.light,
    description: v.description?.trim() ?? '', constructionHours: orNull(v.constructionHours), impactNotice: orNull(v.impactNotice),
  };
}

export default function ProjectFormPage() {
  const { id } = useParams();
  const project = useProjectDetail(id);
  if (!id) return <Editor />;
  if (project.isPending) return <Skeleton active />;
  if (project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  if (!project.data.allowedActions.includes('edit')) return <ForbiddenResult />;
  return <Editor project={project.data} />;
}

function Editor({ project }: { project?: ProjectDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProjectFormValues>();
  const create = useCreateProject();
  const update = useUpdateProject(project?.id ?? '');
  const fresh = useProjectDetail(project?.id);
  const feedback = useFeedback();
  const fallbackField = { DUPLICATE: 'code' };

  const submit = (v: ProjectFormValues) => {
    if (project) {
      update.mutate({ ...bodyOf(v), version: project.version }, {
        onSuccess: () => { feedback.success('common.saved'); navigate(`/projects/${project.id}`); },
        onError: (e) => feedback.error(e, { form, fallbackField, onStale: () => void fresh.refetch() }),
      });
    } else {
      create.mutate({ code: v.code.trim(), ...bodyOf(v) }, {
        onSuccess: (p) => { feedback.success('projects.createdOk'); navigate(`/projects/${p.id}`); },
        onError: (e) => feedback.error(e, { form, fallbackField }),
      });
    }
  };

  return (
    <>
      <PageHeader title={project ? t('projects.editTitle', { name: project.name }) : t('projects.create')} />
      <div style={{ maxWidth: 960 }}>
        <ProjectForm
          key={project?.version}
          form={form}
          project={project}
          submitting={create.isPending || update.isPending}
          onSubmit={submit}
          onCancel={() => navigate(project ? `/projects/${project.id}` : '/projects')}
        />
      </div>
    </>
  );
}
