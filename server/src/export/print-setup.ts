/**
 * How every XLSX the product writes prints (issue #12 point 2): A4 landscape, fit to one page wide and as many pages
 * tall as needed (`fitToPage` is the flag Excel and LibreOffice read; without it fitToWidth is ignored), the title and
 * header rows repeated on every page, page numbers in the footer, narrow margins and centred horizontally.
 */
export function printPageSetup(options: { titleRows?: [number, number]; lang: 'zh' | 'en' }) {
  return {
    pageSetup: {
      paperSize: 9 as const, // A4
      orientation: 'landscape' as const,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
      ...(options.titleRows ? { printTitlesRow: `${options.titleRows[0]}:${options.titleRows[1]}` } : {}),
    },
    headerFooter: {
      oddFooter: options.lang === 'zh' ? '&C第 &P 页，共 &N 页' : '&CPage &P of &N',
    },
  };
}

/** Fill and font of a compliance cell, the colours of the compliance view (client styles.css .state-near/.state-under). */
export const STATE_STYLES = {
  met: { font: 'FF1E7B45' },
  near: { font: 'FF9A6100', fill: 'FFFFF6E0' },
  under: { font: 'FFB42318', fill: 'FFFDECEA' },
  none: { font: 'FF5F6B7A' },
} as const;

/** Excel number format of a number shown with `decimals` decimals (full precision stays in the cell). */
export function numberFormatOf(decimals: number): string {
  return decimals === 0 ? '#,##0' : `0.${'0'.repeat(decimals)}`;
}

/** Display width of a text in spreadsheet characters: CJK and full-width characters count 2. */
export function displayWidth(value: string): number {
  let width = 0;
  for (const ch of value)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return width;
}
