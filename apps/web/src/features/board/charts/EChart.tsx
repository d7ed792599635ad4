import { useMemo } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GeoComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, FunnelChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, GeoComponent, AriaComponent, CanvasRenderer]);

const registered = new Set<string>();
/** Registers a GeoJSON outline once under a name (for the project map). */
export function registerOutline(name: string, geoJson: object): void {
  if (registered.has(name)) return;
  echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
  registered.add(name);
}

export interface ChartClick {
  /** the `drill` (or any value) the series item carries */
  data?: { drill?: string; id?: string } | unknown;
  name?: string;
  seriesIndex?: number;
  dataIndex?: number;
}

interface Props {
  option: object;
  height: number;
  label: string;
  onClick?: (p: ChartClick) => void;
}

/** One ECharts chart (tree-shaken core), resizing with its box; a click hands the item to `onClick`. */
export function EChart({ option, height, label, onClick }: Props) {
  const events = useMemo((): Record<string, (p: ChartClick) => void> => (onClick ? { click: (p: ChartClick) => onClick(p) } : {}), [onClick]);
  return (
    <div role="img" aria-label={label} style={{ width: '100%' }}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ aria: { enabled: true }, ...option }}
        notMerge
        lazyUpdate
        style={{ height, width: '100%' }}
        onEvents={events}
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
}
