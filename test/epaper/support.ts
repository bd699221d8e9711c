import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/database';
import type { Manifest, ManifestArticle } from '../../src/modules/epaper/importer/manifest';
import { newspapers } from '../../src/modules/epaper/tables';

export const PAGE_SIZE = { width: 1000, height: 1400 };

/**
 * A newspaper of the test's own, so imports never touch the demo papers other test files read
 * (on Postgres every file shares one database).
 */
export async function createTestPaper(db: Database, name = '测试日报') {
  const slug = `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  await db.insert(newspapers).values({
    slug,
    name,
    kind: 'daily',
    publisher: '测试',
    description: '只用于测试的报纸。',
    position: 99,
  });
  return { slug, name, drop: () => db.delete(newspapers).where(eq(newspapers.slug, slug)) };
}

const box = (left: number, top: number, right: number, bottom: number): [number, number][] => [
  [left, top],
  [right, top],
  [right, bottom],
  [left, bottom],
];

/** An issue of `pages` pages (A01, A02, …) with two stories each, images by URL. */
export function testManifest(paper: string, date: string, number: number, pages = 3): Manifest {
  const numbers = Array.from({ length: pages }, (_, index) => `A${String(index + 1).padStart(2, '0')}`);
  const articles: ManifestArticle[] = numbers.flatMap((page) => [
    { page, title: `${date} ${page} 头条`, body: ['第一段。', '第二段。'], hotspot: box(50, 100, 950, 700) },
    { page, title: `${date} ${page} 二条`, author: '本报记者 测试', hotspot: box(50, 720, 950, 1350) },
  ]);
  return {
    paper,
    date,
    number,
    pages: numbers.map((page, index) => ({
      number: page,
      name: index === 0 ? '头版' : '要闻',
      image: `https://img.test/${paper}/${date}/${page}.jpg`,
      width: PAGE_SIZE.width,
      height: PAGE_SIZE.height,
    })),
    articles,
  };
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The header of a PNG of that size (signature, IHDR, IEND): enough for anything that reads its size. */
export function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A folder holding manifest.json (as given: an object, or raw text) and the files beside it. */
export function manifestFolder(manifest: unknown, files: Record<string, Buffer | string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'epaper-manifest-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    typeof manifest === 'string' ? manifest : JSON.stringify(manifest, null, 2),
  );
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
