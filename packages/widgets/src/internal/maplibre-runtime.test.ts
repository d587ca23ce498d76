// The extent of a PMTiles archive's regions, read from its tiles: the test server's boundaries.pmtiles
// (built by `chronos-tiles build`) holds Alaska, whose Aleutians cross the antimeridian.
import { expect } from '@esm-bundle/chai';
import { archiveBBox, pmtilesArchive } from './maplibre-runtime.ts';

describe('archiveBBox', () => {
  it('is the regions’ box across the antimeridian, not the header’s whole world', async () => {
    const archive = pmtilesArchive(new URL('/tiles/boundaries.pmtiles', location.href).href);
    const header = await archive.getHeader();
    expect(header.maxLon - header.minLon).to.be.greaterThan(180);
    const [west, south, east, north] = (await archiveBBox(archive, 'regions'))!;
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
