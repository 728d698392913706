import { constants, deflateRawSync, crc32 as zlibCrc32 } from "node:zlib";

/**
 * Hostile and broken files for the ingest tests, built byte by byte so the tests need no binary
 * fixtures and no external tools: a password-protected .docx (an OLE compound file holding an
 * EncryptedPackage stream, as Word writes it), a zip bomb, and small PDFs.
 */

const SECTOR = 512;
const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;

/** An OLE compound file (v3) like the one Word writes for a .docx saved with a password. */
export function encryptedOoxml(): Uint8Array {
  const streams = [
    { name: "EncryptionInfo", data: Buffer.alloc(4096, 0x11) },
    { name: "EncryptedPackage", data: Buffer.alloc(4096, 0x5a) },
  ];
  // Sector 0: FAT, sector 1: directory, then each stream in full sectors (≥ 4096 bytes, so no mini stream).
  const fat = new Array<number>(SECTOR / 4).fill(FREE);
  fat[0] = FAT_SECTOR;
  fat[1] = END_OF_CHAIN;
  let next = 2;
  const starts: number[] = [];
  for (const stream of streams) {
    const count = Math.ceil(stream.data.length / SECTOR);
    starts.push(next);
    for (let i = 0; i < count; i++) fat[next + i] = i === count - 1 ? END_OF_CHAIN : next + i + 1;
    next += count;
  }
  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // FAT sectors
  header.writeUInt32LE(1, 48); // first directory sector
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 60);
  header.writeUInt32LE(END_OF_CHAIN, 68);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + i * 4);
  const fatSector = Buffer.alloc(SECTOR);
  fat.forEach((value, i) => {
    fatSector.writeUInt32LE(value, i * 4);
  });
  const entry = (
    name: string,
    type: number,
    left: number,
    rightSibling: number,
    child: number,
    start: number,
    size: number,
  ) => {
    const out = Buffer.alloc(128);
    if (name) {
      out.write(name, 0, "utf16le");
      out.writeUInt16LE((name.length + 1) * 2, 64);
    }
    out.writeUInt8(type, 66);
    out.writeUInt8(1, 67);
    out.writeUInt32LE(left, 68);
    out.writeUInt32LE(rightSibling, 72);
    out.writeUInt32LE(child, 76);
    out.writeUInt32LE(start, 116);
    out.writeUInt32LE(size, 120);
    return out;
  };
  // Siblings form a red-black tree ordered by name length: EncryptionInfo < EncryptedPackage.
  const directory = Buffer.concat([
    entry("Root Entry", 5, FREE, FREE, 1, END_OF_CHAIN, 0),
    entry("EncryptionInfo", 2, FREE, 2, FREE, starts[0]!, streams[0]!.data.length),
    entry("EncryptedPackage", 2, FREE, FREE, FREE, starts[1]!, streams[1]!.data.length),
    entry("", 0, FREE, FREE, FREE, 0, 0),
  ]);
  return new Uint8Array(Buffer.concat([header, fatSector, directory, ...streams.map((s) => s.data)]));
}

interface ZipEntry {
  name: string;
  data: Buffer;
  size: number;
  crc: number;
}

/** A zip of given (already deflated) entries, sizes as declared. */
function zip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const small = (name: string, text: string): ZipEntry => {
  const data = Buffer.from(text);
  return { name, data: deflateRawSync(data), size: data.length, crc: zlibCrc32(data) };
};

/**
 * A .docx-shaped zip whose document part inflates to `gib` GiB of zeros (a real deflate stream,
 * about 1 MB per GiB): one MiB of zeros deflated with a sync flush is byte-aligned and refers to
 * nothing before it, so it can be repeated.
 */
export function zipBomb(gib = 1): Uint8Array {
  const mib = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  const chunks = new Array<Buffer>(1024 * gib).fill(mib);
  const body = Buffer.concat([...chunks, last]);
  return zip([
    small("[Content_Types].xml", '<?xml version="1.0"?><Types/>'),
    { name: "word/document.xml", data: body, size: Math.min(1024 ** 3 * gib, 0xfffffffe), crc: 0 },
  ]);
}

/** A one-page PDF; `text` is drawn with a standard font, `encrypted` adds an Encrypt dictionary. */
export function minimalPdf(options: { text?: string; encrypted?: boolean } = {}): Uint8Array {
  const content = options.text
    ? `BT /F1 12 Tf 72 720 Td (${options.text.replace(/[()\\]/g, "\\$&")}) Tj ET`
    : "0.5 g 72 72 400 600 re f";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  if (options.encrypted) {
    // Standard security handler; the user password is not empty, so no reader opens it without one.
    const key = "A".repeat(64);
    objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${key}> /U <${"B".repeat(64)}> /P -4 >>`);
  }
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  const encrypt = options.encrypted
    ? ` /Encrypt ${objects.length} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]`
    : "";
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, "latin1"));
}
