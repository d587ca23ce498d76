import { expect } from '@esm-bundle/chai';
import { bboxOf } from './bounds.ts';

const square = (west: number, south: number, size = 1) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

describe('bboxOf', () => {
  it('is the min/max box of ordinary geometries', () => {
    expect(bboxOf([square(-100, 40), square(-80, 30, 2)])).to.deep.equal([-100, 30, -78, 41]);
  });

  it('keeps North America together when Alaska crosses the antimeridian', () => {
    const aleutians = {
      type: 'MultiPolygon',
      coordinates: [square(172, 52).coordinates, square(-179, 51).coordinates],
    };
    const box = bboxOf([aleutians, square(-68, 45), square(-160, 19)])!;
    expect(box[0]).to.equal(172 - 360);
    expect(box[2]).to.equal(-67);
    expect(box[2] - box[0]).to.be.lessThan(180);
  });

  it('reads geometry collections and ignores empty input', () => {
    const collection = { type: 'GeometryCollection', geometries: [square(10, 10), square(20, 20)] };
    expect(bboxOf([collection])).to.deep.equal([10, 10, 21, 21]);
    expect(bboxOf([null, undefined])).to.equal(undefined);
  });
});
