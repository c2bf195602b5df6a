import { api, pathId, type Address, type AddressInput } from "../../api/client";
import { call } from "../../session";
import { ADDRESS_LIMIT } from "../../../../src/shared/contract";

/** A book holds at most ADDRESS_LIMIT addresses: one page of that size is all of it. */
export async function listAddresses(): Promise<Address[]> {
  return (await call(() => api.GET("/api/me/addresses", { params: { query: { page_size: String(ADDRESS_LIMIT) } } }))).results;
}

export function createAddress(input: AddressInput, isDefault?: boolean): Promise<Address> {
  return call(() => api.POST("/api/me/addresses", { body: { ...input, ...(isDefault === undefined ? {} : { is_default: isDefault }) } }));
}

export function updateAddress(id: number, change: Partial<AddressInput> & { is_default?: boolean }): Promise<Address> {
  return call(() => api.PATCH("/api/me/addresses/{id}", { params: { path: { id: pathId(id) } }, body: change }));
}

export function deleteAddress(id: number): Promise<unknown> {
  return call(() => api.DELETE("/api/me/addresses/{id}", { params: { path: { id: pathId(id) } } }));
}
