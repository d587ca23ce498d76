// The regions of a PMTiles archive, read from its lowest-zoom tiles: the test server's boundaries.pmtiles
// (built by `chronos-tiles build`) holds Alaska, whose Aleutians cross the antimeridian.
import { expect } from '@esm-bundle/chai';
import { bboxOf } from '@chronos/core';
import { archiveFeatures, headerBBox, pmtilesArchive } from './maplibre-runtime.ts';

describe('archiveFeatures', () => {
  it('gives every region with its code, whose box crosses the antimeridian where the header says "the world"', async () => {
    const archive = pmtilesArchive(new URL('/tiles/boundaries.pmtiles', location.href).href);
    const header = await archive.getHeader();
    expect(header.maxLon - header.minLon).to.be.greaterThan(180);
    expect(await headerBBox(archive), 'a world-wide header is no view').to.equal(undefined);
    const features = (await archiveFeatures(archive, 'regions'))!;
    const codes = new Set(features.map((feature) => feature.properties.code));
    for (const code of ['US-KS', 'US-AK', 'US-HI', 'CA-NU', 'CA-NL']) expect(codes.has(code), code).to.equal(true);
    const [west, south, east, north] = bboxOf(features.map((feature) => feature.geometry))!;
    // The lowest zoom's tiles are simplified: the smallest far-west Aleutians (Attu, 172.9°E) are gone
    // there, and the Aleutians east of the antimeridian (to 171.7°W) are the westernmost shapes left.
    expect(west).to.be.within(-173, -170);
    // Newfoundland's Cape Spear (52.6°W) is the easternmost; Hawaii (18.9°N) the southernmost; the
    // Canadian Arctic islands (83°N) the northernmost. Low-zoom tiles are coarse: allow a degree or so.
    expect(east).to.be.within(-54, -51);
    expect(south).to.be.within(17.5, 20);
    expect(north).to.be.within(81, 84.5);
  });
});
