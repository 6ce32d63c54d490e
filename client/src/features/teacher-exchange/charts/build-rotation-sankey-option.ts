import { LOCALES, type Locale, OUTSIDE_AREA_CODE, OUTSIDE_AREA_LABELS, type RotationFlow } from '@junheng/shared';
import type { ChartOption } from '../../../components/echart-option.ts';
import { type Lang, translate } from '../../../i18n/translate.ts';
import { CHART_COLORS, CHART_FONT, TOOLTIP_BASE, tooltipRow, tooltipTitle } from '../../../lib/chart-theme.ts';
import { formatInteger } from '../../../lib/format.ts';
import { LOCALE_COLORS, localeLabel } from '../../../lib/locale-chart.ts';

/** The two levels the Sankey can show: township → township, and 城区 → 镇区 → 乡村. */
export const FLOW_LEVELS = ['township', 'locale'] as const;
export type FlowLevel = (typeof FLOW_LEVELS)[number];

export type SankeyFlow = Pick<RotationFlow, 'level' | 'from' | 'fromName' | 'to' | 'toName' | 'count' | 'backbone'>;

export type FlowNodeRole = 'both' | 'from' | 'to';

export interface FlowNode {
  /** Unique Sankey name: the code, or `out:code` / `in:code` when senders and receivers are drawn apart. */
  id: string;
  /**
   * Township code or locale class; 'outside' for schools outside the county, OUTSIDE_AREA_CODE for schools outside
   * the signed-in user's townships (counted, never named).
   */
  key: string;
  label: string;
  role: FlowNodeRole;
  /** Teachers sent and received along the links drawn. */
  sent: number;
  received: number;
  color: string;
}

export interface FlowLink {
  source: string;
  target: string;
  value: number;
  backbone: number;
}

export interface FlowGraph {
  nodes: FlowNode[];
  links: FlowLink[];
  /**
   * True when the flows contain a cycle (A → B and B → A): a Sankey needs a DAG, so senders ("派出：A") and receivers
   * ("接收：A") become separate nodes in two columns.
   */
  split: boolean;
  /** Moves inside one township or class: not drawable as a link, reported beside the chart. */
  selfLoops: { flows: number; teachers: number; backbone: number };
}

/**
 * Whether the directed graph has a cycle (Kahn's algorithm: a DAG can be emptied by repeatedly removing nodes
 * without incoming edges).
 */
export function hasCycle(edges: readonly { source: string; target: string }[]): boolean {
  const indegree = new Map<string, number>();
  const next = new Map<string, string[]>();
  for (const { source, target } of edges) {
    indegree.set(source, indegree.get(source) ?? 0);
    indegree.set(target, (indegree.get(target) ?? 0) + 1);
    next.set(source, [...(next.get(source) ?? []), target]);
  }
  const queue = [...indegree].filter(([, degree]) => degree === 0).map(([node]) => node);
  let removed = 0;
  while (queue.length) {
    const node = queue.shift() as string;
    removed += 1;
    for (const target of next.get(node) ?? []) {
      const degree = (indegree.get(target) ?? 0) - 1;
      indegree.set(target, degree);
      if (degree === 0) queue.push(target);
    }
  }
  return removed < indegree.size;
}

/**
 * Node colour by kind of place: a locale class its own colour; a township by its 统计用区划代码 (METHOD.md §6: 001–099
 * 街道 → urban colour, 100–199 镇 → town colour, 200–399 乡 → rural colour); elsewhere grey.
 */
export function flowNodeColor(key: string, level: FlowLevel): string {
  if (level === 'locale')
    return (LOCALES as readonly string[]).includes(key) ? LOCALE_COLORS[key as Locale] : CHART_COLORS.noData;
  if (!/^\d{9}$/.test(key)) return CHART_COLORS.noData;
  const suffix = Number(key.slice(6));
  if (suffix >= 1 && suffix <= 99) return LOCALE_COLORS.urban;
  if (suffix >= 100 && suffix <= 199) return LOCALE_COLORS.town;
  if (suffix >= 200 && suffix <= 399) return LOCALE_COLORS.rural;
  return CHART_COLORS.noData;
}

/** Places that are not a township or class of the view: drawn last, grey, and not clickable. */
function isElsewhere(key: string): boolean {
  return key === 'outside' || key === OUTSIDE_AREA_CODE;
}

function sortKey(key: string, level: FlowLevel): string {
  if (key === OUTSIDE_AREA_CODE) return 'zzy';
  if (key === 'outside') return 'zzz';
  if (level === 'locale') return String(LOCALES.indexOf(key as Locale)).padStart(3, '0');
  return key;
}

