import { useCallback, useMemo } from 'react';
import { Card, Flex, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { projectLights } from '@liaison/contracts';
import { ErrorState } from '../../../shared/ui/ErrorState';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { LightDot } from '../../../shared/ui/tags';
import { useIsMobile } from '../../../shared/ui/useIsMobile';
import { useMeta } from '../../session/api';
import { useProjectsGeoJson } from '../api';
import { ProjectMap } from '../components/ProjectMap';

/** Where the projects are: the district outline shipped with the app, tiles when the installation has them. */
export default function ProjectMapPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const meta = useMeta();
  const points = useProjectsGeoJson();
  const outline = useQuery({
    queryKey: ['static', 'outline'],
    queryFn: () => fetch('/xiacheng-outline.geojson').then((r) => r.json() as Promise<GeoJSON.GeoJsonObject>),
    staleTime: Infinity,
  });
  const features = useMemo(() => points.data?.features ?? [], [points.data]);
  const labels = useMemo(
    () => ({ open: t('map.openProject'), light: Object.fromEntries(projectLights.map((l) => [l, t(`light.${l}`)])) }),
    [t],
  );
  const open = useCallback((id: string) => navigate(`/projects/${id}`), [navigate]);

  if (points.isError) return <ErrorState error={points.error} onRetry={() => void points.refetch()} />;
  const counts = projectLights.map((l) => [l, features.filter((f) => f.properties.light === l).length] as const);
  return (
    <>
      <PageHeader title={t('map.title')} sub={points.data ? t('map.count', { count: features.length }) : undefined} />
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <div style={{ height: isMobile ? 'calc(100vh - 230px)' : 'calc(100vh - 260px)', minHeight: 320 }}>
          {points.isPending || meta.isPending ? (
            <Skeleton active style={{ padding: 16 }} />
          ) : (
            <ProjectMap tileUrl={meta.data?.mapTileUrl} outline={outline.data} features={features} labels={labels} onOpen={open} />
          )}
        </div>
        <Flex wrap gap={16} style={{ padding: '8px 12px' }}>
          <Space size={16} wrap aria-label={t('map.legend')}>
            {counts.map(([l, n]) => (
              <span key={l}>
                <LightDot light={l} />
                {t(`light.${l}`)} {n}
              </span>
            ))}
          </Space>
          {!meta.data?.mapTileUrl ? <Typography.Text type="secondary">{t('map.noTiles')}</Typography.Text> : null}
        </Flex>
      </Card>
    </>
  );
}
