"use client";

import { Link } from "@/components/ui/link";
import { useId, useState } from "react";
import type { ImportPlan, ImportResult, PlanItem } from "@/lib/library/import";
import { count } from "@/lib/ui/plural";

type Answer = { plan?: ImportPlan; result?: ImportResult; error?: { message: string; fields?: Record<string, string> } };

const keyOf = (item: PlanItem) => `${item.kind}:${item.slug}`;
const label = (item: PlanItem) => `${item.kind === "pattern" ? "Pattern" : "Playbook entry"} “${item.title}” (${item.slug})`;

/** Upload, check, then import: the check lists conflicts and problems before anything is written. */
export function ImportForm({ endpoint }: { endpoint: string }) {
  const id = useId();
  const [files, setFiles] = useState<{ name: string; file: File }[]>([]);
  const [answer, setAnswer] = useState<Answer>({});
  const [keep, setKeep] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);

  function choose(list: FileList | null, folder: boolean) {
    const chosen = [...(list ?? [])].map((file) => ({
      name: folder && file.webkitRelativePath ? file.webkitRelativePath : file.name,
      file,
    }));
    setFiles(chosen);
    setAnswer({});
    setKeep(new Set());
  }

  async function send(step: "check" | "apply") {
    setBusy(true);
    const body = new FormData();
    for (const { name, file } of files) body.append("files", file, name);
    body.set("step", step);
    if (step === "apply" && answer.plan) {
      body.set("fingerprint", answer.plan.fingerprint);
      for (const key of keep) body.append("keep", key);
    }
    try {
      const response = await fetch(endpoint, { method: "POST", body });
      const data = (await response.json()) as Answer;
      setAnswer(step === "apply" && !data.result ? { ...data, plan: data.plan ?? answer.plan } : data);
    } catch {
      setAnswer({ error: { message: "The upload did not reach the server; try again." } });
    } finally {
      setBusy(false);
    }
  }

  const plan = answer.plan;
  const fieldError = answer.error?.fields?.files;
  return (
    <div className="space-y-6">
      <form
        aria-label="Choose what to import"
        className="card p-4"
        onSubmit={(event) => {
          event.preventDefault();
          void send("check");
        }}
      >
        <div className="mb-4">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            A zip of the library or an exported playbook file
          </label>
          <input id={`${id}-file`} type="file" accept=".zip,.md" onChange={(e) => choose(e.target.files, false)} className="mt-1 block" />
        </div>
        <div className="mb-4">
          <label htmlFor={`${id}-folder`} className="block text-sm font-medium">
            Or a folder (the unpacked export, or a repository with docs/patterns and docs/playbook)
          </label>
          <input
            id={`${id}-folder`}
            type="file"
            multiple
            onChange={(e) => choose(e.target.files, true)}
            className="mt-1 block"
            {...{ webkitdirectory: "" }}
          />
        </div>
        {files.length > 0 ? (
          <p className="mb-3 text-sm text-muted">{files.length === 1 ? files[0]!.name : `${count(files.length, "file")}`} chosen.</p>
        ) : null}
        <button
          type="submit"
          disabled={files.length === 0 || busy}
          className="rounded bg-accent px-4 py-2 font-medium text-accent-ink disabled:opacity-50"
        >
          Check the upload
        </button>
      </form>

      <div aria-live="polite">
        {answer.error ? (
          <div role="alert" className="rounded border border-danger bg-danger-soft p-3 text-sm">
            <p>{answer.error.message}</p>
            {fieldError ? <p className="mt-1 whitespace-pre-line">{fieldError}</p> : null}
          </div>
        ) : null}
        {answer.result ? (
          <p role="status" className="rounded border border-success bg-success-soft p-3 text-sm">
            Imported: {answer.result.created} created, {answer.result.updated} updated as a new version, {answer.result.kept} kept as they
            were, {answer.result.unchanged} unchanged
            {answer.result.categories > 0
              ? `, ${answer.result.categories} new ${answer.result.categories === 1 ? "category" : "categories"}`
              : ""}
            .{" "}
            <Link href="/patterns" className="underline">
              Open the library
            </Link>
          </p>
        ) : null}
      </div>

      {plan && !answer.result ? (
        <section aria-labelledby={`${id}-plan`} className="card p-4">
          <h2 id={`${id}-plan`} className="text-xl font-bold">
            What the import would do
          </h2>
          {plan.problems.length > 0 ? (
            <div role="alert" className="mt-3 rounded border border-danger bg-danger-soft p-3 text-sm">
              <p className="font-medium">
                Nothing can be imported: {plan.problems.length} {plan.problems.length === 1 ? "problem" : "problems"}. Fix{" "}
                {plan.problems.length === 1 ? "it" : "them"} and check again.
              </p>
              <ul className="mt-2 list-disc pl-5" aria-label="Problems">
                {plan.problems.map((p, i) => (
                  <li key={i}>
                    <code>{p.file}</code>: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {plan.newCategories.length > 0 ? <p className="mt-3">New categories: {plan.newCategories.join(", ")}.</p> : null}
          <h3 className="mt-4 font-semibold">New ({plan.create.length})</h3>
          {plan.create.length > 0 ? (
            <ul className="list-disc pl-5 text-sm" aria-label="New">
              {plan.create.map((item) => (
                <li key={keyOf(item)}>{label(item)}</li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">Nothing new.</p>
          )}
          <h3 className="mt-4 font-semibold">Conflicts: already in your library with a different text ({plan.update.length})</h3>
          {plan.update.length > 0 ? (
            <ul className="space-y-2 text-sm" aria-label="Conflicts">
              {plan.update.map((item) => (
                <li key={keyOf(item)} className="rounded border border-warning bg-warning-soft p-2">
                  <label className="flex items-start gap-2">
                    <input
                      type="checkbox"
                      className="mt-1"
                      checked={!keep.has(keyOf(item))}
                      onChange={(e) =>
                        setKeep((current) => {
                          const next = new Set(current);
                          if (e.target.checked) next.delete(keyOf(item));
                          else next.add(keyOf(item));
                          return next;
                        })
                      }
                    />
                    <span>
                      Replace {label(item)} with the imported text (differs in: {item.changes?.join(", ")}); version {item.currentVersion}{" "}
                      stays in its history.
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">No conflicts.</p>
          )}
          <p className="mt-4 text-sm text-muted">
            {plan.unchanged.length} already the same.
            {plan.ignored.length > 0 ? ` Ignored (not part of the library layout): ${plan.ignored.join(", ")}.` : ""}
          </p>
          <button
            type="button"
            disabled={plan.problems.length > 0 || busy || plan.create.length + plan.update.length + plan.newCategories.length === 0}
            onClick={() => void send("apply")}
            className="mt-4 rounded bg-accent px-4 py-2 font-medium text-accent-ink disabled:opacity-50"
          >
            Import
          </button>
        </section>
      ) : null}
    </div>
  );
}