/**
 * The flows of one level as a drawable Sankey graph: duplicate pairs summed, moves inside one place set aside, and —
 * when what is left has a cycle — senders and receivers drawn as separate nodes. Nodes are ordered by class
 * (城区, 镇区, 乡村) or township code, so the same place sits at the same height on both sides.
 */
export function buildFlowGraph(flows: readonly SankeyFlow[], level: FlowLevel, lang: Lang): FlowGraph {
  const names = new Map<string, string>();
  const pairs = new Map<string, FlowLink>();
  const selfLoops = { flows: 0, teachers: 0, backbone: 0 };
  const nameOf = (key: string, given: string) => {
    if (key === 'outside') return translate(lang, 'chart.rot.outside');
    if (key === OUTSIDE_AREA_CODE) return OUTSIDE_AREA_LABELS[lang];
    if (level === 'locale' && (LOCALES as readonly string[]).includes(key)) return localeLabel(key as Locale, lang);
    return given || key;
  };
  for (const flow of flows) {
    if (flow.level !== level || flow.count <= 0) continue;
    if (flow.from === flow.to) {
      selfLoops.flows += 1;
      selfLoops.teachers += flow.count;
      selfLoops.backbone += flow.backbone;
      continue;
    }
    names.set(flow.from, nameOf(flow.from, flow.fromName));
    names.set(flow.to, nameOf(flow.to, flow.toName));
    const id = `${flow.from}\u0000${flow.to}`;
    const existing = pairs.get(id);
    if (existing) {
      existing.value += flow.count;
      existing.backbone += flow.backbone;
    } else pairs.set(id, { source: flow.from, target: flow.to, value: flow.count, backbone: flow.backbone });
  }

  const plain = [...pairs.values()];
  const split = hasCycle(plain);
  const order = (a: string, b: string) => sortKey(a, level).localeCompare(sortKey(b, level));
  const keys = [...names.keys()].sort(order);
  const sent = new Map<string, number>();
  const received = new Map<string, number>();
  for (const link of plain) {
    sent.set(link.source, (sent.get(link.source) ?? 0) + link.value);
    received.set(link.target, (received.get(link.target) ?? 0) + link.value);
  }

  const node = (key: string, id: string, role: FlowNodeRole, label: string): FlowNode => ({
    id,
    key,
    label,
    role,
    sent: role === 'to' ? 0 : (sent.get(key) ?? 0),
    received: role === 'from' ? 0 : (received.get(key) ?? 0),
    color: flowNodeColor(key, level),
  });

  if (!split) {
    const nodes = keys.map((key) => {
      const role: FlowNodeRole = !received.has(key) ? 'from' : !sent.has(key) ? 'to' : 'both';
      return node(key, key, role, names.get(key) ?? key);
    });
    return { nodes, links: plain, split, selfLoops };
  }

  const nodes = [
    ...keys
      .filter((key) => sent.has(key))
      .map((key) =>
        node(key, `out:${key}`, 'from', translate(lang, 'chart.rot.sender', { name: names.get(key) ?? key })),
      ),
    ...keys
      .filter((key) => received.has(key))
      .map((key) =>
        node(key, `in:${key}`, 'to', translate(lang, 'chart.rot.receiver', { name: names.get(key) ?? key })),
      ),
  ];
  const links = plain.map((link) => ({ ...link, source: `out:${link.source}`, target: `in:${link.target}` }));
  return { nodes, links, split, selfLoops };
}

interface SankeyParams {
  dataType?: string;
  name?: string;
  data?: { source?: string; target?: string };
}

/**
 * The filter a click on a Sankey node asks for: its township (township level) or its class (locale level), or back
 * to the whole county when the view is already filtered to exactly that place. null for edges, unknown nodes and
 * schools outside the county or the user's area.
 */
export function flowNodeFilter(
  graph: FlowGraph,
  level: FlowLevel,
  clicked: { dataType?: string; name?: string },
  current: { township: readonly string[]; locale: readonly string[] },
): { township: string[] } | { locale: Locale[] } | null {
  if (clicked.dataType !== 'node') return null;
  const node = graph.nodes.find((item) => item.id === clicked.name);
  if (!node || isElsewhere(node.key)) return null;
  if (level === 'township') {
    if (!/^\d{9}$/.test(node.key)) return null;
    return { township: current.township.length === 1 && current.township[0] === node.key ? [] : [node.key] };
  }
  if (!(LOCALES as readonly string[]).includes(node.key)) return null;
  const locale = node.key as Locale;
  return { locale: current.locale.length === 1 && current.locale[0] === locale ? [] : [locale] };
}

