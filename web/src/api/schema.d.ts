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
         * @description Attempts are counted before the password is checked, so the limits hold for simultaneous attempts too: 10 per (email, client address), 100 per client address and 100 per email from all addresses, in a 15-minute window (IPv6 clients count per /64, and each /48 has 1,000). Every attempt, successful or not, also counts in looser limits: 1,000 per client address and 300 per email. At a limit every attempt, even with the right password, answers 429 with `Retry-After`. A successful login does not count as a failure. The limits hold while the rate-limit store is down too (attempts are then counted in the database). The access token names its session (the refresh-token family).
         */
        post: {
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
         * @description The presented refresh token stops working. Presenting one that was already rotated revokes its whole family (reuse detection), closes that session's notification sockets (4001) and answers 401. Except a retry: a refresh sent with an `Idempotency-Key` may be sent again with the same token and key for 30 seconds, while the refresh token it issued is unused, and answers with that same refresh token (and a fresh access token). A session lives at most 30 days from its login, however often it is rotated.
         */
        post: {
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
        /**
         * End a session: revoke its refresh-token family and close its notification sockets (4001)
         * @description The refresh token comes in the body, or as the refresh cookie with `Refresh-Token-Transport: cookie` (the cookie is then cleared).
         */
        post: {
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
         * @description Each product carries its category from the same joined query. Served from the Redis cache when fresh (`X-Cache: hit|miss|bypass`); carries an `ETag`, and `If-None-Match` with the current tag answers 304. Unknown query parameters are a 400 naming them.
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
        /** Create a product (admin) */
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
        /** Delete a product (admin); ordered products are soft-deleted and kept for history */
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
        /** Update a product (admin) */
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
        /** Add/remove stock atomically or set it (admin); never below 0 (409) */
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
         * Add a product (adds to any quantity already there)
         * @description Unknown or deleted product → 404; more than the current stock → 409 (`insufficient-stock`, naming the product); a 101st product → 409 (`cart-full`: a cart holds at most 100 lines). The cart holds no stock.
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
    "/api/cart/items/{product_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a line */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    product_id: string;
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
        /** Set a line's quantity (≥ 1) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    product_id: string;
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
         * @description Upgrade with a single-use ticket, `?ticket=<ticket>` from `POST /api/notifications/ws-ticket` (what browsers should use: they cannot set headers on a WebSocket, and a ticket keeps the access token out of URLs), or with `Authorization: Bearer <access>`. `?token=<access>` still works for older clients (the API never writes it to a log). A ticket is used up only by a successful upgrade. Each status change of one of your orders arrives as one JSON text message shaped like a Notification, within a second: in increasing id order, each once, without gaps. Send `{"type":"ping"}` to get `{"type":"pong"}`. After a reconnect, fetch `GET /api/notifications?after=<last id seen>` (following `next`) before trusting that id again. Close codes: **4000** resync (the server could not guarantee the order): reconnect and catch up; **4001** session ended: logout, reuse of a rotated refresh token, or the access token expired. Refresh (log in again if that fails) and reconnect with the new access token; **4002** too many sockets: a user holds at most 20, and opening one more closes the oldest.
         */
        get: {
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
        post: {
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
            };
        };
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
         * @description Answers the URL of a Stripe Checkout Session for exactly the order's total and currency; send the customer there. Stripe returns them to the storefront's order page (`SHOP_URL`, or this request's origin, `/#/orders/{id}`) whether they paid or not; the order becomes `paid` when Stripe's webhook confirms the payment. Asking again returns the same session while it is open (one session per order at a time; the call to Stripe is idempotent, so a retry never creates a second one). Stripe keeps a session open for at least 30 minutes: the session expires when the order's hold does if that is at least 31 minutes away, otherwise about 31–41 minutes from now, and the order's hold (`expires_at`) is stretched to the session's expiry so the order is not cancelled while its payment page still takes money. 409 `order-not-payable` for an order that is not pending and unpaid, 409 `order-expired` when its hold has run out; another user's order is 404. 503 naming `stripe` when Stripe cannot be reached (nothing changes). Takes no body.
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
        post: {
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
        post: {
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
            };
        };
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
            /** @description Absent when the request asked for the refresh token as a cookie (`Refresh-Token-Transport: cookie`). */
            refresh?: string;
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
            /** @example 19.99 */
            price: string;
            stock: number;
            in_stock: boolean;
            category: components["schemas"]["CategoryRef"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        CategoryRef: {
            id: number;
            name: string;
        };
        CreateProductRequest: {
            name: string;
            description?: string;
            /**
             * @description Decimal string (a JSON number is accepted too), at most two decimals.
             * @example 19.99
             */
            price: string;
            stock?: number;
            category_id: number;
        };
        UpdateProductRequest: {
            name?: string;
            description?: string;
            /**
             * @description Decimal string (a JSON number is accepted too), at most two decimals.
             * @example 19.99
             */
            price?: string;
            stock?: number;
            category_id?: number;
        };
        /** @description Either `{ delta }` (added atomically; negative removes) or `{ stock }` (set). */
        StockChangeRequest: {
            delta: number;
        } | {
            stock: number;
        };
        Cart: {
            items: components["schemas"]["CartItem"][];
            /** @example 19.99 */
            total: string;
        };
        CartItem: {
            product: components["schemas"]["Product"];
            quantity: number;
            /** @example 19.99 */
            line_total: string;
        };
        AddCartItemRequest: {
            product_id: number;
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
        SocketTicket: {
            /** @description Opens one socket: `GET /api/notifications/ws?ticket=<ticket>`. Single use. */
            ticket: string;
            /** @description Seconds until the ticket expires unused (at most 30). */
            expires_in: number;
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
            /** Format: date-time */
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
export type operations = Record<string, never>;
