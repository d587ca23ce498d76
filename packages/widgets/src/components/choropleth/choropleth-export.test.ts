// Export in real Chromium: toPNG() of maps that do not preserve their drawing buffer is the map as drawn
// (legend colours on the regions and in the legend, the theme's background), at the asked scale, for every
// map on the page and in the dark theme; toCSV() has exactly the API's values; the download menu opens,
// closes from the keyboard and saves both files.
import { expect } from '@esm-bundle/chai';
import { closeTo, legendColors, mount, nextEvent, parseColor, type Rgb } from '../../testing/helpers.ts';
import { isolateEachTest, shadow } from '../../testing/choropleth.ts';
import type { ChronosChoropleth } from './choropleth.ts';
import './chronos-choropleth.ts';

isolateEachTest();

/** A map as a page writes it: no mapOptions, so its canvas is not readable after it was shown. */
async function loadedMap(attributes = ''): Promise<ChronosChoropleth> {
  const element = mount<ChronosChoropleth>(
    `<chronos-choropleth basemap="none" metric="unemployment" ${attributes}></chronos-choropleth>`,
  );
  await nextEvent(element, 'chronos-load', 60_000);
  return element;
}

interface Decoded {
  width: number;
  height: number;
  pixels: Uint8ClampedArray;
}

async function decode(blob: Blob): Promise<Decoded> {
  expect(blob.type).to.equal('image/png');
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return {
    width: bitmap.width,
    height: bitmap.height,
    pixels: context.getImageData(0, 0, bitmap.width, bitmap.height).data,
  };
}

function countClose(image: Decoded, color: Rgb): number {
  let count = 0;
  for (let i = 0; i < image.pixels.length; i += 4) {
    if (closeTo([image.pixels[i]!, image.pixels[i + 1]!, image.pixels[i + 2]!], color, 2)) count++;
  }
  return count;
}

/** The image holds the legend's class colours: each at least as a swatch, together over a good part of it. */
function expectMapAndLegend(image: Decoded, element: ChronosChoropleth): void {
  const classes = [...legendColors(element)].filter(([key]) => key !== 'no-data').map(([, color]) => parseColor(color));
  expect(classes.length).to.be.greaterThan(2);
  const counts = classes.map((color) => countClose(image, color));
  for (const [i, count] of counts.entries()) {
    expect(count, `class ${i} rgb(${classes[i]}) pixels`).to.be.greaterThan(60);
  }
  const share = counts.reduce((sum, count) => sum + count, 0) / (image.width * image.height);
  expect(share, 'share of the image in class colours').to.be.greaterThan(0.08);
}

function pixel(image: Decoded, x: number, y: number): Rgb {
  const i = (y * image.width + x) * 4;
  return [image.pixels[i]!, image.pixels[i + 1]!, image.pixels[i + 2]!];
}

