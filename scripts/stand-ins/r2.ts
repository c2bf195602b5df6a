// A local R2 bucket for plain workerd (`npm run serve`). workerd's `r2Bucket` binding sends every
// bucket operation of the Worker's R2Bucket API to a service as HTTP (Miniflare's
// workers/r2/bucket.worker.js answers the same requests under wrangler dev and the tests):
//   GET /  with `cf-r2-request: <json>`                        head, get, list
//   PUT /  with `cf-r2-metadata-size: n`, body = n bytes of json + the value    put, delete
// Answers carry the object's metadata as json, then its bytes, with `cf-r2-metadata-size`; errors
// carry `cf-r2-error: {"message","version":1,"v4code"}` (404 + 10007 is "no such key": null).
// Objects live in memory, and in `dir` (one .json + one .bin per key) when given, so a restart
// keeps them. Multipart uploads are not spoken (the Worker never makes them).
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface R2StandIn {
  url: string;
  /** host:port, for a workerd `external` service. */
  address: string;
  close(): Promise<void>;
}

interface StoredObject {
  key: string;
  version: string;
  size: number;
  etag: string;
  uploaded: number;
  httpFields: Record<string, unknown>;
  customFields: { k: string; v: string }[];
}

type Etag = { type: "strong" | "weak"; value: string } | { type: "wildcard" };
interface Conditional {
  etagMatches?: Etag[];
  etagDoesNotMatch?: Etag[];
  uploadedBefore?: number;
  uploadedAfter?: number;
  secondsGranularity?: boolean;
}

interface BucketRequest {
  method: string;
  object?: string;
  objects?: string[];
  httpFields?: Record<string, unknown>;
  customFields?: { k: string; v: string }[];
  onlyIf?: Conditional;
  range?: { offset?: number; length?: number; suffix?: number };
  rangeHeader?: string;
  prefix?: string;
  limit?: number;
  cursor?: string;
  startAfter?: string;
  delimiter?: string;
  include?: (0 | 1)[];
}

class R2Failure extends Error {
  readonly status: number;
  readonly v4code: number;
  readonly object?: StoredObject;

  constructor(status: number, v4code: number, message: string, object?: StoredObject) {
    super(message);
    this.status = status;
    this.v4code = v4code;
    this.object = object;
  }
}

const noSuchKey = () => new R2Failure(404, 10007, "The specified key does not exist.");
const preconditionFailed = (object?: StoredObject) => new R2Failure(412, 10031, "At least one of the pre-conditions you specified did not hold.", object);
const invalidRange = () => new R2Failure(416, 10039, "The requested range is not satisfiable");
const unsupported = (method: string) => new R2Failure(501, 10001, `The local R2 stand-in does not do ${method}.`);

/** The metadata workerd reads for an object (Miniflare's InternalR2Object#rawProperties). */
function raw(o: StoredObject, range?: { offset: number; length: number }, withHttp = true, withCustom = true) {
  return {
    name: o.key,
    version: o.version,
    size: o.size,
    etag: o.etag,
    uploaded: o.uploaded,
    httpFields: withHttp ? o.httpFields : {},
    customFields: withCustom ? o.customFields : [],
    range,
    checksums: { 0: o.etag },
  };
}

function etagListHas(list: Etag[], etag: string): boolean {
  return list.some((e) => e.type === "wildcard" || e.value === etag);
}

/** R2's conditional operations, as Miniflare's validator decides them (If-Match wins over If-Unmodified-Since, and so on). */
function holds(o: StoredObject | undefined, cond: Conditional | undefined): boolean {
  if (!cond) return true;
  if (!o) return cond.etagMatches === undefined;
  const uploaded = cond.secondsGranularity ? Math.floor(o.uploaded / 1000) * 1000 : o.uploaded;
  const ifMatch = cond.etagMatches === undefined || etagListHas(cond.etagMatches, o.etag);
  if (!ifMatch) return false;
  const ifNoneMatch = cond.etagDoesNotMatch === undefined || !etagListHas(cond.etagDoesNotMatch, o.etag);
  if (!ifNoneMatch) return false;
  if (cond.uploadedBefore !== undefined && cond.etagMatches === undefined && uploaded > Number(cond.uploadedBefore)) return false;
  if (cond.uploadedAfter !== undefined && cond.etagDoesNotMatch === undefined && uploaded <= Number(cond.uploadedAfter)) return false;
  return true;
}

