// A guest order's access token is shown once (POST /api/guest/orders) and reads that order only. It is
// kept for this tab (sessionStorage): it survives the trip to the payment page and back, and goes
// when the tab does, so it is not left lying in the browser.
const KEY_PREFIX = "edge-shop.guest-order:";

export function saveGuestToken(orderId: number, token: string): void {
  sessionStorage.setItem(`${KEY_PREFIX}${orderId}`, token);
}

export function guestToken(orderId: number): string | null {
  return sessionStorage.getItem(`${KEY_PREFIX}${orderId}`);
}
