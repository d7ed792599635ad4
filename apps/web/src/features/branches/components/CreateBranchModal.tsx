import { useEffect } from 'react';
import { Form, Input, Modal } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../shared/api/useFeedback';
import { useProject } from '../../projects/api';
import { ProjectSelect } from '../../projects/components/ProjectSelect';
import { useCreateBranch } from '../api';
import { todayShanghai } from '../bodies';

interface Values {
  projectId?: string;
  name: string;
  foundedOn: string;
  approvalDocNo: string;
}

/** The organisation department sets up a project's temporary branch. */
export function CreateBranchModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateBranch();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const projectId = Form.useWatch('projectId', form);
  const project = useProject(projectId);
  const projectName = project.data?.id === projectId ? project.data?.name : undefined;
  // Suggest the usual name once a project is chosen (unless one was typed).
  useEffect(() => {
    if (projectName && !form.getFieldValue('name')) form.setFieldValue('name', t('branches.nameSuggestion', { project: projectName }));
  }, [projectName, form, t]);
  const text = (min: number, max: number) => [
    { required: true, whitespace: true, message: t('validation.required') },
    { min, message: t('validation.min', { n: min }) },
    { max, message: t('validation.max', { n: max }) },
  ];
  return (
    <Modal
      open
      title={t('branches.create')}
      okText={t('branches.createOk')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="branch"
        initialValues={{ foundedOn: todayShanghai(), name: '', approvalDocNo: '' }}
        onFinish={(v) =>
          create.mutate(
            { projectId: v.projectId!, name: v.name.trim(), foundedOn: v.foundedOn, approvalDocNo: v.approvalDocNo.trim() },
            {
              onSuccess: (b) => {
                feedback.success('branches.created');
                onClose();
                navigate(`/branches/${b.id}`);
              },
              onError: (e) => feedback.error(e, { form, fallbackField: { CONFLICT: 'projectId' }, messages: { CONFLICT: 'branches.alreadyHasBranch' } }),
            },
          )
        }
      >
        <Form.Item name="projectId" label={t('branches.project')} rules={[{ required: true, message: t('branches.pickProject') }]}>
          <ProjectSelect />
        </Form.Item>
        <Form.Item name="name" label={t('branches.name')} rules={text(2, 100)}>
          <Input placeholder={t('branches.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="foundedOn" label={t('branches.foundedOn')} rules={[{ required: true, message: t('validation.date') }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="approvalDocNo" label={t('branches.approvalDocNo')} rules={text(2, 60)} extra={t('branches.approvalDocNoHint')}>
          <Input placeholder="下组〔2026〕34号" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
