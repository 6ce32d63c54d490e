import fs from 'node:fs';
import type { ChartOption } from '@junheng/shared/charts/chart-option.ts';
import * as echarts from 'echarts';

/** The CJK font of fonts-noto-cjk: the chart theme names it among its fallbacks. */
const CJK_FONT = 'Noto Sans CJK SC';
/** Where Debian (fonts-noto-cjk), Fedora and Alpine put it. */
const CJK_FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
];

let fontOptions: { loadSystemFonts: boolean; fontFiles: string[] } | undefined;
/**
 * The CJK font file alone when it is found (resvg reads the fonts on every render: scanning every system font costs
 * ~2 s a chart, one file ~0.1 s), else every system font.
 */
function findFonts(): { loadSystemFonts: boolean; fontFiles: string[] } {
  fontOptions ??= (() => {
    const file = CJK_FONT_FILES.find((candidate) => fs.existsSync(candidate));
    return file ? { loadSystemFonts: false, fontFiles: [file] } : { loadSystemFonts: true, fontFiles: [] };
  })();
  return fontOptions;
}

export interface RenderedChart {
  png: Buffer;
  /** Size in CSS pixels (the PNG has `scale` times as many). */
  width: number;
  height: number;
}

/**
 * The option with every `fontFamily` quoted in single quotes: ECharts' server-side SVG writes the family into a
 * double-quoted `style` attribute without escaping, and `"PingFang SC"` there makes the SVG unreadable. Plain objects
 * and arrays are copied (the option itself is left as it is); anything else (functions, class instances) is kept.
 */
export function quoteFontsForSvg<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => quoteFontsForSvg(item)) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === 'fontFamily' && typeof item === 'string' ? item.replaceAll('"', "'") : quoteFontsForSvg(item),
    ]),
  ) as T;
}

type ResvgModule = typeof import('@resvg/resvg-js');
let resvg: Promise<ResvgModule | null> | undefined;
/**
 * resvg's native binding, loaded on first use: a release unpacked on a platform whose binding it lacks (the offline
 * package carries the build machine's) still starts, and its reports say that the charts could not be drawn.
 */
function loadResvg(): Promise<ResvgModule | null> {
  resvg ??= import('@resvg/resvg-js').catch(() => null);
  return resvg;
}

/**
 * Renders a chart option (from the same `build…Option` functions the client draws) on the server: ECharts server-side
 * SVG with animation off, then SVG → PNG with resvg at `scale` times the size, on white, for a Word document; null
 * when resvg cannot be loaded on this platform.
 */
export async function renderChartPng(
  option: ChartOption,
  width: number,
  height: number,
  scale = 2,
): Promise<RenderedChart | null> {
  const binding = await loadResvg();
  if (!binding) return null;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...quoteFontsForSvg(option), animation: false });
    const svg = chart.renderToSVGString();
    const png = new binding.Resvg(svg, {
      background: 'white',
      fitTo: { mode: 'zoom', value: scale },
      font: { ...findFonts(), defaultFontFamily: CJK_FONT, sansSerifFamily: CJK_FONT },
    })
      .render()
      .asPng();
    return { png, width, height };
  } finally {
    chart.dispose();
  }
}
