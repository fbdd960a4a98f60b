// Issue 5 point 3: evidence attached to a result. The upload corpus: oversize, renamed
// HTML, SVG with a script, an empty file, a path-traversal name and a Vietnamese name;
// photos stored without their metadata (GPS); downloads only as attachments, only for
// signed-in users; nothing stored for a refused upload.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../server/contracts/activities';
import type { Attachment } from '../../server/contracts/attachments';
import { countRows, type Injector, testAppOfFile } from '../helpers/app';
import { activityBody, detailPaths, errorOf, json, type Page, postActivity } from '../helpers/factories';

const t = testAppOfFile();
let talk: Activity;
let photo: Buffer;

/** A multipart/form-data body with one file part, as a browser sends it. */
function multipart(fileName: string, content: Buffer, type = 'application/octet-stream') {
  const boundary = '----calendar-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      `Content-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function upload(as: Injector, fileName: string, content: Buffer, type?: string) {
  return as.inject({
    method: 'POST',
    url: `/api/activities/${talk.id}/attachments`,
    ...multipart(fileName, content, type),
  });
}

const storedFiles = () =>
  readdirSync(join(t.dir, 'uploads'), { withFileTypes: true }).map((entry) => entry.name);

beforeAll(async () => {
  talk = await postActivity(t.app, await activityBody(t.app, { start: '2025-09-10' }));
  // A small photo with a GPS position in its EXIF, as a phone camera writes it.
  photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#c62828' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Điện thoại thử' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '16/1 28/1 0/1' },
    })
    .toBuffer();
});
describe('POST /api/activities/:id/attachments', () => {
  it('stores a photo without its metadata, under a generated name, and lists it', async () => {
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const response = await upload(t.app, 'anh.jpg', photo, 'image/jpeg');
    expect(response.statusCode, response.body).toBe(201);
    const attachment = json<Attachment>(response);
    expect(attachment).toMatchObject({
      activityId: talk.id,
      kind: 'photo',
      fileName: 'anh.jpg',
      mimeType: 'image/jpeg',
    });

    const [stored] = storedFiles();
    expect(stored).toMatch(/^[0-9a-f-]{36}\.jpg$/);
    const content = readFileSync(join(t.dir, 'uploads', stored ?? ''));
    const metadata = await sharp(content).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(content.includes(Buffer.from('GPS'))).toBe(false);
    expect(metadata).toMatchObject({ width: 32, height: 24, format: 'jpeg' });

    const list = json<Page<Attachment>>(
      await t.app.inject({ method: 'GET', url: `/api/activities/${talk.id}/attachments` }),
    );
    expect(list.items.map((item) => item.id)).toEqual([attachment.id]);
  });

  it('keeps a Vietnamese name (in NFC) and serves the file only as a download, only to signed-in users', async () => {
    const name = 'Ảnh buổi tuyên truyền ở Phong Điền.jpg';
    const response = await upload(t.app, name.normalize('NFD'), photo, 'image/jpeg');
    expect(response.statusCode, response.body).toBe(201);
    const attachment = json<Attachment>(response);
    expect(attachment.fileName).toBe(name.normalize('NFC'));

    const download = await t.app.inject({ method: 'GET', url: attachment.url });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(download.headers['content-disposition']);
    expect(disposition.startsWith('attachment;')).toBe(true);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(name.normalize('NFC'))}`);
    expect(disposition).toContain('filename="Anh buoi tuyen truyen o Phong Dien.jpg"');
    expect(download.rawPayload.length).toBe(attachment.size);

    const anonymous = await t.server.inject({ method: 'GET', url: attachment.url });
    expect(anonymous.statusCode).toBe(401);
  });

  it('drops the folder part of a path-traversal name and writes only inside the upload folder', async () => {
    const before = storedFiles().length;
    const response = await upload(t.app, '../../../../etc/cron.d/x.jpg', photo, 'image/jpeg');
    expect(response.statusCode, response.body).toBe(201);
    expect(json<Attachment>(response).fileName).toBe('x.jpg');
    const after = storedFiles();
    expect(after.length).toBe(before + 1);
    expect(after.every((name) => /^[0-9a-f-]{36}\.(jpg|pdf)$/.test(name))).toBe(true);
    const windows = await upload(
      t.app,
      'C:\\Users\\canbo\\bao-cao.pdf',
      Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1'),
    );
    expect(windows.statusCode, windows.body).toBe(201);
    expect(json<Attachment>(windows)).toMatchObject({
      fileName: 'bao-cao.pdf',
      kind: 'document',
      mimeType: 'application/pdf',
    });
  });

  const refused: [string, () => { name: string; content: Buffer; type?: string }, number, string][] = [
    [
      'an HTML page renamed to .jpg',
      () => ({
        name: 'anh.jpg',
        content: Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
        type: 'image/jpeg',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'an SVG carrying a script',
      () => ({
        name: 'bieu-do.svg',
        content: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
        ),
        type: 'image/svg+xml',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a script renamed to .pdf',
      () => ({ name: 'bao-cao.pdf', content: Buffer.from('#!/bin/sh\nrm -rf /\n'), type: 'application/pdf' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'an empty file',
      () => ({ name: 'trong.jpg', content: Buffer.alloc(0), type: 'image/jpeg' }),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a file over the size limit',
      () => ({
        name: 'lon.jpg',
        content: Buffer.concat([photo, Buffer.alloc(10 * 1024 * 1024 + 1)]),
        type: 'image/jpeg',
      }),
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ];
  for (const [what, make, status, code] of refused) {
    it(`refuses ${what} (${status}) and stores nothing`, async () => {
      const rows = countRows(t.db, 'attachments');
      const files = storedFiles().length;
      const { name, content, type } = make();
      const response = await upload(t.app, name, content, type);
      expect(response.statusCode, response.body).toBe(status);
      expect(errorOf(response).code).toBe(code);
      if (status === 400) expect(detailPaths(response)).toEqual(['file']);
      expect(countRows(t.db, 'attachments')).toBe(rows);
      expect(storedFiles().length).toBe(files);
    });
  }

  it('refuses a JSON body here, and a form body on every other route', async () => {
    const json415 = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${talk.id}/attachments`,
      payload: { file: 'x' },
    });
    expect(json415.statusCode).toBe(415);
    const form = await t.app.inject({ method: 'POST', url: '/api/activities', ...multipart('a.jpg', photo) });
    expect(form.statusCode).toBe(415);
  });

  it('answers 404 for an unknown activity or attachment', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/activities/999999/attachments',
      ...multipart('anh.jpg', photo, 'image/jpeg'),
    });
    expect(response.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/attachments/999999' })).statusCode).toBe(404);
  });

  it('soft deletes: gone from the list and the download, kept in the database', async () => {
    const created = json<Attachment>(await upload(t.app, 'xoa.jpg', photo, 'image/jpeg'));
    const rows = countRows(t.db, 'attachments');
    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/attachments/${created.id}` });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(countRows(t.db, 'attachments')).toBe(rows);
    expect((await t.app.inject({ method: 'GET', url: created.url })).statusCode).toBe(404);
    const list = json<Page<Attachment>>(
      await t.app.inject({ method: 'GET', url: `/api/activities/${talk.id}/attachments` }),
    );
    expect(list.items.map((item) => item.id)).not.toContain(created.id);
  });
});