export function formatSankeyTooltip(params: unknown, graph: FlowGraph, lang: Lang): string {
  const item = (params ?? {}) as SankeyParams;
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  if (item.dataType === 'edge') {
    const link = graph.links.find((l) => l.source === item.data?.source && l.target === item.data?.target);
    if (!link) return '';
    const from = byId.get(link.source);
    const to = byId.get(link.target);
    return [
      tooltipTitle(`${from?.label ?? link.source} → ${to?.label ?? link.target}`),
      tooltipRow(translate(lang, 'chart.rot.teachers'), formatInteger(link.value), from?.color),
      tooltipRow(translate(lang, 'chart.rot.backboneOf'), formatInteger(link.backbone)),
    ].join('');
  }
  const node = item.name ? byId.get(item.name) : undefined;
  if (!node) return '';
  const lines = [tooltipTitle(node.label)];
  if (node.role !== 'to')
    lines.push(tooltipRow(translate(lang, 'chart.rot.sent'), formatInteger(node.sent), node.color));
  if (node.role !== 'from') {
    lines.push(tooltipRow(translate(lang, 'chart.rot.received'), formatInteger(node.received), node.color));
  }
  return lines.join('');
}

export interface RotationSankeyOptions {
  lang: Lang;
  level: FlowLevel;
}

/** Space for node labels (with their counts) beside the two outer columns, in pixels. */
const LABEL_MARGIN = 168;

/** A node's label with its teachers: the count it sends, receives, or both when it does both in one column. */
export function sankeyNodeLabel(node: FlowNode, split: boolean, lang: Lang): string {
  const label = node.label;
  if (split)
    return translate(lang, 'chart.rot.nodeCount', { label, count: node.role === 'from' ? node.sent : node.received });
  if (node.role === 'from') return translate(lang, 'chart.rot.nodeOut', { label, count: node.sent });
  if (node.role === 'to') return translate(lang, 'chart.rot.nodeIn', { label, count: node.received });
  return translate(lang, 'chart.rot.nodeBoth', { label, sent: node.sent, received: node.received });
}

/** Flows of at least this many teachers carry a label: all of them when there are few, else the larger ones. */
export function sankeyEdgeLabelMin(links: readonly { value: number }[]): number {
  if (links.length <= 16) return 1;
  const total = links.reduce((sum, link) => sum + link.value, 0);
  return Math.max(2, Math.ceil(total * 0.02));
}

/**
 * 交流轮岗 flows as a Sankey (teachers per link), township → township or 城区 → 镇区 → 乡村. Built from
 * buildFlowGraph, so it is always a DAG: self-loops set aside, cycles drawn as 派出 / 接收 columns.
 */
export function buildRotationSankeyOption(flows: readonly SankeyFlow[], options: RotationSankeyOptions): ChartOption {
  const { lang, level } = options;
  const graph = buildFlowGraph(flows, level, lang);
  const labels = new Map(graph.nodes.map((node) => [node.id, sankeyNodeLabel(node, graph.split, lang)]));
  const minEdgeLabel = sankeyEdgeLabelMin(graph.links);
  return {
    textStyle: { fontFamily: CHART_FONT },
    tooltip: {
      ...TOOLTIP_BASE,
      trigger: 'item',
      formatter: (params: unknown) => formatSankeyTooltip(params, graph, lang),
    },
    series: [
      {
        type: 'sankey',
        left: LABEL_MARGIN,
        right: LABEL_MARGIN,
        top: 12,
        bottom: 12,
        nodeWidth: 14,
        // Room for one label line between two thin nodes, so a column of small receivers does not crowd together.
        nodeGap: level === 'locale' ? 28 : 22,
        // Keep the data order (class order / township code) rather than re-ordering to reduce crossings: the analyst
        // finds a township at the same height on both sides.
        layoutIterations: 0,
        draggable: false,
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'source', opacity: 0.35, curveness: 0.5 },
        label: {
          fontSize: 12,
          color: CHART_COLORS.text,
          // Canvas text, not HTML: no escaping.
          formatter: (params: { name?: string }) => labels.get(params.name ?? '') ?? params.name ?? '',
        },
        // Teachers per flow on the flow itself; the thinnest are left to the tooltip so the labels stay legible.
        edgeLabel: {
          show: true,
          fontSize: 11,
          color: CHART_COLORS.text,
          formatter: (params: { value?: unknown }) =>
            typeof params.value === 'number' && params.value >= minEdgeLabel ? formatInteger(params.value) : '',
        },
        data: graph.nodes.map((node) => ({
          name: node.id,
          itemStyle: { color: node.color, borderColor: node.color },
          label: { position: node.role === 'from' ? ('left' as const) : ('right' as const) },
          ...(graph.split ? { depth: node.role === 'from' ? 0 : 1 } : {}),
        })),
        links: graph.links.map((link) => ({ source: link.source, target: link.target, value: link.value })),
      },
    ],
  };
}
