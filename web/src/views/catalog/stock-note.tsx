import { stockText } from "../../variant-choice";

export function StockNote({ stock, inStock }: { stock: number; inStock: boolean }) {
  return <span class={inStock ? "stock" : "stock stock-out"}>{stockText(stock, inStock)}</span>;
}
