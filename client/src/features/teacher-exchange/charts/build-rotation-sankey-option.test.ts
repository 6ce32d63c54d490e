import { describe, expect, it } from 'vitest';
import { CHART_COLORS } from '../../../lib/chart-theme.ts';
import { LOCALE_COLORS } from '../../../lib/locale-chart.ts';
import { seriesAt, tooltipOf } from '../../../test-utils/chart-option.ts';
import {
  buildFlowGraph,
  buildRotationSankeyOption,
  flowNodeColor,
  flowNodeFilter,
  formatSankeyTooltip,
  hasCycle,
  type SankeyFlow,
} from './build-rotation-sankey-option.ts';

const flow = (
  level: SankeyFlow['level'],
  from: string,
  to: string,
  count: number,
  backbone = 0,
  names: [string, string] = [from, to],
): SankeyFlow => ({ level, from, fromName: names[0], to, toName: names[1], count, backbone });

const dag: SankeyFlow[] = [
  flow('township', '330999001', '330999202', 9, 4, ['城东街道', '龙泉乡']),
  flow('township', '330999001', '330999104', 8, 4, ['城东街道', '桃源镇']),
  flow('township', '330999104', '330999202', 2, 1, ['桃源镇', '龙泉乡']),
  flow('township', '330999003', '330999003', 2, 0, ['城南街道', '城南街道']),
  flow('locale', 'urban', 'rural', 72, 21, ['城区', '乡村']),
  flow('school', '2133990101', '2133990138', 1),
];

describe(hasCycle.name, () => {
  it('should find a cycle and accept a DAG', () => {
    expect(
      hasCycle([
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
      ]),
    ).toBe(false);
    expect(
      hasCycle([
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
      ]),
    ).toBe(true);
    expect(
      hasCycle([
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
        { source: 'c', target: 'a' },
      ]),
    ).toBe(true);
    expect(hasCycle([])).toBe(false);
  });
});

describe(buildFlowGraph.name, () => {
  it('should keep one level, set self-loops aside and keep a DAG as it is', () => {
    const graph = buildFlowGraph(dag, 'township', 'zh');
    expect(graph.split).toBe(false);
    expect(graph.selfLoops).toEqual({ flows: 1, teachers: 2, backbone: 0 });
    expect(graph.nodes.map((node) => [node.id, node.label, node.role])).toEqual([
      ['330999001', '城东街道', 'from'],
      ['330999104', '桃源镇', 'both'],
      ['330999202', '龙泉乡', 'to'],
    ]);
    expect(graph.links).toHaveLength(3);
    expect(graph.nodes[1]).toEqual(expect.objectContaining({ sent: 2, received: 8 }));
  });

  it('should draw senders and receivers apart when the flows have a cycle', () => {
    const cyclic = [
      ...dag,
      flow('township', '330999202', '330999001', 1, 0, ['龙泉乡', '城东街道']),
      flow('township', '330999001', '330999202', 2, 1, ['城东街道', '龙泉乡']),
    ];
    const graph = buildFlowGraph(cyclic, 'township', 'zh');
    expect(graph.split).toBe(true);
    expect(graph.nodes.filter((node) => node.role === 'from').map((node) => node.label)).toEqual([
      '派出：城东街道',
      '派出：桃源镇',
      '派出：龙泉乡',
    ]);
    expect(graph.nodes.filter((node) => node.role === 'to').map((node) => node.id)).toEqual([
      'in:330999001',
      'in:330999104',
      'in:330999202',
    ]);
    // The duplicate pair is summed into one link.
    expect(graph.links.find((link) => link.source === 'out:330999001' && link.target === 'in:330999202')).toEqual({
      source: 'out:330999001',
      target: 'in:330999202',
      value: 11,
      backbone: 5,
    });
    expect(hasCycle(graph.links)).toBe(false);
  });

  it('should order locale nodes 城区, 镇区, 乡村 and name them in the current language', () => {
    const flows = [
      flow('locale', 'town', 'rural', 17),
      flow('locale', 'urban', 'town', 54),
      flow('locale', 'urban', 'urban', 9),
    ];
    const graph = buildFlowGraph(flows, 'locale', 'en');
    expect(graph.nodes.map((node) => node.label)).toEqual(['Urban', 'Town', 'Rural']);
    expect(graph.selfLoops.teachers).toBe(9);
  });

  it('should give an empty graph for no flows of the level', () => {
    expect(buildFlowGraph([flow('school', 'a', 'b', 1)], 'locale', 'zh')).toEqual({
      nodes: [],
      links: [],
      split: false,
      selfLoops: { flows: 0, teachers: 0, backbone: 0 },
    });
  });
});

