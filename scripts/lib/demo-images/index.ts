// The demo catalog's pictures (PNG files in this folder, drawn by generate.ts) and how they get
// onto the demo products: through the API, as an admin would add them, because the bucket belongs
// to the running Worker (Miniflare's under `npm run dev`, scripts/stand-ins/r2.ts under serve).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface Drawing {
  shape: "bag" | "dripper" | "grinder" | "kettle" | "leaf";
  main: string;
  detail: string;
  background: string;
}

export interface DemoPicture {
  /** The demo product (scripts/lib/demo.ts) the picture belongs to, by name. */
  product: string;
  file: string;
  alt: string;
  drawing: Drawing;
}

export const DEMO_PICTURES: DemoPicture[] = [
  { product: "Ethiopia Yirgacheffe 250g", file: "coffee-yirgacheffe.png", alt: "A small yellow coffee bag", drawing: { shape: "bag", main: "#d9a441", detail: "#fff7e6", background: "#f4efe6" } },
  { product: "Colombia Huila 1kg", file: "coffee-huila.png", alt: "A large red coffee bag", drawing: { shape: "bag", main: "#b5483a", detail: "#fff7e6", background: "#f4efe6" } },
  { product: "Decaf Espresso 500g", file: "coffee-decaf.png", alt: "A dark brown coffee bag", drawing: { shape: "bag", main: "#4a3328", detail: "#e8d8c4", background: "#f4efe6" } },
  { product: "Pour-over Dripper", file: "dripper.png", alt: "A white ceramic cone dripper", drawing: { shape: "dripper", main: "#fafafa", detail: "#c9c2b8", background: "#5b7f95" } },
  { product: "Burr Grinder", file: "grinder.png", alt: "A black burr grinder with a crank", drawing: { shape: "grinder", main: "#2f2f33", detail: "#b08d57", background: "#e6e1d8" } },
  { product: "Gooseneck Kettle 1L", file: "kettle.png", alt: "A steel kettle with a long thin spout", drawing: { shape: "kettle", main: "#a7adb3", detail: "#303030", background: "#f0e6d6" } },
  { product: "Sencha 100g", file: "tea-sencha.png", alt: "A bright green tea leaf", drawing: { shape: "leaf", main: "#6aa84f", detail: "#dff0d0", background: "#f3f1e7" } },
  { product: "Assam Breakfast 250g", file: "tea-assam.png", alt: "A dark brown-green tea leaf", drawing: { shape: "leaf", main: "#6b5a2e", detail: "#e9dfc0", background: "#f3f1e7" } },
];

const here = path.dirname(fileURLToPath(import.meta.url));

/** The bytes of a demo picture. */
export function demoPictureBytes(picture: DemoPicture): Uint8Array<ArrayBuffer> {
  return new Uint8Array(fs.readFileSync(path.join(here, picture.file)));
}

/**
 * Gives each demo product that has no picture yet its picture, through `POST /api/products/{id}/images`
 * as the admin; safe at every start (a product that has pictures, or whose JSON carries no `images`
 * list, is left alone). Returns how many it added.
 */
export async function attachDemoPictures(baseUrl: string, admin: { email: string; password: string }): Promise<number> {
  const login = await fetch(`${baseUrl}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(admin) });
  if (!login.ok) throw new Error(`demo pictures: admin login answered ${login.status}`);
  const { access } = (await login.json()) as { access: string };
  const list = await fetch(`${baseUrl}/api/products?page_size=100`);
  if (!list.ok) throw new Error(`demo pictures: the product list answered ${list.status}`);
  const products = ((await list.json()) as { results: { id: number; name: string; images?: unknown[] }[] }).results;
  let added = 0;
  for (const picture of DEMO_PICTURES) {
    const product = products.find((p) => p.name === picture.product);
    if (!product || !Array.isArray(product.images) || product.images.length > 0) continue;
    const res = await fetch(`${baseUrl}/api/products/${product.id}/images?alt=${encodeURIComponent(picture.alt)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${access}`, "content-type": "image/png" },
      body: demoPictureBytes(picture),
    });
    if (res.status !== 201) throw new Error(`demo pictures: ${picture.file} for ${picture.product} answered ${res.status}: ${await res.text()}`);
    added++;
  }
  return added;
}