describe('<chronos-choropleth> export', () => {
  it('toPNG: the map as drawn with its legend, without preserveDrawingBuffer, at the scale asked', async () => {
    const element = await loadedMap();
    const canvas = element.map!.getCanvas();
    expect(element.map!.getCanvas().getContext('webgl2')!.getContextAttributes()!.preserveDrawingBuffer).to.equal(
      false,
    );
    const one = await decode(await element.toPNG({ scale: 1 }));
    expect(one.width).to.equal(canvas.clientWidth);
    expect(one.height).to.be.greaterThan(canvas.clientHeight);
    expectMapAndLegend(one, element);
    expect(closeTo(pixel(one, 2, 2), [255, 255, 255]), 'light background').to.equal(true);

    const two = await decode(await element.toPNG({ scale: 2 }));
    expect(two.width).to.equal(canvas.clientWidth * 2);
    expectMapAndLegend(two, element);
    // The live map is back at its own pixel ratio.
    expect(canvas.width).to.equal(Math.round(canvas.clientWidth * devicePixelRatio));
  });

  it('every map on a page exports, in the light and the dark theme', async () => {
    const [light, dark] = await Promise.all([loadedMap(), loadedMap('theme="dark" scheme="ylorrd"')]);
    const [lightImage, darkImage] = await Promise.all([light.toPNG({ scale: 1 }), dark.toPNG({ scale: 1 })]);
    const lightDecoded = await decode(lightImage);
    const darkDecoded = await decode(darkImage);
    expectMapAndLegend(lightDecoded, light);
    expectMapAndLegend(darkDecoded, dark);
    expect(
      closeTo(pixel(darkDecoded, 2, 2), parseColor('#15191e')),
      `dark background rgb(${pixel(darkDecoded, 2, 2)})`,
    ).to.equal(true);
    // Two schemes: the images are not copies of one canvas.
    expect(countClose(darkDecoded, parseColor(legendColors(light).get('2')!))).to.be.lessThan(20);
  });

  it('toPNG and toCSV say why they cannot export before the map has data; a bad scale names the range', async () => {
    const element = mount<ChronosChoropleth>('<chronos-choropleth basemap="none"></chronos-choropleth>');
    const failure = (promise: Promise<unknown>): Promise<string> =>
      promise.then(
        () => 'resolved',
        (error: Error) => error.message,
      );
    expect(await failure(element.toPNG())).to.match(/after chronos-load/);
    expect(() => element.toCSV()).to.throw(/after chronos-load/);
    await nextEvent(element, 'chronos-load', 60_000);
    expect(await failure(element.toPNG({ scale: 12 }))).to.match(/scale must be a number from 0\.5 to 4; got 12/);
  });

  it('toCSV: one row per region with exactly the API’s values, status, period and source', async () => {
    const element = await loadedMap();
    const api = await (
      await fetch('/api/geo/choropleth?metric=unemployment&mode=data&geo=us-states,ca-provinces&time=latest')
    ).json();
    const [header, ...lines] = element.toCSV().split('\r\n').filter(Boolean);
    expect(header).to.equal('region,name,value,status,period,source');
    const rows = new Map(lines.map((line) => [line.split(',')[0]!, line]));
    expect(rows.size).to.equal(lines.length);
    expect(lines.length).to.equal(shadow(element).querySelectorAll('[part~="table"] tbody tr').length);
    for (const value of api.values as { region: string; name: string; value: number; status: string }[]) {
      const source = api.metric.sources.find((s: { country: string }) => value.region.startsWith(`${s.country}-`));
      const name = /[",]/.test(value.name) ? `"${value.name}"` : value.name;
      const credit = /[",]/.test(source.name) ? `"${source.name}"` : source.name;
      expect(rows.get(value.region)).to.equal(
        [value.region, name, String(value.value), value.status, api.time, credit].join(','),
      );
    }
    for (const code of api.missing as string[]) {
      if (rows.has(code)) expect(rows.get(code)!.split(',').slice(2, 4)).to.deep.equal(['', '']);
    }
  });

  it('the download menu (download attribute) opens, closes with Escape and saves the PNG and the CSV', async () => {
    const element = await loadedMap('download');
    const root = shadow(element);
    const saved: { name: string; blob: Blob }[] = [];
    const pending: Promise<void>[] = [];
    // The element clicks a link with a blob: URL; read the file instead of letting the browser save it.
    root.addEventListener('click', (event) => {
      const link = event.target as HTMLAnchorElement;
      if (link.tagName !== 'A' || !link.download) return;
      event.preventDefault();
      pending.push(
        fetch(link.href).then(
          async (response) => void saved.push({ name: link.download, blob: await response.blob() }),
        ),
      );
    });
    const button = root.querySelector<HTMLButtonElement>('[part~="download-button"]')!;
    const menu = root.querySelector<HTMLElement>('[part~="download-menu"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(menu.hidden).to.equal(true);
    expect(menu.getAttribute('aria-label')).to.equal(`Download ${element.loadedData!.metric.title}`);
    button.click();
    await element.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(menu.hidden).to.equal(false);
    const png = root.querySelector<HTMLButtonElement>('[part~="download-png"]')!;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(root.activeElement).to.equal(png);
    expect(png.getBoundingClientRect().height).to.be.at.least(24);
    png.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await element.updateComplete;
    expect(menu.hidden).to.equal(true);
    expect(root.activeElement).to.equal(button);

    button.click();
    await element.updateComplete;
    root.querySelector<HTMLButtonElement>('[part~="download-csv"]')!.click();
    button.click();
    await element.updateComplete;
    png.click();
    const started = performance.now();
    while (saved.length < 2 && performance.now() - started < 30_000) {
      await Promise.all(pending);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const time = element.loadedData!.time;
    const csv = saved.find((file) => file.name === `unemployment-${time}.csv`);
    const image = saved.find((file) => file.name === `unemployment-${time}.png`);
    expect(csv, JSON.stringify(saved.map((file) => file.name))).to.not.equal(undefined);
    const bytes = new Uint8Array(await csv!.blob.arrayBuffer());
    // UTF-8 with a byte-order mark (spreadsheets), then the same text as toCSV().
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).to.equal(element.toCSV());
    expectMapAndLegend(await decode(image!.blob), element);
  });
});