describe(flowNodeColor.name, () => {
  it('should colour townships by their code (街道, 镇, 乡) and classes by their own colour', () => {
    expect(flowNodeColor('330999001', 'township')).toBe(LOCALE_COLORS.urban);
    expect(flowNodeColor('330999104', 'township')).toBe(LOCALE_COLORS.town);
    expect(flowNodeColor('330999202', 'township')).toBe(LOCALE_COLORS.rural);
    expect(flowNodeColor('outside', 'township')).toBe(CHART_COLORS.noData);
    expect(flowNodeColor('rural', 'locale')).toBe(LOCALE_COLORS.rural);
  });
});

describe(buildRotationSankeyOption.name, () => {
  it('should give ECharts the graph’s nodes and links, with labels by id', () => {
    const option = buildRotationSankeyOption(dag, { lang: 'zh', level: 'township' });
    const series = seriesAt(option);
    expect(series.type).toBe('sankey');
    expect((series.data as { name: string }[]).map((node) => node.name)).toEqual([
      '330999001',
      '330999104',
      '330999202',
    ]);
    expect(series.links).toEqual([
      { source: '330999001', target: '330999202', value: 9 },
      { source: '330999001', target: '330999104', value: 8 },
      { source: '330999104', target: '330999202', value: 2 },
    ]);
    const label = series.label as { formatter: (params: { name: string }) => string };
    // 桃源镇 receives 8 from 城东街道 and sends 2 to 龙泉乡; 城东街道 sends 9 + 8; 龙泉乡 receives 9 + 2.
    expect(label.formatter({ name: '330999104' })).toBe('桃源镇（派出 2 · 接收 8）');
    expect(label.formatter({ name: '330999001' })).toBe('城东街道（派出 17）');
    expect(label.formatter({ name: '330999202' })).toBe('龙泉乡（接收 11）');
  });

  it('should write the teachers on every flow when there are few, and on the larger ones when there are many', () => {
    const few = seriesAt(buildRotationSankeyOption(dag, { lang: 'en', level: 'township' }));
    const edgeLabel = few.edgeLabel as { show: boolean; formatter: (params: { value: number }) => string };
    expect(edgeLabel.show).toBe(true);
    expect(edgeLabel.formatter({ value: 2 })).toBe('2');
    expect((few.label as { formatter: (p: { name: string }) => string }).formatter({ name: '330999202' })).toBe(
      '龙泉乡 (11 in)',
    );
    // 20 flows of 1 … 20 teachers (210 in all): labels from ceil(2% of 210) = 5 teachers up.
    const many = Array.from({ length: 20 }, (_, i) =>
      flow('township', `3309991${String(i).padStart(2, '0')}`, '330999202', i + 1),
    );
    const manyLabel = seriesAt(buildRotationSankeyOption(many, { lang: 'zh', level: 'township' })).edgeLabel as {
      formatter: (params: { value: number }) => string;
    };
    expect(manyLabel.formatter({ value: 4 })).toBe('');
    expect(manyLabel.formatter({ value: 5 })).toBe('5');
  });

  it('should pin senders left and receivers right when split', () => {
    const cyclic = [flow('locale', 'urban', 'town', 5), flow('locale', 'town', 'urban', 1)];
    const series = seriesAt(buildRotationSankeyOption(cyclic, { lang: 'zh', level: 'locale' }));
    const label = series.label as { formatter: (params: { name: string }) => string };
    expect(label.formatter({ name: 'in:town' })).toBe('接收：镇区（5）');
    expect((series.data as { name: string; depth: number }[]).map((node) => [node.name, node.depth])).toEqual([
      ['out:urban', 0],
      ['out:town', 0],
      ['in:urban', 1],
      ['in:town', 1],
    ]);
  });

  it('should format link and node tooltips', () => {
    const option = buildRotationSankeyOption(dag, { lang: 'zh', level: 'township' });
    const formatter = tooltipOf(option).formatter as (params: unknown) => string;
    const edge = formatter({ dataType: 'edge', data: { source: '330999001', target: '330999202' } });
    expect(edge).toContain('城东街道 → 龙泉乡');
    expect(edge).toContain('交流教师：<b>9</b>');
    expect(edge).toContain('其中骨干教师：<b>4</b>');
    const node = formatter({ dataType: 'node', name: '330999104' });
    expect(node).toContain('派出教师：<b>2</b>');
    expect(node).toContain('接收教师：<b>8</b>');
    const graph = buildFlowGraph(dag, 'township', 'zh');
    expect(formatSankeyTooltip({ dataType: 'node', name: 'nope' }, graph, 'zh')).toBe('');
  });
});

