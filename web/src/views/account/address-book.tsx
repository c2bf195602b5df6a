import { useState } from "preact/hooks";
import type { Address } from "../../api/client";
import { say } from "../../toast";
import { ActionButton, Loading, PageTitle, ProblemAlert, useAsync } from "../../ui";
import { ADDRESS_LIMIT } from "../../../../src/shared/contract";
import { AddressForm } from "./address-form";
import { AddressText } from "./address-text";
import { createAddress, deleteAddress, listAddresses, updateAddress } from "./addresses";


function AddressCard({ address, onChanged }: { address: Address; onChanged(): void }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const act = (run: () => Promise<unknown>, message: string) => async () => {
    try {
      await run();
      setError(null);
      say(message);
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  if (editing) {
    return (
      <li>
        <AddressForm
          prefix={`edit-${address.id}-`}
          label={`Edit the address of ${address.name}`}
          initial={address}
          submitLabel="Save address"
          withDefault={!address.is_default}
          onSave={async (input, isDefault) => {
            // Only a non-default address offers the checkbox: the default stops being one by another becoming it.
            await updateAddress(address.id, { ...input, ...(isDefault ? { is_default: true } : {}) });
            setEditing(false);
            say("Address saved.");
            onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li class="card address-card" aria-label={`${address.name}, ${address.city}`}>
      <div class="grow">
        {address.is_default && <span class="badge badge-default">Default</span>}
        <AddressText address={address} />
      </div>
      <div class="field-actions">
        <button type="button" class="button button-quiet" aria-label={`Edit ${address.name}, ${address.city}`} onClick={() => setEditing(true)}>
          Edit
        </button>
        {!address.is_default && (
          <ActionButton class="button button-quiet" label={`Make ${address.name}, ${address.city} the default`} onAction={act(() => updateAddress(address.id, { is_default: true }), "Default address changed.")}>
            Make default
          </ActionButton>
        )}
        <ActionButton class="button button-quiet" label={`Delete ${address.name}, ${address.city}`} onAction={act(() => deleteAddress(address.id), "Address deleted.")}>
          Delete
        </ActionButton>
      </div>
      <ProblemAlert error={error} />
    </li>
  );
}

/** The account's address book: list, add, edit, delete, and which one is the default. */
export function AddressBook() {
  const addresses = useAsync(listAddresses, []);
  const [adding, setAdding] = useState(false);
  const list = addresses.data ?? [];
  const full = list.length >= ADDRESS_LIMIT;
  return (
    <section>
      <PageTitle title="Addresses">Your addresses</PageTitle>
      <ProblemAlert error={addresses.error} />
      {!addresses.data ? (
        addresses.loading && <Loading what="your addresses" />
      ) : (
        <>
          {list.length === 0 ? (
            <p>No addresses yet. Add one, and checkout will offer it.</p>
          ) : (
            <ul class="list" aria-label="Addresses">
              {list.map((address) => (
                <AddressCard key={address.id} address={address} onChanged={addresses.reload} />
              ))}
            </ul>
          )}
          <div class="section-gap">
            {adding ? (
              <AddressForm
                prefix="new-"
                label="New address"
                submitLabel="Add address"
                withDefault={list.length > 0}
                onSave={async (input, isDefault) => {
                  await createAddress(input, isDefault);
                  setAdding(false);
                  say("Address added.");
                  addresses.reload();
                }}
                onCancel={() => setAdding(false)}
              />
            ) : (
              <button type="button" class="button" disabled={full} onClick={() => setAdding(true)} aria-describedby={full ? "address-limit" : undefined}>
                Add an address
              </button>
            )}
            {full && (
              <p id="address-limit" class="hint">
                A book holds at most {ADDRESS_LIMIT} addresses: delete one to add another.
              </p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
