import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * LibreOffice headless and poppler, to check that generated documents open and read as intended. Missing outside CI:
 * the caller skips with a warning; with CI set a missing tool fails the run (.ci/run installs them).
 */
export function findDocumentTools(): { soffice: string } | null {
  const which = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
  const soffice = process.env.SOFFICE_PATH || which('soffice') || which('libreoffice');
  const poppler = which('pdftotext') && which('pdfimages');
  if (soffice && poppler) return { soffice };
  if (process.env.CI) {
    throw new Error(
      'LibreOffice (soffice) or poppler-utils is missing: CI must check documents (.ci/run installs them).',
    );
  }
  console.warn(
    'WARNING: no LibreOffice/poppler found (apt-get install libreoffice-writer poppler-utils); document checks skipped.',
  );
  return null;
}

/** Converts a document to PDF in `outDir` with a private LibreOffice profile (parallel runs never share one). */
export function convertToPdf(soffice: string, file: string, outDir: string): string {
  const profile = path.join(os.tmpdir(), `lo-profile-${randomBytes(6).toString('hex')}`);
  try {
    execFileSync(
      soffice,
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file],
      { stdio: 'pipe', timeout: 180_000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdf = path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${file}`);
  return pdf;
}

export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The images of a PDF as `pdfimages -list` reports them (header lines removed). */
export function pdfImages(pdf: string): string[] {
  return execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim());
}

export function pdfPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}
