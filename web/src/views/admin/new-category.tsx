import { useState } from "preact/hooks";
import { api, type Category } from "../../api/client";
import { forgetCategories } from "../../catalog";
import { call } from "../../session";
import { say } from "../../toast";
import { ProblemAlert } from "../../ui";

export function NewCategory() {
  const [error, setError] = useState<unknown>(null);
  return (
    <details class="card">
      <summary>New category</summary>
      <form
        class="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          try {
            const category = await call(() =>
              api.POST("/api/categories", { body: { name: String(data.get("name")).trim(), description: String(data.get("description") ?? "").trim() } }),
            );
            forgetCategories();
            form.reset();
            setError(null);
            say(`Category ${category.name} created.`);
          } catch (e) {
            setError(e);
          }
        }}
      >
        <div class="field">
          <label for="cat-name">Name</label>
          <input id="cat-name" name="name" required maxLength={100} />
        </div>
        <div class="field">
          <label for="cat-description">Description</label>
          <input id="cat-description" name="description" maxLength={2000} />
        </div>
        <ProblemAlert error={error} />
        <button class="button" type="submit">
          Create category
        </button>
      </form>
    </details>
  );
}
