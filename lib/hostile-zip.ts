// A zip bomb for tests and the benchmark: every entry's headers claim it unpacks to 100 bytes,
// while it inflates to far more zeros (1 GB by default, from about 1 MB of deflate data, built in about 3 s).
import { constants, deflateRawSync } from "node:zlib";

const MB = 1024 * 1024;
const CLAIMED = 100;

/** A zip of `names`, each holding `mb` MB of zeros behind headers that claim 100 bytes. */
export function hostileZip(names: string[], mb = 1024): Uint8Array<ArrayBuffer> {
  const data = deflateRawSync(Buffer.alloc(mb * MB), { level: 9, strategy: constants.Z_RLE });
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const file = Buffer.from(name);
    const local = Buffer.alloc(30 + file.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(CLAIMED, 22);
    local.writeUInt16LE(file.length, 26);
    file.copy(local, 30);
    const central = Buffer.alloc(46 + file.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(CLAIMED, 24);
    central.writeUInt16LE(file.length, 28);
    central.writeUInt32LE(offset, 42);
    file.copy(central, 46);
    locals.push(local, data);
    centrals.push(central);
    offset += local.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
