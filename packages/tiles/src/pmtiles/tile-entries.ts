// The archive's directory entries, worked out by PMTilesWriter.finish() once every tile is in: tiles in
// tile-id order, each content placed where its first tile is (tile data clustered, as the spec's
// `clustered` flag promises), and consecutive ids with the same content run-length encoded.
import { tileIdToZxy } from 'pmtiles';
import type { NumberColumn } from './content-table.ts';
import type { EntryColumns } from './directory.ts';

/** What the writer recorded while tiles were added: one entry per tile, one offset and length per content. */
export interface AddedTiles {
  /** Tile id of each tile, in the order added. */
  entryTileId: NumberColumn;
  /** Content index of each tile. */
  entryContent: NumberColumn;
  /** Where each content was written (from the start of tile data) and its length. */
  contentOffset: NumberColumn;
  contentLength: NumberColumn;
  /** Bytes of tile data written. */
  dataLength: number;
  /** Whether tiles arrived in strictly ascending tile-id order. */
  ascending: boolean;
}

export interface ClusteredEntries {
  entries: EntryColumns;
  /** Bytes of tile data in the archive. */
  dataLength: number;
  /** Contents in the order the archive holds them, when that is not the order they were written (tiles
   * added out of tile-id order): the data is rewritten in this order. */
  placement: number[] | undefined;
}

/** Sorts and run-length encodes the entries; throws when a tile was added more than once. */
export function clusteredEntries(tiles: AddedTiles): ClusteredEntries {
  const count = tiles.entryTileId.length;
  const ids = tiles.entryTileId.values;
  // Tiles that arrived in strictly ascending id order are already clustered where they were written:
  // contents sit in arrival order. Otherwise sort, reject repeats, and place each content where its
  // first tile is (the data is rewritten in that order).
  let order: Uint32Array | undefined;
  let offsets = tiles.contentOffset.values;
  let dataLength = tiles.dataLength;
  const placement: number[] = [];
  if (!tiles.ascending) {
    order = new Uint32Array(count);
    for (let i = 0; i < count; i++) order[i] = i;
    order.sort((a, b) => ids[a]! - ids[b]!);
    for (let i = 1; i < count; i++) {
      if (ids[order[i]!] === ids[order[i - 1]!]) {
        const [z, x, y] = tileIdToZxy(ids[order[i]!]!);
        throw new Error(`tile ${z}/${x}/${y} was added more than once`);
      }
    }
    offsets = new Float64Array(tiles.contentOffset.length).fill(-1);
    dataLength = 0;
    for (let i = 0; i < count; i++) {
      const content = tiles.entryContent.at(order[i]!);
      if (offsets[content] !== -1) continue;
      offsets[content] = dataLength;
      placement.push(content);
      dataLength += tiles.contentLength.at(content);
    }
  }

  // Run-length encoding: a tile with the same content as the previous, consecutive id extends its run.
  const entries: EntryColumns = {
    count: 0,
    tileId: new Float64Array(count),
    offset: new Float64Array(count),
    length: new Float64Array(count),
    runLength: new Float64Array(count),
  };
  for (let i = 0; i < count; i++) {
    const index = order ? order[i]! : i;
    const id = ids[index]!;
    const content = tiles.entryContent.at(index);
    const offset = offsets[content]!;
    const last = entries.count - 1;
    if (last >= 0 && entries.offset[last] === offset && entries.tileId[last]! + entries.runLength[last]! === id) {
      entries.runLength[last]!++;
    } else {
      entries.tileId[last + 1] = id;
      entries.offset[last + 1] = offset;
      entries.length[last + 1] = tiles.contentLength.at(content);
      entries.runLength[last + 1] = 1;
      entries.count++;
    }
  }
  return { entries, dataLength, placement: order ? placement : undefined };
}