/** The byte range a get asks for, or the whole object. */
function rangeOf(req: BucketRequest, size: number): { offset: number; length: number } {
  let offset = 0;
  let length = size;
  if (req.range) {
    const { offset: o, length: l, suffix } = req.range;
    if (suffix !== undefined) {
      offset = Math.max(0, size - Number(suffix));
      length = size - offset;
    } else {
      offset = Number(o ?? 0);
      length = l === undefined ? size - offset : Math.min(Number(l), size - offset);
    }
  } else if (req.rangeHeader) {
    const m = /^bytes=(\d*)-(\d*)$/.exec(req.rangeHeader.trim());
    if (!m || (m[1] === "" && m[2] === "")) throw invalidRange();
    if (m[1] === "") {
      offset = Math.max(0, size - Number(m[2]));
      length = size - offset;
    } else {
      offset = Number(m[1]);
      const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
      length = end - offset + 1;
    }
  }
  if (offset < 0 || length < 0 || (size > 0 && offset >= size && length > 0)) throw invalidRange();
  return { offset, length };
}

class Bucket {
  private objects = new Map<string, { meta: StoredObject; bytes: Buffer }>();
  private dir: string | undefined;

  constructor(dir: string | undefined) {
    this.dir = dir;
    if (!dir) return;
    fs.mkdirSync(dir, { recursive: true });
    for (const file of fs.readdirSync(dir)) {
      if (!file.endsWith(".json")) continue;
      const meta = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as StoredObject;
      const bin = path.join(dir, file.replace(/\.json$/, ".bin"));
      if (fs.existsSync(bin)) this.objects.set(meta.key, { meta, bytes: fs.readFileSync(bin) });
    }
  }

  /** Keys can be 1024 bytes of anything: files are named by their hash. */
  private fileOf(key: string): string {
    return path.join(this.dir!, createHash("sha256").update(key).digest("hex"));
  }

  head(key: string): StoredObject {
    const found = this.objects.get(key);
    if (!found) throw noSuchKey();
    return found.meta;
  }

  get(req: BucketRequest): { meta: StoredObject; range: { offset: number; length: number }; bytes: Buffer } {
    const found = this.objects.get(req.object ?? "");
    if (!found) throw noSuchKey();
    if (!holds(found.meta, req.onlyIf)) throw preconditionFailed(found.meta);
    const range = rangeOf(req, found.meta.size);
    return { meta: found.meta, range, bytes: found.bytes.subarray(range.offset, range.offset + range.length) };
  }

  put(req: BucketRequest, bytes: Buffer): StoredObject {
    const key = req.object ?? "";
    if (!key || Buffer.byteLength(key) > 1024) throw new R2Failure(400, 10020, "The specified object name is not valid.");
    if (!holds(this.objects.get(key)?.meta, req.onlyIf)) throw preconditionFailed();
    const meta: StoredObject = {
      key,
      version: randomBytes(16).toString("hex"),
      size: bytes.length,
      etag: createHash("md5").update(bytes).digest("hex"),
      uploaded: Date.now(),
      httpFields: req.httpFields ?? {},
      customFields: req.customFields ?? [],
    };
    if (this.dir) {
      fs.writeFileSync(`${this.fileOf(key)}.bin`, bytes);
      fs.writeFileSync(`${this.fileOf(key)}.json`, JSON.stringify(meta));
    }
    this.objects.set(key, { meta, bytes });
    return meta;
  }

  delete(keys: string[]): void {
    for (const key of keys) {
      this.objects.delete(key);
      if (this.dir) for (const ext of [".json", ".bin"]) fs.rmSync(`${this.fileOf(key)}${ext}`, { force: true });
    }
  }