describe(flowNodeFilter.name, () => {
  const none = { township: [], locale: [] };

  it('should filter to the township of a clicked node, split or not, and clear on the second click', () => {
    const graph = buildFlowGraph(dag, 'township', 'zh');
    expect(flowNodeFilter(graph, 'township', { dataType: 'node', name: '330999104' }, none)).toEqual({
      township: ['330999104'],
    });
    expect(
      flowNodeFilter(
        graph,
        'township',
        { dataType: 'node', name: '330999104' },
        { township: ['330999104'], locale: [] },
      ),
    ).toEqual({ township: [] });
    const split = buildFlowGraph(
      [flow('township', '330999001', '330999002', 1), flow('township', '330999002', '330999001', 1)],
      'township',
      'zh',
    );
    expect(flowNodeFilter(split, 'township', { dataType: 'node', name: 'in:330999002' }, none)).toEqual({
      township: ['330999002'],
    });
  });

  it('should filter to the class at locale level and ignore edges and places outside the county', () => {
    const graph = buildFlowGraph(
      [flow('locale', 'urban', 'rural', 3), flow('locale', 'outside', 'rural', 1)],
      'locale',
      'zh',
    );
    expect(flowNodeFilter(graph, 'locale', { dataType: 'node', name: 'rural' }, none)).toEqual({ locale: ['rural'] });
    expect(flowNodeFilter(graph, 'locale', { dataType: 'node', name: 'outside' }, none)).toBeNull();
    expect(flowNodeFilter(graph, 'locale', { dataType: 'edge', name: 'rural' }, none)).toBeNull();
  });

  it("should name the schools outside the user's area without naming them, below the county's places", () => {
    const flows = [
      flow('township', 'outside_area', '330999101', 2, 1, ['区域外', '青石镇']),
      flow('township', '330999101', 'outside', 1, 0, ['青石镇', '县外学校']),
      flow('township', '330999101', '330999102', 3, 1, ['青石镇', '白沙镇']),
    ];
    const zh = buildFlowGraph(flows, 'township', 'zh');
    expect(zh.nodes.map((node) => [node.key, node.label])).toEqual([
      ['330999101', '青石镇'],
      ['330999102', '白沙镇'],
      ['outside_area', '区域外'],
      ['outside', '县外学校'],
    ]);
    expect(zh.nodes.find((node) => node.key === 'outside_area')?.color).toBe(CHART_COLORS.noData);
    expect(flowNodeFilter(zh, 'township', { dataType: 'node', name: 'outside_area' }, none)).toBeNull();
    const en = buildFlowGraph(flows, 'township', 'en');
    expect(en.nodes.find((node) => node.key === 'outside_area')?.label).toBe('Outside your area');
  });
});
