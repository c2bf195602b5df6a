import { z } from "zod";

/** Every mail the shop sends; an outbox row's `template` is one of these. */
export const EMAIL_TEMPLATES = [
  "verify_email",
  "password_reset",
  "order_placed",
  "order_paid",
  "order_shipped",
  "order_delivered",
  "order_cancelled",
  "order_refunded",
] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

export interface ShopInfo {
  name: string;
  /** The storefront's base URL, without a trailing slash. */
  url: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** A template or data the sender cannot render: retrying will not help, the row fails at once. */
export class UnrenderableEmail extends Error {}

const TokenData = z.object({ token: z.string().min(1) });

const money = z.union([z.string(), z.number()]).transform(String);
const OrderData = z.object({
  order: z.object({
    id: z.number(),
    status: z.string().optional(),
    currency: z.string().optional(),
    subtotal: money.optional(),
    discount_total: money.optional(),
    shipping_total: money.optional(),
    tax_total: money.optional(),
    total: money,
    items: z
      .array(
        z.object({
          name: z.string(),
          sku: z.string().nullish(),
          options: z.record(z.string(), z.unknown()).nullish(),
          unit_price: money,
          quantity: z.number(),
          line_total: money.optional(),
        }),
      )
      .default([]),
    shipping_address: z.record(z.string(), z.unknown()).nullish(),
  }),
  refund: z.object({ amount: money }).optional(),
});
type Order = z.infer<typeof OrderData>["order"];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One paragraph list as text and as simple HTML (no images, no remote content). */
function compose(shop: ShopInfo, subject: string, paragraphs: string[], extra: { textBlock?: string; htmlBlock?: string; link?: { url: string; label: string } } = {}): RenderedEmail {
  const text = [
    ...paragraphs,
    ...(extra.link ? [`${extra.link.label}: ${extra.link.url}`] : []),
    ...(extra.textBlock ? [extra.textBlock] : []),
    `— ${shop.name}\n${shop.url}`,
  ].join("\n\n");
  const html = [
    `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#222;max-width:36rem">`,
    `<h2>${escapeHtml(shop.name)}</h2>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(extra.link ? [`<p><a href="${escapeHtml(extra.link.url)}">${escapeHtml(extra.link.label)}</a></p>`] : []),
    ...(extra.htmlBlock ? [extra.htmlBlock] : []),
    `<p style="color:#777">— <a href="${escapeHtml(shop.url)}">${escapeHtml(shop.name)}</a></p>`,
    `</body></html>`,
  ].join("\n");
  return { subject: `${subject} · ${shop.name}`, text, html };
}

function tokenOf(data: unknown): string {
  const parsed = TokenData.safeParse(data);
  if (!parsed.success) throw new UnrenderableEmail("the row holds no token");
  return parsed.data.token;
}

const withCurrency = (amount: string, currency: string | undefined) => (currency ? `${amount} ${currency.toUpperCase()}` : amount);

function describeOptions(options: Record<string, unknown> | null | undefined): string {
  if (!options) return "";
  const parts = Object.entries(options).map(([k, v]) => `${k}: ${String(v)}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/** The order's lines and totals, as a text block and as an HTML table. */
function orderSummary(order: Order): { textBlock: string; htmlBlock: string } {
  const c = order.currency;
  const lines = order.items.map((item) => {
    const label = `${item.name}${describeOptions(item.options)}${item.sku ? ` [${item.sku}]` : ""}`;
    return { label, qty: item.quantity, unit: item.unit_price, total: item.line_total ?? item.unit_price };
  });
  const totals: [string, string | undefined][] = [
    ["Subtotal", order.subtotal],
    ["Discount", order.discount_total && order.discount_total !== "0.00" ? `-${order.discount_total}` : undefined],
    ["Shipping", order.shipping_total],
    ["Tax", order.tax_total],
    ["Total", order.total],
  ];
  const shownTotals = totals.filter((t): t is [string, string] => t[1] !== undefined);
  const address = order.shipping_address
    ? ["name", "line1", "line2", "postal_code", "city", "region", "country"]
        .map((k) => order.shipping_address?.[k])
        .filter((v): v is string => typeof v === "string" && v !== "")
        .join(", ")
    : "";
  const textBlock = [
    ...lines.map((l) => `${l.qty} × ${l.label} @ ${l.unit} = ${l.total}`),
    "",
    ...shownTotals.map(([k, v]) => `${k}: ${withCurrency(v, c)}`),
    ...(address ? ["", `Ship to: ${address}`] : []),
  ].join("\n");
  const cell = (s: string, right = false) => `<td style="padding:2px 8px${right ? ";text-align:right" : ""}">${escapeHtml(s)}</td>`;
  const htmlBlock = [
    `<table style="border-collapse:collapse">`,
    ...lines.map((l) => `<tr>${cell(`${l.qty} ×`)}${cell(l.label)}${cell(l.unit, true)}${cell(l.total, true)}</tr>`),
    ...shownTotals.map(([k, v]) => `<tr><td></td>${cell(k)}<td></td>${cell(withCurrency(v, c), true)}</tr>`),
    `</table>`,
    ...(address ? [`<p>Ship to: ${escapeHtml(address)}</p>`] : []),
  ].join("\n");
  return { textBlock, htmlBlock };
}

const ORDER_WORDING: Record<Exclude<EmailTemplate, "verify_email" | "password_reset">, (id: number) => { subject: string; lead: string }> = {
  order_placed: (id) => ({ subject: `Order #${id} received`, lead: `Thank you for your order #${id}. We have received it and will let you know when it is paid and on its way.` }),
  order_paid: (id) => ({ subject: `Order #${id} paid`, lead: `We have received the payment for your order #${id}.` }),
  order_shipped: (id) => ({ subject: `Order #${id} shipped`, lead: `Your order #${id} is on its way.` }),
  order_delivered: (id) => ({ subject: `Order #${id} delivered`, lead: `Your order #${id} has been delivered. We hope you enjoy it.` }),
  order_cancelled: (id) => ({ subject: `Order #${id} cancelled`, lead: `Your order #${id} has been cancelled. Anything you paid is refunded.` }),
  order_refunded: (id) => ({ subject: `Refund for order #${id}`, lead: `We have refunded part or all of your order #${id}.` }),
};

/** Subject, text and HTML of one outbox row. Throws UnrenderableEmail for an unknown template or bad data. */
export function renderEmail(template: string, data: unknown, shop: ShopInfo): RenderedEmail {
  switch (template) {
    case "verify_email": {
      const url = `${shop.url}/#/verify-email?token=${encodeURIComponent(tokenOf(data))}`;
      return compose(shop, "Confirm your email address", [`Please confirm that this is your email address for your ${shop.name} account. The link works for 24 hours.`], {
        link: { url, label: "Confirm your email address" },
      });
    }
    case "password_reset": {
      const url = `${shop.url}/#/reset-password?token=${encodeURIComponent(tokenOf(data))}`;
      return compose(
        shop,
        "Reset your password",
        [
          `Someone (we hope you) asked to reset the password of your ${shop.name} account. The link works once, for 30 minutes, and signs you out everywhere.`,
          "If it was not you, ignore this mail: your password stays as it is.",
        ],
        { link: { url, label: "Choose a new password" } },
      );
    }
    case "order_placed":
    case "order_paid":
    case "order_shipped":
    case "order_delivered":
    case "order_cancelled":
    case "order_refunded": {
      const parsed = OrderData.safeParse(data);
      if (!parsed.success) throw new UnrenderableEmail(`the ${template} row holds no readable order`);
      const { order, refund } = parsed.data;
      const { subject, lead } = ORDER_WORDING[template](order.id);
      const paragraphs = [lead];
      if (template === "order_refunded" && refund) paragraphs.push(`Refunded: ${withCurrency(refund.amount, order.currency)}.`);
      return compose(shop, subject, paragraphs, orderSummary(order));
    }
    default:
      throw new UnrenderableEmail(`unknown template ${JSON.stringify(template).slice(0, 40)}`);
  }
}
