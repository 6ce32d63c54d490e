import { buildCvBarOption } from '@junheng/shared/charts/build-cv-bar-option.ts';
import { describe, expect, it } from 'vitest';
import { renderChartPng } from './render-chart.ts';

const indicator = {
  key: 'sports_area_per_student' as const,
  cv: 0.62,
  cvPasses: false,
  cvLimit: 0.5,
  mean: 9.7,
  sd: 6,
  min: 1,
  max: 20,
  n: 30,
  schoolsMeeting: 20,
  threshold: 7.5,
};

describe(renderChartPng.name, () => {
  it('should draw the client’s CV chart as a PNG at twice its size', async () => {
    const sut = await renderChartPng(buildCvBarOption([indicator], { lang: 'zh', cvLimit: 0.5 }), 600, 300);
    expect(sut).not.toBeNull();
    const png = sut?.png ?? Buffer.alloc(0);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // IHDR: width and height in pixels at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 600]);
  });
});
