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
        get: {
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
        post: {
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
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
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
         * @description Attempts are counted before the password is checked, so the limits hold for simultaneous attempts too: 10 per (email, client address), 100 per client address and 100 per email from all addresses, in a 15-minute window (IPv6 clients count per /64). At a limit every attempt, even with the right password, answers 429 with `Retry-After`. A successful login does not count as a failure. The access token names its session (the refresh-token family).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
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
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
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
         * @description The presented refresh token stops working. Presenting one that was already rotated revokes its whole family (reuse detection), closes that session's notification sockets (4001) and answers 401. A session lives at most 30 days from its login, however often it is rotated.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
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
            };
        };
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
        /** End a session: revoke its refresh-token family and close its notification sockets (4001) */
        post: {
            parameters: {
                query?: never;
                header?: never;
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
            };
        };
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
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update name, phone or address
         * @description Only `name`, `phone` and `address` are accepted; any other field (`email`, `is_admin`, `id`, …) is a 400 and nothing is applied.
         */
        patch: {
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
            };
        };
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
        get: {
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
            };
        };
        put?: never;
        /** Create a category (admin) */
        post: {
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
            };
        };
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
        get: {
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
            };
        };
        put?: never;
        post?: never;
        /** Delete a category (admin); 409 while products reference it */
        delete: {
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
            };
        };
        options?: never;
        head?: never;
        /** Update a category (admin) */
        patch: {
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
            };
        };
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
        get: {
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
            };
        };
        put?: never;
        /**
         * Create a product with its variants (admin)
         * @description Without `options`: `price` (and optional `stock`, `sku`) make the product's one variant, whose id is the product's (SKU default `SKU-<id>`). With `options` (at most 3): `variants` (1–100) are required, each naming exactly the product's options with allowed values (400 naming the path, e.g. `variants.1.options.Size`), no two alike (400). SKUs are unique across the shop, ignoring case (409 `sku-taken`). The product's `price` is its lowest variant price and `stock` their sum. Product and variants are written in one statement.
         */
        post: {
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
            };
        };
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
        get: {
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
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a product (admin); ordered products are soft-deleted and kept for history
         * @description A soft-deleted product's variants are soft-deleted with it (their SKUs are free again); a removed product's variants go with it. Cart lines of it leave the carts.
         */
        delete: {
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
            };
        };
        options?: never;
        head?: never;
        /**
         * Update a product (admin)
         * @description `price` and `stock` set those of a product's one variant (409 `product-has-variants` for a product with several: change each variant instead). New `options` must still fit every live variant (400 otherwise); a product without options that gets some gives its one variant the first value of each.
         */
        patch: {
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
            };
        };
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
        post: {
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
            };
        };
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
        post: {
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
            };
        };
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
        delete: {
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
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a variant's SKU, options, price, stock or image (admin)
         * @description The same rules as for a new variant. A variant of another product is 404. The product's `price` (lowest live variant price) and `stock` (their sum) change in the same transaction; cached catalog reads are invalidated.
         */
        patch: {
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
            };
        };
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
        post: {
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
            };
        };
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
        get: {
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
            };
        };
        put?: never;
        post?: never;
        /** Empty the cart */
        delete: {
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
            };
        };
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
        post: {
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
            };
        };
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
        delete: {
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
            };
        };
        options?: never;
        head?: never;
        /**
         * Set a line's quantity (≥ 1)
         * @description The line is named by its variant id (for a product with one variant, that is the product's id). More than the variant's stock → 409.
         */
        patch: {
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
            };
        };
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
        get: {
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
            };
        };
        put?: never;
        /**
         * Place an order from the whole cart
         * @description The optional JSON body is a `PlaceOrderRequest`. One statement takes the stock, redeems the discount code, snapshots names, SKUs, options and prices, writes the order with copies of the address and shipping method and removes the ordered lines from the cart. The order is `pending` and unpaid: its stock is held until `expires_at` (30 minutes by default), when it cancels itself unless paid. You may hold at most 5 unpaid pending orders (409 `too-many-unpaid-orders`). Empty cart → 400; any short line → 409 (`insufficient-stock`) naming each variant with what is available, and nothing is taken. A cart becomes at most one order: of simultaneous orders of one user (a double click), one is 201 and the others find the cart empty (400); a line added meanwhile is either in that order or still in the cart. With `Idempotency-Key`, the same key and body replay the first answer (`Idempotent-Replayed: true`); the same key with another body → 409. Address: `shipping_address_id` (one of yours), `shipping_address`, or else your default address; with none at all the order ships nowhere (no shipping, no tax). Shipping: `shipping_method_id`, or else the cheapest active method that ships to the address's country (409 `no-shipping-method` / `shipping-unavailable` naming the country). Totals: `subtotal` is the sum of the lines (unit price × quantity); a percent code takes its share of each line, rounded half-up to cents; a fixed code is spread over the lines in proportion to their totals (largest remainder, never more than the subtotal); shipping is free when the goods after discount reach the method's `free_over`, or with a free-shipping code; prices exclude tax, and the most specific tax rate (country and region, else country) applies to each line after its discount and to shipping, rounded half-up per line; `total = subtotal − discount_total + shipping_total + tax_total`. Codes: unknown 404 `discount-not-found`; inactive, not yet started, expired, used up (`usage_limit`, or your `per_customer_limit`) or below `min_subtotal` (with the amount `missing`) are 409 naming the reason.
         */
        post: {
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
            };
        };
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
        post: {
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
            };
        };
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
        post: {
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
            };
        };
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
        get: {
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
            };
        };
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
        get: {
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
            };
        };
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
        post: {
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
            };
        };
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
        get: {
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
            };
        };
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
        patch: {
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
            };
        };
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
         * @description Upgrade with `Authorization: Bearer <access>` or `?token=<access>` (browsers cannot set headers on a WebSocket; the API never writes the token to a log). Each status change of one of your orders arrives as one JSON text message shaped like a Notification, within a second: in increasing id order, each once, without gaps. Send `{"type":"ping"}` to get `{"type":"pong"}`. After a reconnect, fetch `GET /api/notifications?after=<last id seen>` (following `next`) before trusting that id again. Close codes: **4000** resync (the server could not guarantee the order): reconnect and catch up; **4001** session ended: logout, reuse of a rotated refresh token, or the access token expired. Refresh (log in again if that fails) and reconnect with the new access token; **4002** too many sockets: a user holds at most 20, and opening one more closes the oldest.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Access token, for clients that cannot send headers. */
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
            };
        };
        put?: never;
        post?: never;
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
        get: {
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
            };
        };
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
        post: {
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
            };
        };
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
        post: {
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
            };
        };
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
        post: {
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
        post: {
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
            };
        };
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
        post: {
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
        post: {
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
            };
        };
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
         * @description Every mail the shop has sent or will send. `pending` mails are delivered right after the request that caused them and retried by the minute sweep with exponential backoff (30 s doubling, at most an hour); after 8 attempts, or at once when the provider refuses the mail itself, a mail is `failed` and `last_error` says why. A retry uses the same provider idempotency key, so no mail is sent twice. Contents (and the tokens in links) are never shown.
         */
        get: {
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
            };
        };
        put?: never;
        post?: never;
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
            /** @description One of your addresses (`/api/me/addresses`). */
            shipping_address_id?: number;
            shipping_address?: components["schemas"]["ShippingAddressInput"];
            /** @description Default: the cheapest method that ships to the address's country. */
            shipping_method_id?: number;
            discount_code?: string;
        };
        ShippingAddressInput: {
            name: string;
            line1: string;
            line2?: string;
            city: string;
            region?: string;
            postal_code?: string;
            country: string;
            phone?: string;
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
            /** @example 400 */
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
            id: number;
            email: string;
            name: string;
            phone: string;
            address: string;
            is_admin: boolean;
            /**
             * Format: date-time
             * @description When the user confirmed their email address (POST /api/auth/verify-email/confirm); null until then.
             */
            email_verified_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
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
            access: string;
            refresh: string;
            /** @enum {string} */
            token_type: "Bearer";
            /** @description Seconds until the access token expires. */
            expires_in: number;
        };
        LoginRequest: {
            /** @example ada@example.com */
            email: string;
            password: string;
        };
        RefreshRequest: {
            refresh: string;
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
            /** @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor. */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /** @description Full URL of the next page, or null. */
            next: string | null;
            /** @description Full URL of the previous page (page-number paging only), or null. */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["Category"][];
        };
        Category: {
            id: number;
            name: string;
            description: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
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
            /** @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor. */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /** @description Full URL of the next page, or null. */
            next: string | null;
            /** @description Full URL of the previous page (page-number paging only), or null. */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["Product"][];
        };
        Product: {
            id: number;
            name: string;
            description: string;
            /**
             * @description The lowest price of its variants.
             * @example 19.99
             */
            price: string;
            /** @description The sum of its variants' stock. */
            stock: number;
            in_stock: boolean;
            category: components["schemas"]["CategoryRef"];
            /** @description At most 3; empty for a product with one plain variant. */
            options: components["schemas"]["ProductOption"][];
            /** @description Ordered by position, then id. A product without options has one variant whose id is the product's. */
            variants: components["schemas"]["Variant"][];
            /** @description Ordered by position, then id. */
            images: components["schemas"]["ProductImage"][];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        CategoryRef: {
            id: number;
            name: string;
        };
        ProductOption: {
            name: string;
            values: string[];
        };
        Variant: {
            id: number;
            sku: string;
            /** @description One value for each of the product's options, e.g. `{ "Size": "M" }`; `{}` for a product without options. */
            options: {
                [key: string]: string;
            };
            /** @example 19.99 */
            price: string;
            stock: number;
            in_stock: boolean;
            image_id: number | null;
        };
        ProductImage: {
            id: number;
            /**
             * Format: uri
             * @description Full URL of the image bytes (`/images/{key}`, immutable).
             */
            url: string;
            width: number;
            height: number;
            alt: string;
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
            stock?: number;
            /** @description Without `variants`: the SKU of the product's one variant (default `SKU-<id>`). */
            sku?: string;
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
            stock?: number;
            /** @description One of the product's images. */
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
            /** @description For a product with one variant: that variant's stock. */
            stock?: number;
            category_id?: number;
            /** @description At most 3 options, each with its allowed values (names unique case-insensitively, without ':'). */
            options?: {
                name: string;
                values: string[];
            }[];
        };
        /** @description Either `{ delta }` (added atomically; negative removes) or `{ stock }` (set). */
        StockChangeRequest: {
            delta: number;
        } | {
            stock: number;
        };
        VariantDetail: components["schemas"]["Variant"] & {
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
            stock?: number;
            /** @description One of the product's images, or null for none. */
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
            variant_id: number;
            quantity: number;
            /**
             * @description The variant's current price × quantity.
             * @example 19.99
             */
            line_total: string;
        };
        CartVariant: {
            id: number;
            sku: string;
            options: {
                [key: string]: string;
            };
            /** @example 19.99 */
            price: string;
            stock: number;
            in_stock: boolean;
        };
        AddCartItemRequest: {
            /** @description The variant to add. */
            variant_id?: number;
            /** @description Alone: a product with one variant (that variant is added). With `variant_id`: the variant's product. */
            product_id?: number;
            quantity?: number;
        };
        SetCartQuantityRequest: {
            quantity: number;
        };
        Order: {
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
             */
            expires_at: string | null;
            /** Format: date-time */
            paid_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
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
            product_id: number;
            variant_id: number;
            sku: string;
            /** @description The variant's option values at the time of the order. */
            options: {
                [key: string]: string;
            };
            /** @description Path of the variant's (or product's first) image at the time of the order, on this server. */
            image_url: string | null;
            name: string;
            /** @example 19.99 */
            unit_price: string;
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
                id: number;
                name: string;
                /** @example 19.99 */
                price: string;
            } | null;
            items: {
                product_id: number;
                variant_id: number;
                sku: string;
                /** @description The variant's option values at the time of the order. */
                options: {
                    [key: string]: string;
                };
                name: string;
                /** @example 19.99 */
                unit_price: string;
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
            /** @description One of your addresses (`/api/me/addresses`). */
            shipping_address_id?: number;
            shipping_address?: components["schemas"]["ShippingAddressInput"];
            /** @description Default: the cheapest method that ships to the address's country. */
            shipping_method_id?: number;
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
                variant_id?: number;
                product_id?: number;
                quantity: number;
            }[];
            shipping_address: components["schemas"]["ShippingAddressInput"];
            /** @description Default: the cheapest method that ships to the address's country. */
            shipping_method_id?: number;
            discount_code?: string;
        };
        OrderPage: {
            /** @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor. */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /** @description Full URL of the next page, or null. */
            next: string | null;
            /** @description Full URL of the previous page (page-number paging only), or null. */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["Order"][];
        };
        AdminOrderPage: {
            /** @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor. */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /** @description Full URL of the next page, or null. */
            next: string | null;
            /** @description Full URL of the previous page (page-number paging only), or null. */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["AdminOrder"][];
        };
        AdminOrder: components["schemas"]["Order"] & {
            user_id: number | null;
        };
        OrderStatusChange: {
            /** @enum {string} */
            status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
        };
        NotificationPage: {
            /** @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor. */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /** @description Full URL of the next page, or null. */
            next: string | null;
            /** @description Full URL of the previous page (page-number paging only), or null. */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["Notification"][];
        };
        Notification: {
            id: number;
            /** @enum {string} */
            type: "order.status_changed";
            order_id: number;
            /** @enum {string} */
            from_status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
            /** @enum {string} */
            to_status: "pending" | "paid" | "shipped" | "delivered" | "cancelled";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            read_at: string | null;
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
            /** @description Rows matching: exact up to 10,000, the planner's estimate beyond (then `count_estimated` is true); null when paging by cursor. */
            count: number | null;
            /** @description True when more than 10,000 rows match and `count` is an estimate. */
            count_estimated: boolean;
            /** @description Full URL of the next page, or null. */
            next: string | null;
            /** @description Full URL of the previous page (page-number paging only), or null. */
            previous: string | null;
            /** @description Pass as `cursor` for the next page by keyset; null on the last page. */
            next_cursor: string | null;
            results: components["schemas"]["Email"][];
        };
        Email: {
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
            /** @description Deliveries tried so far. */
            attempts: number;
            /** @description The provider's answer to the last failed attempt. */
            last_error: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            sent_at: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
