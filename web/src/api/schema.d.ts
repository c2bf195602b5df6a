// Generated from GET /api/openapi.json by `npm run api:types` (openapi-typescript). Do not edit:
// change the Worker's zod schemas and routes, then run that command and commit the result.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness of the Worker and its backing services
         * @description Checks Postgres (`select 1`) and Redis (`PING`). 503 problem+json names each failing part in `db` / `cache` (`ok` or `down`).
         */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account
         * @description Emails are trimmed, lower-cased and unique regardless of case (409 when taken). Each registration costs a deliberately slow password hash, so one client address gets a bounded number per hour (429 with `Retry-After` beyond it).
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in for an access and a refresh token
         * @description Attempts are counted before the password is checked, so the limits hold for simultaneous attempts too: 10 per (email, client address), 100 per client address and 100 per email from all addresses, in a 15-minute window (IPv6 clients count per /64, and each /48 has 1,000). Every attempt, successful or not, also counts in looser limits: 1,000 per client address and 300 per email. At a limit every attempt, even with the right password, answers 429 with `Retry-After`. A successful login does not count as a failure. The limits hold while the rate-limit store is down too (attempts are then counted in the database). The access token names its session (the refresh-token family).
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate a refresh token
         * @description The presented refresh token stops working. Presenting one that was already rotated revokes its whole family (reuse detection), closes that session's notification sockets (4001) and answers 401. Except a retry: a refresh sent with an `Idempotency-Key` may be sent again with the same token and key for 30 seconds, while the refresh token it issued is unused, and answers with that same refresh token (and a fresh access token). A session lives at most 30 days from its login, however often it is rotated.
         */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a session: revoke its refresh-token family and close its notification sockets (4001)
         * @description The refresh token comes in the body, or as the refresh cookie with `Refresh-Token-Transport: cookie` (the cookie is then cleared).
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update name, phone or address
         * @description Only `name`, `phone` and `address` are accepted; any other field (`email`, `is_admin`, `id`, …) is a 400 and nothing is applied.
         */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List categories, ordered by name
         * @description Served from the Redis cache when fresh (`X-Cache: hit|miss|bypass`); carries an `ETag`, and `If-None-Match` with the current tag answers 304. Unknown query parameters are a 400 naming them.
         */
        get: operations["listCategories"];
        put?: never;
        /** Create a category (admin) */
        post: operations["createCategory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One category
         * @description Served from the Redis cache when fresh (`X-Cache: hit|miss|bypass`); carries an `ETag`, and `If-None-Match` with the current tag answers 304. Unknown query parameters are a 400 naming them.
         */
        get: operations["getCategory"];
        put?: never;
        post?: never;
        /** Delete a category (admin); 409 while products reference it */
        delete: operations["deleteCategory"];
        options?: never;
        head?: never;
        /** Update a category (admin) */
        patch: operations["updateCategory"];
        trace?: never;
    };
    "/api/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List products with filters, ordering, pages or keyset cursors
         * @description Each product carries its category, options, live variants and images from the same query. `option=<name>:<value>` (repeatable) keeps the products that have a live variant with each value given, and works with every other filter, ordering, page and cursor. Served from the Redis cache when fresh (`X-Cache: hit|miss|bypass`); carries an `ETag`, and `If-None-Match` with the current tag answers 304. Unknown query parameters are a 400 naming them.
         */
        get: operations["listProducts"];
        put?: never;
        /**
         * Create a product with its variants (admin)
         * @description Without `options`: `price` (and optional `stock`, `sku`) make the product's one variant, whose id is the product's (SKU default `SKU-<id>`). With `options` (at most 3): `variants` (1–100) are required, each naming exactly the product's options with allowed values (400 naming the path, e.g. `variants.1.options.Size`), no two alike (400). SKUs are unique across the shop, ignoring case (409 `sku-taken`). The product's `price` is its lowest variant price and `stock` their sum. Product and variants are written in one statement.
         */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One product
         * @description Served from the Redis cache when fresh (`X-Cache: hit|miss|bypass`); carries an `ETag`, and `If-None-Match` with the current tag answers 304. Unknown query parameters are a 400 naming them.
         */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        /**
         * Delete a product (admin); ordered products are soft-deleted and kept for history
         * @description A soft-deleted product's variants are soft-deleted with it (their SKUs are free again); a removed product's variants go with it. Cart lines of it leave the carts.
         */
        delete: operations["deleteProduct"];
        options?: never;
        head?: never;
        /**
         * Update a product (admin)
         * @description `price` and `stock` set those of a product's one variant (409 `product-has-variants` for a product with several: change each variant instead). New `options` must still fit every live variant (400 otherwise); a product without options that gets some gives its one variant the first value of each.
         */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/api/products/{id}/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add/remove stock atomically or set it (admin); never below 0 (409)
         * @description For a product with one variant: that variant's stock. A product with several variants is 409 `product-has-variants` (use `/api/variants/{id}/stock`).
         */
        post: operations["changeStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a variant to a product (admin)
         * @description `options` must name exactly the product's options, each with one of its values (400 naming the path, e.g. `options.Size`), and differ from every other variant's (400). SKUs are unique across the shop, ignoring case (409 `sku-taken`). A product holds at most 100 variants (409 `too-many-variants`). `image_id` must be one of the product's images. The product's `price` (lowest live variant price) and `stock` (their sum) change in the same transaction; cached catalog reads are invalidated.
         */
        post: operations["createVariant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/variants/{variant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a variant (admin); ordered variants are soft-deleted and kept for history
         * @description A product keeps at least one variant: deleting its last is 409 (`last-variant`; delete the product instead). Cart lines of the variant leave the carts. The product's `price` (lowest live variant price) and `stock` (their sum) change in the same transaction; cached catalog reads are invalidated.
         */
        delete: operations["deleteVariant"];
        options?: never;
        head?: never;
        /**
         * Change a variant's SKU, options, price, stock or image (admin)
         * @description The same rules as for a new variant. A variant of another product is 404. The product's `price` (lowest live variant price) and `stock` (their sum) change in the same transaction; cached catalog reads are invalidated.
         */
        patch: operations["updateVariant"];
        trace?: never;
    };
    "/api/variants/{id}/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add/remove a variant's stock atomically or set it (admin); never below 0 (409)
         * @description `{ delta }` adds (negative removes) atomically, also under simultaneous requests; `{ stock }` sets it. Below 0 is 409 `insufficient-stock`, above 1,000,000,000 409 `stock-limit`; nothing changes then. The product's `price` (lowest live variant price) and `stock` (their sum) change in the same transaction; cached catalog reads are invalidated.
         */
        post: operations["changeVariantStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The current user's cart */
        get: operations["getCart"];
        put?: never;
        post?: never;
        /** Empty the cart */
        delete: operations["clearCart"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a variant (adds to any quantity already there)
         * @description `{ variant_id, quantity }`, or `{ product_id, quantity }` for a product with one variant (a product with several is 400 asking for `variant_id`). A line is one variant. Unknown or deleted variant or product, or a variant of another product than `product_id` → 404; more than the variant's current stock → 409 (`insufficient-stock`, naming the product and variant); a 101st line → 409 (`cart-full`: a cart holds at most 100 lines). The cart holds no stock. Lines of deleted variants or products leave the cart: neither listed nor counted.
         */
        post: operations["addCartItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/items/{variant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a line
         * @description The line is named by its variant id (for a product with one variant, that is the product's id).
         */
        delete: operations["removeCartItem"];
        options?: never;
        head?: never;
        /**
         * Set a line's quantity (≥ 1)
         * @description The line is named by its variant id (for a product with one variant, that is the product's id). More than the variant's stock → 409.
         */
        patch: operations["setCartQuantity"];
        trace?: never;
    };
    "/api/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Own order history, newest first */
        get: operations["listOrders"];
        put?: never;
        /**
         * Place an order from the whole cart
         * @description The optional JSON body is a `PlaceOrderRequest`. One statement takes the stock, redeems the discount code, snapshots names, SKUs, options and prices, writes the order with copies of the address and shipping method and removes the ordered lines from the cart. The order is `pending` and unpaid: its stock is held until `expires_at` (30 minutes by default), when it cancels itself unless paid. You may hold at most 5 unpaid pending orders (409 `too-many-unpaid-orders`). Empty cart → 400; any short line → 409 (`insufficient-stock`) naming each variant with what is available, and nothing is taken. A cart becomes at most one order: of simultaneous orders of one user (a double click), one is 201 and the others find the cart empty (400); a line added meanwhile is either in that order or still in the cart. With `Idempotency-Key`, the same key and body replay the first answer (`Idempotent-Replayed: true`); the same key with another body → 409. Address: `shipping_address_id` (one of yours), `shipping_address`, or else your default address; with none at all the order ships nowhere (no shipping, no tax). Shipping: `shipping_method_id`, or else the cheapest active method that ships to the address's country (409 `no-shipping-method` / `shipping-unavailable` naming the country). Totals: `subtotal` is the sum of the lines (unit price × quantity); a percent code takes its share of each line, rounded half-up to cents; a fixed code is spread over the lines in proportion to their totals (largest remainder, never more than the subtotal); shipping is free when the goods after discount reach the method's `free_over`, or with a free-shipping code; prices exclude tax, and the most specific tax rate (country and region, else country) applies to each line after its discount and to shipping, rounded half-up per line; `total = subtotal − discount_total + shipping_total + tax_total`. Codes: unknown 404 `discount-not-found`; inactive, not yet started, expired, used up (`usage_limit`, or your `per_customer_limit`) or below `min_subtotal` (with the amount `missing`) are 409 naming the reason.
         */
        post: operations["placeOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The totals an order of the cart would have now
         * @description Prices the cart exactly as `POST /api/orders` would, and refuses exactly what it would refuse, without taking or writing anything. Address: `shipping_address_id` (one of yours), `shipping_address`, or else your default address; with none at all the order ships nowhere (no shipping, no tax). Shipping: `shipping_method_id`, or else the cheapest active method that ships to the address's country (409 `no-shipping-method` / `shipping-unavailable` naming the country). Totals: `subtotal` is the sum of the lines (unit price × quantity); a percent code takes its share of each line, rounded half-up to cents; a fixed code is spread over the lines in proportion to their totals (largest remainder, never more than the subtotal); shipping is free when the goods after discount reach the method's `free_over`, or with a free-shipping code; prices exclude tax, and the most specific tax rate (country and region, else country) applies to each line after its discount and to shipping, rounded half-up per line; `total = subtotal − discount_total + shipping_total + tax_total`. Codes: unknown 404 `discount-not-found`; inactive, not yet started, expired, used up (`usage_limit`, or your `per_customer_limit`) or below `min_subtotal` (with the amount `missing`) are 409 naming the reason.
         */
        post: operations["quote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guest/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Place an order without an account
         * @description The lines come with the request (`variant_id`, or `product_id` for a product with one variant); an address is required. Same rules, totals and stock hold as `POST /api/orders`; the order's emails go to `email`, which may hold at most 5 unpaid pending orders. The answer carries `access_token`, shown once: it reads this order (and no other) at `GET /api/guest/orders/{id}`. Registering later with the same email, once it is verified, brings the order into the account. Address: `shipping_address_id` (one of yours), `shipping_address`, or else your default address; with none at all the order ships nowhere (no shipping, no tax). Shipping: `shipping_method_id`, or else the cheapest active method that ships to the address's country (409 `no-shipping-method` / `shipping-unavailable` naming the country). Totals: `subtotal` is the sum of the lines (unit price × quantity); a percent code takes its share of each line, rounded half-up to cents; a fixed code is spread over the lines in proportion to their totals (largest remainder, never more than the subtotal); shipping is free when the goods after discount reach the method's `free_over`, or with a free-shipping code; prices exclude tax, and the most specific tax rate (country and region, else country) applies to each line after its discount and to shipping, rounded half-up per line; `total = subtotal − discount_total + shipping_total + tax_total`. Codes: unknown 404 `discount-not-found`; inactive, not yet started, expired, used up (`usage_limit`, or your `per_customer_limit`) or below `min_subtotal` (with the amount `missing`) are 409 naming the reason.
         */
        post: operations["placeGuestOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guest/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A guest order, with its access token
         * @description `Authorization: Bearer <access_token>` of this order. Any other token, or an order that is not a guest order, is 404.
         */
        get: operations["getGuestOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One own order with its items
         * @description Another user's order is 404, exactly like a missing one.
         */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an own pending order; its stock returns
         * @description Only while `pending`: the held stock and the discount code's use come back. A paid order is cancelled by an admin (which refunds it).
         */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All orders, newest first (admin) */
        get: operations["adminListOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Move an order's status (admin)
         * @description Allowed: pending → paid (records an offline payment: `payment_method` manual, `amount_paid` = total), paid → shipped → delivered, pending → cancelled (stock and the discount use come back), paid → cancelled (stock comes back and the unrefunded payment is refunded). Anything else → 409 with `allowed`. Each change writes a history row, a notification for the owner and the email for the new status in the same transaction, then pushes the notification to the owner's open WebSockets.
         */
        patch: operations["adminChangeStatus"];
        trace?: never;
    };
    "/api/notifications/ws": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * WebSocket of live notifications
         * @description Upgrade with a single-use ticket, `?ticket=<ticket>` from `POST /api/notifications/ws-ticket` (what browsers should use: they cannot set headers on a WebSocket, and a ticket keeps the access token out of URLs), or with `Authorization: Bearer <access>`. `?token=<access>` still works for older clients (the API never writes it to a log). A ticket is used up only by a successful upgrade. Each status change of one of your orders arrives as one JSON text message shaped like a Notification, within a second: in increasing id order, each once, without gaps. Send `{"type":"ping"}` to get `{"type":"pong"}`. After a reconnect, fetch `GET /api/notifications?after=<last id seen>` (following `next`) before trusting that id again. Close codes: **4000** resync (the server could not guarantee the order): reconnect and catch up; **4001** session ended: logout, reuse of a rotated refresh token, or the access token expired. Refresh (log in again if that fails) and reconnect with the new access token; **4002** too many sockets: a user holds at most 20, and opening one more closes the oldest.
         */
        get: operations["socket"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/ws-ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A single-use ticket to open the notifications WebSocket
         * @description Returns a ticket that opens one socket (`GET /api/notifications/ws?ticket=<ticket>`) for this access token's session, within 30 seconds (never past the access token's own expiry). Tickets are stored hashed and used up by the upgrade, so an address that leaks to a log or a history opens nothing.
         */
        post: operations["socketTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Own notifications, newest first
         * @description `after=<id>`: only newer ones, oldest first — after a WebSocket reconnect, fetch from the last id seen. `unread=true` filters.
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all own notifications read */
        post: operations["markAllRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one notification read */
        post: operations["markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's address book
         * @description At most 20 addresses: the default first, then the most recently added.
         */
        get: operations["listAddresses"];
        put?: never;
        /**
         * Add an address
         * @description A book holds at most 20 addresses: one more is 409 `address-limit`, also when several are added at once. The first address becomes the default; `is_default: true` moves the default to the new one. `country` is an ISO 3166-1 alpha-2 code in either case (stored upper case); an unknown one is 400.
         */
        post: operations["createAddress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/addresses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of the caller's addresses
         * @description Another user's address is 404, exactly like a missing one.
         */
        get: operations["getAddress"];
        put?: never;
        post?: never;
        /**
         * Delete an address
         * @description Deleting the default makes the most recently added remaining address the default. Orders keep their own copy of the address. Another user's address is 404.
         */
        delete: operations["deleteAddress"];
        options?: never;
        head?: never;
        /**
         * Change an address or make it the default
         * @description Only the fields sent change; `null` clears an optional line. `is_default: true` makes it the default (the previous default stops being one, in the same transaction). Another user's address is 404.
         */
        patch: operations["updateAddress"];
        trace?: never;
    };
    "/api/shipping-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The shipping methods that ship to a country, cheapest first
         * @description `country` (required) is an ISO 3166-1 alpha-2 code in either case; an unknown code is 400. Only active methods are listed.
         */
        get: operations["listShippingMethods"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/shipping-methods": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All shipping methods, active or not, by id (admin) */
        get: operations["adminListShippingMethods"];
        put?: never;
        /**
         * Create a shipping method (admin)
         * @description `countries`: 1–249 ISO 3166-1 alpha-2 codes in either case, stored upper case, deduplicated and sorted. `free_over` null (or absent): shipping is never free.
         */
        post: operations["createShippingMethod"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/shipping-methods/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One shipping method (admin) */
        get: operations["adminGetShippingMethod"];
        put?: never;
        post?: never;
        /**
         * Delete a shipping method (admin)
         * @description Orders that used it keep their own copy of its name and price. To stop offering a method but keep it, set `active: false` instead.
         */
        delete: operations["deleteShippingMethod"];
        options?: never;
        head?: never;
        /**
         * Change a shipping method (admin)
         * @description Only the fields sent change; `countries` replaces the whole list. Orders already placed keep the name and price they were placed with.
         */
        patch: operations["updateShippingMethod"];
        trace?: never;
    };
    "/api/admin/tax-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All tax rates, by id (admin) */
        get: operations["listTaxRates"];
        put?: never;
        /**
         * Create a tax rate (admin)
         * @description A rate is a percentage with two decimals (`"20.00"`, 0–100; a number or a decimal string is accepted). `region` null or absent: the whole country; a region's own rate wins over its country's, and applies to goods and shipping. One rate per country and region (regions compare case-insensitively): a second is 409 `tax-rate-exists`.
         */
        post: operations["createTaxRate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/tax-rates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One tax rate (admin) */
        get: operations["getTaxRate"];
        put?: never;
        post?: never;
        /**
         * Delete a tax rate (admin)
         * @description Orders keep the tax they were placed with.
         */
        delete: operations["deleteTaxRate"];
        options?: never;
        head?: never;
        /**
         * Change a tax rate (admin)
         * @description Only the fields sent change. A rate is a percentage with two decimals (`"20.00"`, 0–100; a number or a decimal string is accepted). `region` null or absent: the whole country; a region's own rate wins over its country's, and applies to goods and shipping. One rate per country and region (regions compare case-insensitively): a second is 409 `tax-rate-exists`.
         */
        patch: operations["updateTaxRate"];
        trace?: never;
    };
    "/api/admin/discounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** All discount codes, by id (admin) */
        get: operations["listDiscounts"];
        put?: never;
        /**
         * Create a discount code (admin)
         * @description `code`: 1–64 of A–Z, a–z, 0–9, '-', '_', unique regardless of case (409 `discount-code-taken`). `value`: a percent 0.01–100 for `percent`, an amount above 0 for `fixed`, ignored (stored as 0) for `free_shipping`. `ends_at` must be after `starts_at`. Limits are whole numbers from 1, or null for none. `times_used` is the server's.
         */
        post: operations["createDiscount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/discounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One discount code (admin) */
        get: operations["getDiscount"];
        put?: never;
        post?: never;
        /**
         * Delete a discount code (admin)
         * @description Orders keep the code and the amount it took off. To stop a code but keep its history, set `active: false` instead.
         */
        delete: operations["deleteDiscount"];
        options?: never;
        head?: never;
        /**
         * Change a discount code (admin)
         * @description Only the fields sent change; the rules hold for the result (a new `value` is checked against the stored `kind`, one date against the other). `usage_limit` below `times_used` is 409 `usage-limit-below-uses`. `code`: 1–64 of A–Z, a–z, 0–9, '-', '_', unique regardless of case (409 `discount-code-taken`). `value`: a percent 0.01–100 for `percent`, an amount above 0 for `fixed`, ignored (stored as 0) for `free_shipping`. `ends_at` must be after `starts_at`. Limits are whole numbers from 1, or null for none. `times_used` is the server's.
         */
        patch: operations["updateDiscount"];
        trace?: never;
    };
    "/api/products/{id}/images": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a picture to a product (admin)
         * @description The body is the image file itself (not JSON, not multipart), at most 5 MiB; `?alt=` gives its alt text (at most 500 characters). The type is read from the bytes: JPEG, PNG, WebP or AVIF. Anything else is 415, and so is a `Content-Type` that names another type than the bytes are (leave it out or send `application/octet-stream` to let the bytes speak), and an image whose width and height cannot be read. Over 12,000 px wide or high is 400. A body over 5 MiB is 413, refused from its `Content-Length` before it is read (or as soon as 5 MiB have streamed in). The bytes are stored once under their SHA-256 (the same file uploaded twice, to any product, is one stored object) and served at the returned `url`. The picture goes last (`position` = the number of pictures before it); cached product reads show it at once.
         */
        post: operations["uploadImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/images/{image_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a picture from a product (admin)
         * @description The pictures after it move up one place. The stored bytes are deleted after the response once no picture of any product refers to them (identical files share them). Variants that showed this picture show none. An image of another product is 404.
         */
        delete: operations["deleteImage"];
        options?: never;
        head?: never;
        /**
         * Change a picture's alt text or place (admin)
         * @description `position` moves the picture among the product's pictures (0 = first); the others shift so positions stay 0 … n-1 in order, and a position past the end means last. An image of another product is 404.
         */
        patch: operations["updateImage"];
        trace?: never;
    };
    "/images/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bytes of a stored picture
         * @description Keys are the SHA-256 of the bytes, so a URL never changes meaning: answered with `Cache-Control: public, max-age=31536000, immutable` and `ETag: "<key>"`, and `If-None-Match` with that tag is 304 without sending the bytes. An unknown key is 404.
         */
        get: operations["getImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a password reset link
         * @description Always 202 with the same body, and the same work, whether or not an account uses the email, so the answer tells nothing about who has an account. When one does, it gets a link (`<shop>/#/reset-password?token=…`) with a single-use token that works for 30 minutes. Requests are limited per email (5 an hour) and per client address (30 an hour, shared with verification mails): 429 with `Retry-After` beyond. When the limits cannot be counted (cache outage) the request is refused with 503 and `Retry-After` rather than sent unthrottled.
         */
        post: operations["passwordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the token from a reset link
         * @description Sets the password and ends every session of the user: all refresh tokens stop working and open notification sockets close with 4001 (access tokens already issued run out within their 15 minutes). The token works once; the user's other reset links stop working too. A used, expired or unknown token is 400 and changes nothing; a password outside 8–128 characters is 400 and the token stays usable.
         */
        post: operations["passwordResetConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a new email verification link
         * @description Registration mails a link already; this sends a fresh one (`<shop>/#/verify-email?token=…`, valid 24 hours; earlier links keep working until they expire). Limited to 5 an hour per user and 30 an hour per client address (429 with `Retry-After`; 503 when the limits cannot be counted). 409 `email-already-verified` when the email is verified already (nothing is sent).
         */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/verify-email/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an email address with the token from a verification link
         * @description Sets the user's `email_verified_at` and, in the same transaction, moves every guest order placed with that email into the account. No login is needed (the link may be opened on another device). A used, expired or unknown token is 400 and changes nothing.
         */
        post: operations["verifyEmailConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The email outbox, newest first (admin)
         * @description Every mail the shop has sent or will send. `pending` mails are delivered right after the request that caused them and retried by the minute sweep with exponential backoff (30 s doubling by default, `EMAIL_RETRY_BASE_SECONDS`; at most an hour); after 8 attempts, or at once when the provider refuses the mail itself, a mail is `failed` and `last_error` says why. A retry uses the same provider idempotency key, so no mail is sent twice. Contents (and the tokens in links) are never shown.
         */
        get: operations["adminListEmails"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay an own pending order with Stripe Checkout
         * @description Answers the URL of a Stripe Checkout Session for exactly the order's total and currency; send the customer there. Stripe returns them to the storefront's order page (`SHOP_URL`, or this request's origin, `/#/orders/{id}`) after paying, and to `/#/orders/{id}?payment=cancelled` when they decline or leave; the order becomes `paid` when Stripe's webhook confirms the payment. Asking again returns the same session while it is open (one session per order at a time; the call to Stripe is idempotent, so a retry never creates a second one). Stripe keeps a session open for at least 30 minutes: the session expires when the order's hold does if that is at least 31 minutes away, otherwise about 31–41 minutes from now, and the order's hold (`expires_at`) is stretched to the session's expiry so the order is not cancelled while its payment page still takes money. 409 `order-not-payable` for an order that is not pending and unpaid, 409 `order-expired` when its hold has run out; another user's order is 404. 503 naming `stripe` when Stripe cannot be reached (nothing changes). Takes no body.
         */
        post: operations["startCheckout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/guest/orders/{id}/payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay a pending guest order with Stripe Checkout
         * @description As `POST /api/orders/{id}/payment`, for a guest order: `Authorization: Bearer <access_token>` of this order (any other token, or an order that is not a guest order, is 404). Stripe returns the customer to `/#/guest/orders/{id}` on the storefront (`?payment=cancelled` when they decline or leave).
         */
        post: operations["startGuestCheckout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/stripe/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe's webhook endpoint
         * @description For Stripe only. The `Stripe-Signature` header must verify over the raw body with the endpoint's signing secret (`STRIPE_WEBHOOK_SECRET`, HMAC-SHA256) and be at most 5 minutes old, else 400 and nothing changes. Each event id is handled once: a replay, or the same event delivered several times at once, answers 200 and changes nothing. `checkout.session.completed` (and `checkout.session.async_payment_succeeded`) with `payment_status: "paid"` for exactly the order's total and currency moves a pending order to `paid` (notification, email); a mismatch, an unknown order or an unpaid session is recorded with its outcome and changes nothing. A payment for an order that was cancelled meanwhile is refunded in full automatically (`refund-after-cancel`). `charge.refunded` and `refund.created` / `refund.updated` / `refund.failed` keep the refunds and the order's `amount_refunded` / `payment_status` true (a failed refund gives its amount back; a refund made in Stripe's dashboard is recorded). Other event types are acknowledged and ignored. Body at most 64 KiB (413).
         */
        post: operations["stripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/orders/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a paid order, in full or in part (admin)
         * @description `amount` defaults to what is left (`amount_paid - amount_refunded`). The refunds of an order never add up to more than was paid, also under simultaneous requests: a refund that would is 409 `refund-exceeds-payment` and changes nothing; an order that was never paid is 409 `order-not-paid`. The amount counts as refunded at once (`amount_refunded`, `payment_status`); the refund is then sent to Stripe after the response (its `id` is Stripe's idempotency key) and its `status` follows Stripe: `pending` → `succeeded`, or `failed`, which gives the amount back. A payment recorded by hand (`payment_method: "manual"`) is refunded by hand: the refund is `succeeded` at once. `restock: true` returns the order's items to stock (once per order; a cancelled order's stock has already gone back: then `restocked` is false). The customer gets the refund email. With `Idempotency-Key` (per order), the same key and body answer the refund it made, as it is now, with `Idempotent-Replayed: true`; the same key with another body is 409.
         */
        post: operations["createRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        PlaceOrderRequest: {
            /**
             * Format: int32
             * @description One of your addresses (`/api/me/addresses`).
             */
            shipping_address_id?: number;
            shipping_address?: components["schemas"]["AddressInput"];
            /**
             * Format: int32
             * @description Default: the cheapest method that ships to the address's country.
             */
            shipping_method_id?: number;
            /**
             * @description 1–64 of A–Z, a–z, 0–9, '-', '_'; unique regardless of case.
             * @example SPRING-10
             */
            discount_code?: string;
        };
        AddressInput: {
            /** @description The recipient's name. */
            name: string;
            line1: string;
            /** @default  */
            line2: string | null;
            city: string;
            /**
             * @description State, province or county, where the country has them; tax rates may depend on it.
             * @default
             */
            region: string | null;
            /** @default  */
            postal_code: string | null;
            /**
             * @description ISO 3166-1 alpha-2 country code (either case; stored in upper case).
             * @example DE
             */
            country: string;
            /** @default  */
            phone: string | null;
        };
        Health: {
            /** @enum {string} */
            status: "ok";
            /** @enum {string} */
            db: "ok";
            /** @enum {string} */
            cache: "ok";
        };
        Problem: {
            /** @example urn:problem:validation */
            type: string;
            /** @example Bad Request */
            title: string;
            /**
             * Format: int32
             * @example 400
             */
            status: number;
            /** @example The request is not valid. */
            detail: string;
            /** @description Field problems, for 400. */
            errors?: {
                path: string;
                message: string;
            }[];
        };
        User: {
            /** Format: int32 */
            id: number;
            /** Format: email */
            email: string;
            name: string;
            phone: string;
            address: string;
            is_admin: boolean;
            /**
             * Format: date-time
             * @description When the user confirmed their email address (POST /api/auth/verify-email/confirm); null until then.
             * @example 2026-01-02T03:04:05.678Z
             */
            email_verified_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            updated_at: string;
        };
        RegisterRequest: {
            /** @example ada@example.com */
            email: string;
            /** @example correct horse battery */
            password: string;
            /** @example Ada Lovelace */
            name?: string;
            /** @example +14155550100 */
            phone?: string;
            /** @example 12 Analytical Row, London */
            address?: string;
        };
        TokenPair: {
            /** @description A JWT (HS256). */
            access: string;
            /** @description Absent when the request asked for the refresh token as a cookie (`Refresh-Token-Transport: cookie`). */
            refresh?: string;
            /** @enum {string} */
            token_type: "Bearer";
            /**
             * Format: int32
             * @description Seconds until the access token expires.
             */
            expires_in: number;
        };
        LoginRequest: {
            /** @example ada@example.com */
            email: string;
            password: string;
        };
        RefreshRequest: {
            /** @description The refresh token. Required unless it travels as the refresh cookie (`Refresh-Token-Transport: cookie`). */
            refresh?: string;
        };
        UpdateProfileRequest: {
            /** @example Ada Lovelace */
            name?: string;
            /** @example +14155550100 */
            phone?: string;
            /** @example 12 Analytical Row, London */
            address?: string;
        };
        CategoryPage: {
            /**
             * Format: int64
             * @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor.
             */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /**
             * Format: uri
             * @description Full URL of the next page, or null.
             */
            next: string | null;
            /**
             * Format: uri
             * @description Full URL of the previous page (page-number paging only), or null.
             */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["Category"][];
        };
        Category: {
            /** Format: int32 */
            id: number;
            name: string;
            description: string;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            updated_at: string;
        };
        CreateCategoryRequest: {
            name: string;
            description?: string;
        };
        UpdateCategoryRequest: {
            name?: string;
            description?: string;
        };
        ProductPage: {
            /**
             * Format: int64
             * @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor.
             */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /**
             * Format: uri
             * @description Full URL of the next page, or null.
             */
            next: string | null;
            /**
             * Format: uri
             * @description Full URL of the previous page (page-number paging only), or null.
             */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["Product"][];
        };
        Product: {
            /** Format: int32 */
            id: number;
            name: string;
            description: string;
            /**
             * @description The lowest price of its variants.
             * @example 19.99
             */
            price: string;
            /**
             * Format: int64
             * @description The sum of its variants' stock.
             */
            stock: number;
            in_stock: boolean;
            category: components["schemas"]["CategoryRef"];
            /** @description At most 3; empty for a product with one plain variant. */
            options: components["schemas"]["ProductOption"][];
            /** @description Ordered by position, then id. A product without options has one variant whose id is the product's. */
            variants: components["schemas"]["Variant"][];
            /** @description Ordered by position, then id. */
            images: components["schemas"]["ProductImage"][];
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            updated_at: string;
        };
        CategoryRef: {
            /** Format: int32 */
            id: number;
            name: string;
        };
        ProductOption: {
            name: string;
            values: string[];
        };
        Variant: {
            /** Format: int32 */
            id: number;
            sku: string;
            /** @description One value for each of the product's options, e.g. `{ "Size": "M" }`; `{}` for a product without options. */
            options: {
                [key: string]: string;
            };
            /** @example 19.99 */
            price: string;
            /** Format: int32 */
            stock: number;
            in_stock: boolean;
            /** Format: int32 */
            image_id: number | null;
        };
        ProductImage: {
            /** Format: int32 */
            id: number;
            /**
             * Format: uri
             * @description Full URL of the image bytes (`/images/{key}`, immutable).
             */
            url: string;
            /** Format: int32 */
            width: number;
            /** Format: int32 */
            height: number;
            alt: string;
            /** Format: int32 */
            position: number;
        };
        CreateProductRequest: {
            name: string;
            description?: string;
            /**
             * @description Required without `variants`: the price of the product's one variant.
             * @example 19.99
             */
            price?: string;
            /** Format: int32 */
            stock?: number;
            /** @description Without `variants`: the SKU of the product's one variant (default `SKU-<id>`). */
            sku?: string;
            /** Format: int32 */
            category_id: number;
            /** @description At most 3 options, each with its allowed values (names unique case-insensitively, without ':'). */
            options?: {
                name: string;
                values: string[];
            }[];
            /** @description Required with `options`: each names exactly the product's options, with allowed values, no two alike. */
            variants?: components["schemas"]["CreateVariantRequest"][];
        };
        CreateVariantRequest: {
            sku: string;
            /** @description One allowed value for each of the product's options, e.g. `{ "Size": "M" }`. */
            options?: {
                [key: string]: string;
            };
            /**
             * @description Decimal string (a JSON number is accepted too), at most two decimals.
             * @example 19.99
             */
            price: string;
            /** Format: int32 */
            stock?: number;
            /**
             * Format: int32
             * @description One of the product's images.
             */
            image_id?: number | null;
        };
        UpdateProductRequest: {
            name?: string;
            description?: string;
            /**
             * @description For a product with one variant: that variant's price.
             * @example 19.99
             */
            price?: string;
            /**
             * Format: int32
             * @description For a product with one variant: that variant's stock.
             */
            stock?: number;
            /** Format: int32 */
            category_id?: number;
            /** @description At most 3 options, each with its allowed values (names unique case-insensitively, without ':'). */
            options?: {
                name: string;
                values: string[];
            }[];
        };
        /** @description Either `{ delta }` (added atomically; negative removes) or `{ stock }` (set). */
        StockChangeRequest: {
            /** Format: int32 */
            delta: number;
        } | {
            /** Format: int32 */
            stock: number;
        };
        VariantDetail: components["schemas"]["Variant"] & {
            /** Format: int32 */
            product_id: number;
        };
        UpdateVariantRequest: {
            sku?: string;
            /** @description One allowed value for each of the product's options, e.g. `{ "Size": "M" }`. */
            options?: {
                [key: string]: string;
            };
            /**
             * @description Decimal string (a JSON number is accepted too), at most two decimals.
             * @example 19.99
             */
            price?: string;
            /** Format: int32 */
            stock?: number;
            /**
             * Format: int32
             * @description One of the product's images, or null for none.
             */
            image_id?: number | null;
        };
        Cart: {
            items: components["schemas"]["CartItem"][];
            /** @example 19.99 */
            total: string;
        };
        CartItem: {
            product: components["schemas"]["Product"];
            variant: components["schemas"]["CartVariant"];
            /** Format: int32 */
            variant_id: number;
            /** Format: int32 */
            quantity: number;
            /**
             * @description The variant's current price × quantity.
             * @example 19.99
             */
            line_total: string;
        };
        CartVariant: {
            /** Format: int32 */
            id: number;
            sku: string;
            options: {
                [key: string]: string;
            };
            /** @example 19.99 */
            price: string;
            /** Format: int32 */
            stock: number;
            in_stock: boolean;
        };
        AddCartItemRequest: {
            /**
             * Format: int32
             * @description The variant to add.
             */
            variant_id?: number;
            /**
             * Format: int32
             * @description Alone: a product with one variant (that variant is added). With `variant_id`: the variant's product.
             */
            product_id?: number;
            /** Format: int32 */
            quantity?: number;
        };
        SetCartQuantityRequest: {
            /** Format: int32 */
            quantity: number;
        };
        Order: {
            /** Format: int32 */
            id: number;
            email: string | null;
            /** @enum {string} */
            status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
            /** @enum {string} */
            payment_status: "unpaid" | "paid" | "partially_refunded" | "refunded";
            /** @description stripe, or manual for an offline payment an admin recorded. */
            payment_method: string | null;
            /**
             * @description ISO 4217, lower case.
             * @example usd
             */
            currency: string;
            /**
             * @description Sum of the line totals (unit price × quantity), before discount, shipping and tax.
             * @example 19.99
             */
            subtotal: string;
            /** @example 19.99 */
            discount_total: string;
            /** @example 19.99 */
            shipping_total: string;
            /** @example 19.99 */
            tax_total: string;
            /**
             * @description subtotal − discount_total + shipping_total + tax_total.
             * @example 19.99
             */
            total: string;
            /**
             * @description Percent applied to goods and shipping.
             * @example 20.00
             */
            tax_rate: string;
            discount_code: string | null;
            shipping_address: components["schemas"]["ShippingAddress"];
            /** @description The method and the shipping price charged (0.00 when free). */
            shipping_method: {
                /** Format: int32 */
                id: number;
                name: string;
                /** @example 19.99 */
                price: string;
            } | null;
            /** @example 19.99 */
            amount_paid: string;
            /** @example 19.99 */
            amount_refunded: string;
            items: components["schemas"]["OrderItem"][];
            /**
             * Format: date-time
             * @description While pending and unpaid: when the order cancels itself and its stock returns.
             * @example 2026-01-02T03:04:05.678Z
             */
            expires_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            paid_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            updated_at: string;
        };
        ShippingAddress: {
            name: string;
            line1: string;
            line2: string;
            city: string;
            region: string;
            postal_code: string;
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            phone: string;
        } | null;
        OrderItem: {
            /** Format: int32 */
            product_id: number;
            /** Format: int32 */
            variant_id: number;
            sku: string;
            /** @description The variant's option values at the time of the order. */
            options: {
                [key: string]: string;
            };
            /**
             * Format: uri
             * @description Path of the variant's (or product's first) image at the time of the order, on this server.
             */
            image_url: string | null;
            name: string;
            /** @example 19.99 */
            unit_price: string;
            /** Format: int32 */
            quantity: number;
            /** @example 19.99 */
            line_total: string;
            /**
             * @description This line's share of the discount.
             * @example 19.99
             */
            discount: string;
            /**
             * @description Tax on this line after its discount, rounded half-up to cents.
             * @example 19.99
             */
            tax: string;
        };
        Quote: {
            /**
             * @description ISO 4217, lower case.
             * @example usd
             */
            currency: string;
            /**
             * @description Sum of the line totals (unit price × quantity), before discount, shipping and tax.
             * @example 19.99
             */
            subtotal: string;
            /** @example 19.99 */
            discount_total: string;
            /** @example 19.99 */
            shipping_total: string;
            /** @example 19.99 */
            tax_total: string;
            /**
             * @description subtotal − discount_total + shipping_total + tax_total.
             * @example 19.99
             */
            total: string;
            /**
             * @description Percent applied to goods and shipping.
             * @example 20.00
             */
            tax_rate: string;
            discount_code: string | null;
            shipping_address: components["schemas"]["ShippingAddress"];
            /** @description The method and the shipping price charged (0.00 when free). */
            shipping_method: {
                /** Format: int32 */
                id: number;
                name: string;
                /** @example 19.99 */
                price: string;
            } | null;
            items: {
                /** Format: int32 */
                product_id: number;
                /** Format: int32 */
                variant_id: number;
                sku: string;
                /** @description The variant's option values at the time of the order. */
                options: {
                    [key: string]: string;
                };
                name: string;
                /** @example 19.99 */
                unit_price: string;
                /** Format: int32 */
                quantity: number;
                /** @example 19.99 */
                line_total: string;
                /**
                 * @description This line's share of the discount.
                 * @example 19.99
                 */
                discount: string;
                /**
                 * @description Tax on this line after its discount, rounded half-up to cents.
                 * @example 19.99
                 */
                tax: string;
            }[];
        };
        QuoteRequest: {
            /**
             * Format: int32
             * @description One of your addresses (`/api/me/addresses`).
             */
            shipping_address_id?: number;
            shipping_address?: components["schemas"]["AddressInput"];
            /**
             * Format: int32
             * @description Default: the cheapest method that ships to the address's country.
             */
            shipping_method_id?: number;
            /**
             * @description 1–64 of A–Z, a–z, 0–9, '-', '_'; unique regardless of case.
             * @example SPRING-10
             */
            discount_code?: string;
        };
        GuestOrderCreated: components["schemas"]["Order"] & {
            /** @description Shown once: `Authorization: Bearer <access_token>` reads this order at GET /api/guest/orders/{id}. */
            access_token: string;
        };
        GuestOrderRequest: {
            /** Format: email */
            email: string;
            items: {
                /** Format: int32 */
                variant_id?: number;
                /** Format: int32 */
                product_id?: number;
                /** Format: int32 */
                quantity: number;
            }[];
            shipping_address: components["schemas"]["AddressInput"];
            /**
             * Format: int32
             * @description Default: the cheapest method that ships to the address's country.
             */
            shipping_method_id?: number;
            /**
             * @description 1–64 of A–Z, a–z, 0–9, '-', '_'; unique regardless of case.
             * @example SPRING-10
             */
            discount_code?: string;
        };
        OrderPage: {
            /**
             * Format: int64
             * @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor.
             */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /**
             * Format: uri
             * @description Full URL of the next page, or null.
             */
            next: string | null;
            /**
             * Format: uri
             * @description Full URL of the previous page (page-number paging only), or null.
             */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["Order"][];
        };
        AdminOrderPage: {
            /**
             * Format: int64
             * @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor.
             */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /**
             * Format: uri
             * @description Full URL of the next page, or null.
             */
            next: string | null;
            /**
             * Format: uri
             * @description Full URL of the previous page (page-number paging only), or null.
             */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["AdminOrder"][];
        };
        AdminOrder: components["schemas"]["Order"] & {
            /** Format: int32 */
            user_id: number | null;
        };
        OrderStatusChange: {
            /** @enum {string} */
            status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
        };
        SocketTicket: {
            /** @description Opens one socket: `GET /api/notifications/ws?ticket=<ticket>`. Single use. */
            ticket: string;
            /**
             * Format: int32
             * @description Seconds until the ticket expires unused (at most 30).
             */
            expires_in: number;
        };
        NotificationPage: {
            /**
             * Format: int64
             * @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor.
             */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /**
             * Format: uri
             * @description Full URL of the next page, or null.
             */
            next: string | null;
            /**
             * Format: uri
             * @description Full URL of the previous page (page-number paging only), or null.
             */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["Notification"][];
        };
        Notification: {
            /** Format: int32 */
            id: number;
            /** @enum {string} */
            type: "order.status_changed";
            /** Format: int32 */
            order_id: number;
            /** @enum {string} */
            from_status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
            /** @enum {string} */
            to_status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            read_at: string | null;
        };
        AddressPage: {
            /**
             * Format: int64
             * @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor.
             */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /**
             * Format: uri
             * @description Full URL of the next page, or null.
             */
            next: string | null;
            /**
             * Format: uri
             * @description Full URL of the previous page (page-number paging only), or null.
             */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["Address"][];
        };
        Address: {
            /** Format: int32 */
            id: number;
            name: string;
            line1: string;
            line2: string;
            city: string;
            region: string;
            postal_code: string;
            /**
             * @description ISO 3166-1 alpha-2, upper case.
             * @example DE
             */
            country: string;
            phone: string;
            is_default: boolean;
        };
        CreateAddressRequest: components["schemas"]["AddressInput"] & {
            /** @description Make this the default address (the previous default stops being one). A user's first address is the default whatever this says. */
            is_default?: boolean;
        };
        UpdateAddressRequest: {
            name?: string;
            line1?: string;
            line2?: string | null;
            city?: string;
            region?: string | null;
            postal_code?: string | null;
            /**
             * @description ISO 3166-1 alpha-2 country code (either case; stored in upper case).
             * @example DE
             */
            country?: string;
            phone?: string | null;
            /** @description `true` makes this the default address. `false` changes nothing: a book with addresses always has a default; choose another one instead. */
            is_default?: boolean;
        };
        ShippingMethodPage: {
            /**
             * Format: int64
             * @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor.
             */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /**
             * Format: uri
             * @description Full URL of the next page, or null.
             */
            next: string | null;
            /**
             * Format: uri
             * @description Full URL of the previous page (page-number paging only), or null.
             */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["ShippingMethod"][];
        };
        ShippingMethod: {
            /** Format: int32 */
            id: number;
            name: string;
            /** @example 19.99 */
            price: string;
            /**
             * @description Shipping is free when the goods (after discount) reach this amount; null: never free.
             * @example 19.99
             */
            free_over: string | null;
            /**
             * @description ISO 3166-1 alpha-2 codes this method ships to, sorted.
             * @example [
             *       "AT",
             *       "DE"
             *     ]
             */
            countries: string[];
        };
        AdminShippingMethodPage: {
            /**
             * Format: int64
             * @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor.
             */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /**
             * Format: uri
             * @description Full URL of the next page, or null.
             */
            next: string | null;
            /**
             * Format: uri
             * @description Full URL of the previous page (page-number paging only), or null.
             */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["AdminShippingMethod"][];
        };
        AdminShippingMethod: components["schemas"]["ShippingMethod"] & {
            /** @description Inactive methods are not offered at checkout. */
            active: boolean;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            updated_at: string;
        };
        CreateShippingMethodRequest: {
            name: string;
            /**
             * @description Decimal string (a JSON number is accepted too), at most two decimals.
             * @example 19.99
             */
            price: string;
            /**
             * @description Decimal string (a JSON number is accepted too), at most two decimals.
             * @example 19.99
             */
            free_over?: string;
            countries: string[];
            /** @description Default true. */
            active?: boolean;
        };
        UpdateShippingMethodRequest: {
            name?: string;
            /**
             * @description Decimal string (a JSON number is accepted too), at most two decimals.
             * @example 19.99
             */
            price?: string;
            /**
             * @description Decimal string (a JSON number is accepted too), at most two decimals.
             * @example 19.99
             */
            free_over?: string;
            countries?: string[];
            active?: boolean;
        };
        TaxRatePage: {
            /**
             * Format: int64
             * @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor.
             */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /**
             * Format: uri
             * @description Full URL of the next page, or null.
             */
            next: string | null;
            /**
             * Format: uri
             * @description Full URL of the previous page (page-number paging only), or null.
             */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["TaxRate"][];
        };
        TaxRate: {
            /** Format: int32 */
            id: number;
            /** @example DE */
            country: string;
            /** @description The region this rate is for; null: the whole country. A region's rate wins over its country's. */
            region: string | null;
            /**
             * @description Percent, two decimals.
             * @example 19.00
             */
            rate: string;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            updated_at: string;
        };
        CreateTaxRateRequest: {
            /**
             * @description ISO 3166-1 alpha-2 country code (either case; stored in upper case).
             * @example DE
             */
            country: string;
            /**
             * @description State, province or county as addresses name it (compared case-insensitively); null or absent: the whole country.
             * @default
             */
            region: string | null;
            /**
             * @description Percent, 0–100, at most two decimals (a JSON number is accepted too).
             * @example 20.00
             */
            rate: string;
        };
        UpdateTaxRateRequest: {
            /**
             * @description ISO 3166-1 alpha-2 country code (either case; stored in upper case).
             * @example DE
             */
            country?: string;
            /** @description State, province or county as addresses name it (compared case-insensitively); null or absent: the whole country. */
            region?: string | null;
            /**
             * @description Percent, 0–100, at most two decimals (a JSON number is accepted too).
             * @example 20.00
             */
            rate?: string;
        };
        DiscountPage: {
            /**
             * Format: int64
             * @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor.
             */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /**
             * Format: uri
             * @description Full URL of the next page, or null.
             */
            next: string | null;
            /**
             * Format: uri
             * @description Full URL of the previous page (page-number paging only), or null.
             */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["Discount"][];
        };
        Discount: {
            /** Format: int32 */
            id: number;
            /** @example SPRING-10 */
            code: string;
            /** @enum {string} */
            kind: "percent" | "fixed" | "free_shipping";
            /**
             * @description Percent for `percent` (0.01–100), an amount for `fixed`, "0.00" for `free_shipping`.
             * @example 10.00
             */
            value: string;
            /**
             * @description The code applies only when the goods reach this amount; null: always.
             * @example 19.99
             */
            min_subtotal: string | null;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            starts_at: string | null;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            ends_at: string | null;
            /**
             * Format: int32
             * @description Orders that may use the code in all; null: unlimited.
             */
            usage_limit: number | null;
            /**
             * Format: int32
             * @description Orders one customer (by email) may use it for; null: unlimited.
             */
            per_customer_limit: number | null;
            active: boolean;
            /**
             * Format: int32
             * @description Orders that used the code; read-only.
             */
            times_used: number;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            updated_at: string;
        };
        CreateDiscountRequest: {
            /**
             * @description 1–64 of A–Z, a–z, 0–9, '-', '_'; unique regardless of case.
             * @example SPRING-10
             */
            code: string;
            /** @enum {string} */
            kind: "percent" | "fixed" | "free_shipping";
            /**
             * @description Percent (0.01–100) for `percent`; an amount above 0 for `fixed`; ignored for `free_shipping` (stored as 0).
             * @example 10.00
             */
            value?: string;
            /**
             * @description Decimal string (a JSON number is accepted too), at most two decimals.
             * @example 19.99
             */
            min_subtotal?: string;
            /** Format: date-time */
            starts_at?: string | null;
            /** Format: date-time */
            ends_at?: string | null;
            /** Format: int32 */
            usage_limit?: number | null;
            /** Format: int32 */
            per_customer_limit?: number | null;
            /** @description Default true. */
            active?: boolean;
        };
        UpdateDiscountRequest: {
            /**
             * @description 1–64 of A–Z, a–z, 0–9, '-', '_'; unique regardless of case.
             * @example SPRING-10
             */
            code?: string;
            /** @enum {string} */
            kind?: "percent" | "fixed" | "free_shipping";
            /**
             * @description Percent (0.01–100) for `percent`; an amount above 0 for `fixed`; ignored for `free_shipping` (stored as 0).
             * @example 10.00
             */
            value?: string;
            /**
             * @description Decimal string (a JSON number is accepted too), at most two decimals.
             * @example 19.99
             */
            min_subtotal?: string;
            /** Format: date-time */
            starts_at?: string | null;
            /** Format: date-time */
            ends_at?: string | null;
            /** Format: int32 */
            usage_limit?: number | null;
            /** Format: int32 */
            per_customer_limit?: number | null;
            active?: boolean;
        };
        UpdateProductImageRequest: {
            alt?: string;
            /**
             * Format: int32
             * @description The new place among the product's pictures (0 = first); past the end means last.
             */
            position?: number;
        };
        Accepted: {
            /** @enum {string} */
            status: "accepted";
            message: string;
        };
        PasswordResetRequest: {
            /** @example ada@example.com */
            email: string;
        };
        PasswordResetConfirm: {
            /**
             * @description The token from the link in the mail.
             * @example hG5v2tq0P2m7wJZk3oYc1rQ0y8x6W4e2Z9s5u3A1b7c
             */
            token: string;
            /** @example correct horse battery */
            password: string;
        };
        VerifyEmailConfirm: {
            /**
             * @description The token from the link in the mail.
             * @example hG5v2tq0P2m7wJZk3oYc1rQ0y8x6W4e2Z9s5u3A1b7c
             */
            token: string;
        };
        EmailPage: {
            /**
             * Format: int64
             * @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor.
             */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /**
             * Format: uri
             * @description Full URL of the next page, or null.
             */
            next: string | null;
            /**
             * Format: uri
             * @description Full URL of the previous page (page-number paging only), or null.
             */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["Email"][];
        };
        Email: {
            /** Format: int32 */
            id: number;
            /** @example ada@example.com */
            to: string;
            /**
             * @description One of verify_email, password_reset, order_placed, order_paid, order_shipped, order_delivered, order_cancelled, order_refunded.
             * @example order_placed
             */
            template: string;
            /** @enum {string} */
            status: "pending" | "sent" | "failed";
            /**
             * Format: int32
             * @description Deliveries tried so far.
             */
            attempts: number;
            /** @description The provider's answer to the last failed attempt. */
            last_error: string | null;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            sent_at: string | null;
        };
        CheckoutSession: {
            /**
             * Format: uri
             * @description Stripe's hosted payment page for this order.
             */
            checkout_url: string;
            /**
             * Format: date-time
             * @description When the page stops taking payment (the order's hold lasts at least as long).
             */
            expires_at: string;
        };
        StripeWebhookReceipt: {
            /** @enum {boolean} */
            received: true;
            /** @description What handling the event did (`paid`, `duplicate`, `amount-mismatch`, `unknown-order`, `refund-after-cancel`, `ignored`, …). */
            outcome: string;
        };
        Refund: {
            /** Format: uuid */
            id: string;
            /** Format: int32 */
            order_id: number;
            /** @example 19.99 */
            amount: string;
            /** @description This refund returned the order's items to stock. */
            restocked: boolean;
            reason: string;
            /**
             * @description `pending` until Stripe confirms; `failed` gives the amount back to the order's refundable balance.
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed";
            /**
             * Format: date-time
             * @example 2026-01-02T03:04:05.678Z
             */
            created_at: string;
        };
        CreateRefund: {
            /**
             * @description Default: everything not yet refunded (`amount_paid - amount_refunded`).
             * @example 20.00
             */
            amount?: string;
            /** @description Return the order's items to stock (once per order; a cancelled order's stock has already returned). */
            restock: boolean;
            reason?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every part answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A backing service is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description The new user */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    /** @description Every origin may read the API's answers. */
                    "Access-Control-Allow-Origin"?: "*";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie` (for the storefront on this origin): the refresh token travels as an `HttpOnly; Secure; SameSite=Strict` cookie scoped to `/api/auth`, never in a body script can read. Default `body`: the JSON form API clients use. */
                "refresh-token-transport"?: "cookie" | "body";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    /** @description Every origin may read the API's answers. */
                    "Access-Control-Allow-Origin"?: "*";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: {
                /** @description A fresh key per refresh. Sending the same token with the same key again within 30 seconds (a retry after a lost answer) returns the same new tokens instead of counting as reuse. */
                "idempotency-key"?: string;
                /** @description `cookie` (for the storefront on this origin): the refresh token travels as an `HttpOnly; Secure; SameSite=Strict` cookie scoped to `/api/auth`, never in a body script can read. Default `body`: the JSON form API clients use. */
                "refresh-token-transport"?: "cookie" | "body";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description New tokens */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPair"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description `cookie` (for the storefront on this origin): the refresh token travels as an `HttpOnly; Secure; SameSite=Strict` cookie scoped to `/api/auth`, never in a body script can read. Default `body`: the JSON form API clients use. */
                "refresh-token-transport"?: "cookie" | "body";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProfileRequest"];
            };
        };
        responses: {
            /** @description The updated user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCategories: {
        parameters: {
            query?: {
                /** @description Page number, from 1; `page × page_size` may reach at most 10,000 rows deep (follow `next_cursor` beyond). */
                page?: string;
                /** @description Rows per page, 1–100 (default 10). */
                page_size?: string;
                /** @description Opaque `next_cursor` from a previous page: keyset paging at a cost that does not grow with depth. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of categories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CategoryPage"];
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCategory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCategoryRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Category"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The category */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Category"];
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCategory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCategoryRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Category"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description Page number, from 1; `page × page_size` may reach at most 10,000 rows deep (follow `next_cursor` beyond). */
                page?: string;
                /** @description Rows per page, 1–100 (default 10). */
                page_size?: string;
                /** @description Opaque `next_cursor` from a previous page: keyset paging at a cost that does not grow with depth. */
                cursor?: string;
                /** @description Category id. */
                category?: string;
                /** @description Inclusive lower bound. */
                min_price?: string;
                /** @description Inclusive upper bound. */
                max_price?: string;
                in_stock?: "true" | "false";
                /** @description Case-insensitive match on the name: anywhere in it for 3 or more characters, at its start for 1 or 2 (a shorter term has no trigram for the search index). */
                search?: string;
                ordering?: "price" | "-price" | "name" | "-name" | "created_at" | "-created_at" | "id" | "-id";
                /** @description `<name>:<value>`, e.g. `Size:M` (case-sensitive, as the option is spelled). Repeatable: a product matches when, for each one given, it has a variant with that value. */
                option?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPage"];
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProductRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProductRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeStock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StockChangeRequest"];
            };
        };
        responses: {
            /** @description The product with its new stock */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createVariant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVariantRequest"];
            };
        };
        responses: {
            /** @description The new variant */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariantDetail"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteVariant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                variant_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateVariant: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                variant_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateVariantRequest"];
            };
        };
        responses: {
            /** @description The variant */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariantDetail"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeVariantStock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StockChangeRequest"];
            };
        };
        responses: {
            /** @description The variant with its new stock */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VariantDetail"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cart */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    clearCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Emptied */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addCartItem: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddCartItemRequest"];
            };
        };
        responses: {
            /** @description The cart */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeCartItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A cart line's variant id (for a product with one variant, the product's id). */
                variant_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cart */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setCartQuantity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A cart line's variant id (for a product with one variant, the product's id). */
                variant_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetCartQuantityRequest"];
            };
        };
        responses: {
            /** @description The cart */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrders: {
        parameters: {
            query?: {
                /** @description Page number, from 1; `page × page_size` may reach at most 10,000 rows deep (follow `next_cursor` beyond). */
                page?: string;
                /** @description Rows per page, 1–100 (default 10). */
                page_size?: string;
                /** @description Opaque `next_cursor` from a previous page: keyset paging at a cost that does not grow with depth. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPage"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    placeOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body replay the first answer (kept with the order). */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    quote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["QuoteRequest"];
            };
        };
        responses: {
            /** @description The totals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    placeGuestOrder: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GuestOrderRequest"];
            };
        };
        responses: {
            /** @description The order and its access token */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuestOrderCreated"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getGuestOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cancelled order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adminListOrders: {
        parameters: {
            query?: {
                /** @description Page number, from 1; `page × page_size` may reach at most 10,000 rows deep (follow `next_cursor` beyond). */
                page?: string;
                /** @description Rows per page, 1–100 (default 10). */
                page_size?: string;
                /** @description Opaque `next_cursor` from a previous page: keyset paging at a cost that does not grow with depth. */
                cursor?: string;
                status?: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
                /** @description Only this user's orders. */
                user?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminOrderPage"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adminChangeStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrderStatusChange"];
            };
        };
        responses: {
            /** @description The order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminOrder"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    socket: {
        parameters: {
            query?: {
                /** @description A ticket from POST /api/notifications/ws-ticket (single use, 30 seconds). */
                ticket?: string;
                /** @description Access token, for older clients that cannot send headers; prefer a ticket. */
                token?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Switching protocols */
            101: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a WebSocket upgrade */
            426: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    socketTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ticket */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SocketTicket"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description Page number, from 1; `page × page_size` may reach at most 10,000 rows deep (follow `next_cursor` beyond). */
                page?: string;
                /** @description Rows per page, 1–100 (default 10). */
                page_size?: string;
                /** @description Opaque `next_cursor` from a previous page: keyset paging at a cost that does not grow with depth. */
                cursor?: string;
                /** @description Only notifications newer than this id, oldest first (catch-up after a reconnect). */
                after?: string;
                /** @description true: only unread; false: only read. */
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notifications */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markAllRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Marked read */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Marked read */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAddresses: {
        parameters: {
            query?: {
                /** @description Page number, from 1; `page × page_size` may reach at most 10,000 rows deep (follow `next_cursor` beyond). */
                page?: string;
                /** @description Rows per page, 1–100 (default 10). */
                page_size?: string;
                /** @description Opaque `next_cursor` from a previous page: keyset paging at a cost that does not grow with depth. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of addresses */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AddressPage"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAddress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAddressRequest"];
            };
        };
        responses: {
            /** @description The new address */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Address"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The address */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Address"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateAddress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAddressRequest"];
            };
        };
        responses: {
            /** @description The changed address */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Address"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listShippingMethods: {
        parameters: {
            query: {
                /** @description Page number, from 1; `page × page_size` may reach at most 10,000 rows deep (follow `next_cursor` beyond). */
                page?: string;
                /** @description Rows per page, 1–100 (default 10). */
                page_size?: string;
                /** @description Opaque `next_cursor` from a previous page: keyset paging at a cost that does not grow with depth. */
                cursor?: string;
                /** @description ISO 3166-1 alpha-2 code of the destination (either case). */
                country: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of shipping methods */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShippingMethodPage"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adminListShippingMethods: {
        parameters: {
            query?: {
                /** @description Page number, from 1; `page × page_size` may reach at most 10,000 rows deep (follow `next_cursor` beyond). */
                page?: string;
                /** @description Rows per page, 1–100 (default 10). */
                page_size?: string;
                /** @description Opaque `next_cursor` from a previous page: keyset paging at a cost that does not grow with depth. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of shipping methods */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminShippingMethodPage"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createShippingMethod: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateShippingMethodRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminShippingMethod"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adminGetShippingMethod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shipping method */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminShippingMethod"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteShippingMethod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateShippingMethod: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateShippingMethodRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminShippingMethod"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTaxRates: {
        parameters: {
            query?: {
                /** @description Page number, from 1; `page × page_size` may reach at most 10,000 rows deep (follow `next_cursor` beyond). */
                page?: string;
                /** @description Rows per page, 1–100 (default 10). */
                page_size?: string;
                /** @description Opaque `next_cursor` from a previous page: keyset paging at a cost that does not grow with depth. */
                cursor?: string;
                /** @description Only this country's rates. */
                country?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tax rates */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxRatePage"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTaxRate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaxRateRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxRate"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTaxRate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tax rate */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxRate"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteTaxRate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTaxRate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaxRateRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxRate"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDiscounts: {
        parameters: {
            query?: {
                /** @description Page number, from 1; `page × page_size` may reach at most 10,000 rows deep (follow `next_cursor` beyond). */
                page?: string;
                /** @description Rows per page, 1–100 (default 10). */
                page_size?: string;
                /** @description Opaque `next_cursor` from a previous page: keyset paging at a cost that does not grow with depth. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of discounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiscountPage"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createDiscount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDiscountRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Discount"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDiscount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The discount */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Discount"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteDiscount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateDiscount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDiscountRequest"];
            };
        };
        responses: {
            /** @description Updated */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Discount"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadImage: {
        parameters: {
            query?: {
                /** @description Text that describes the picture for people who cannot see it. */
                alt?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description The image file itself as the body (not JSON, not multipart). */
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
                "image/webp": string;
                "image/avif": string;
            };
        };
        responses: {
            /** @description Stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductImage"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The image is larger than 5 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a JPEG, PNG, WebP or AVIF image, unreadable dimensions, or a Content-Type that contradicts the bytes */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A backing service is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                image_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                image_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProductImageRequest"];
            };
        };
        responses: {
            /** @description The picture as it is now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductImage"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                    "image/avif": string;
                };
            };
            /** @description Not modified */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    passwordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequest"];
            };
        };
        responses: {
            /** @description Accepted (a mail is sent if the account exists) */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    /** @description Every origin may read the API's answers. */
                    "Access-Control-Allow-Origin"?: "*";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A backing service is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    passwordResetConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirm"];
            };
        };
        responses: {
            /** @description Password changed; every session ended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new link is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After"?: number;
                    /** @description Every origin may read the API's answers. */
                    "Access-Control-Allow-Origin"?: "*";
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A backing service is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyEmailConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyEmailConfirm"];
            };
        };
        responses: {
            /** @description Verified */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    adminListEmails: {
        parameters: {
            query?: {
                /** @description Page number, from 1; `page × page_size` may reach at most 10,000 rows deep (follow `next_cursor` beyond). */
                page?: string;
                /** @description Rows per page, 1–100 (default 10). */
                page_size?: string;
                /** @description Opaque `next_cursor` from a previous page: keyset paging at a cost that does not grow with depth. */
                cursor?: string;
                status?: "pending" | "sent" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of emails */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EmailPage"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startCheckout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Checkout Session to send the customer to */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutSession"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A backing service is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startGuestCheckout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Checkout Session to send the customer to */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutSession"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A backing service is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    stripeWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description `t=<unix time>,v1=<hex HMAC-SHA256 of "t.body" with the endpoint's secret>`. */
                "stripe-signature"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event was handled (or had been before) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StripeWebhookReceipt"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A backing service is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createRefund: {
        parameters: {
            query?: never;
            header?: {
                /** @description Per order: the same key and body replay the refund it made (`Idempotent-Replayed: true`); another body → 409. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRefund"];
            };
        };
        responses: {
            /** @description The refund */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refund"];
                };
            };
            /** @description Malformed body or query (problem+json with `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, invalid or expired access token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authenticated but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unknown id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body larger than 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An unexpected error (quote the request id if you report it) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
