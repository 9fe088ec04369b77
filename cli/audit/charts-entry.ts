// The chart library the HTML report inlines: ECharts trimmed to bar charts, a grid, tooltips, legends and a mark line (the pass line), drawn as SVG.
// Built by scripts/build-cli.mjs into dist/audit-charts.js (a browser script that sets globalThis.echarts).
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);
(globalThis as { echarts?: typeof echarts }).echarts = echarts;