  list(req: BucketRequest) {
    const prefix = req.prefix ?? "";
    const limit = Math.min(req.limit ?? 1000, req.include?.length ? 100 : 1000);
    let after = req.startAfter;
    if (req.cursor) {
      const fromCursor = Buffer.from(req.cursor, "base64").toString("utf8");
      if (after === undefined || fromCursor > after) after = fromCursor;
    }
    const keys = [...this.objects.keys()].filter((k) => k.startsWith(prefix) && (after === undefined || k > after)).sort();
    const objects: ReturnType<typeof raw>[] = [];
    const delimitedPrefixes = new Set<string>();
    let last: string | undefined;
    let truncated = false;
    for (const key of keys) {
      if (objects.length + delimitedPrefixes.size >= limit) {
        truncated = true;
        break;
      }
      last = key;
      const cut = req.delimiter ? key.indexOf(req.delimiter, prefix.length) : -1;
      if (cut >= 0) delimitedPrefixes.add(key.slice(0, cut + req.delimiter!.length));
      else objects.push(raw(this.objects.get(key)!.meta, undefined, req.include?.includes(0) ?? false, req.include?.includes(1) ?? false));
    }
    return { objects, truncated, cursor: truncated && last ? Buffer.from(last).toString("base64") : undefined, delimitedPrefixes: [...delimitedPrefixes] };
  }
}

function metadataAnswer(res: http.ServerResponse, metadata: unknown, value?: Buffer, status = 200): void {
  const json = Buffer.from(JSON.stringify(metadata));
  const body = value ? Buffer.concat([json, value]) : json;
  res.writeHead(status, { "cf-r2-metadata-size": String(json.length), "content-type": "application/json", "content-length": String(body.length) });
  res.end(body);
}

function failureAnswer(res: http.ServerResponse, err: R2Failure): void {
  const header = JSON.stringify({ message: err.message, version: 1, v4code: err.v4code });
  if (err.object) {
    const json = Buffer.from(JSON.stringify(raw(err.object)));
    res.writeHead(err.status, { "cf-r2-error": header, "cf-r2-metadata-size": String(json.length), "content-type": "application/json", "content-length": String(json.length) });
    res.end(json);
    return;
  }
  res.writeHead(err.status, { "cf-r2-error": header, "content-length": "0" });
  res.end();
}

async function readAll(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function answer(bucket: Bucket, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method === "GET") {
    const op = JSON.parse(String(req.headers["cf-r2-request"] ?? "null")) as BucketRequest | null;
    if (!op) throw new R2Failure(400, 10029, "Metadata missing or invalid");
    if (op.method === "head") {
      const meta = bucket.head(op.object ?? "");
      return metadataAnswer(res, raw(meta, { offset: 0, length: meta.size }));
    }
    if (op.method === "get") {
      const { meta, range, bytes } = bucket.get(op);
      return metadataAnswer(res, raw(meta, range), bytes);
    }
    if (op.method === "list") return metadataAnswer(res, bucket.list(op));
    throw unsupported(op.method);
  }
  if (req.method === "PUT") {
    const body = await readAll(req);
    const size = Number(req.headers["cf-r2-metadata-size"]);
    if (!Number.isInteger(size) || size > body.length) throw new R2Failure(400, 10029, "Metadata missing or invalid");
    const op = JSON.parse(body.subarray(0, size).toString("utf8")) as BucketRequest;
    if (op.method === "put") return metadataAnswer(res, raw(bucket.put(op, Buffer.from(body.subarray(size)))));
    if (op.method === "delete") {
      bucket.delete(op.objects ?? [op.object ?? ""]);
      res.writeHead(200, { "content-length": "0" });
      return void res.end();
    }
    throw unsupported(op.method);
  }
  throw new R2Failure(405, 10001, `Method ${req.method} is not part of the R2 binding protocol.`);
}

/** Starts the bucket on a free loopback port; `dir` keeps its objects on disk between runs. */
export async function startR2(opts: { dir?: string; port?: number } = {}): Promise<R2StandIn> {
  const bucket = new Bucket(opts.dir);
  const server = http.createServer((req, res) => {
    answer(bucket, req, res).catch((err: unknown) => {
      if (err instanceof R2Failure) return failureAnswer(res, err);
      failureAnswer(res, new R2Failure(500, 10001, err instanceof Error ? err.message : String(err)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    address: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
