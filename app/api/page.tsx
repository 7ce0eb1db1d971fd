import type { Metadata } from "next";
import { headers } from "next/headers";
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import type { Auth } from "@/lib/agent/endpoint";
import { curlExamples } from "@/lib/agent/examples";
import { ENDPOINTS } from "@/lib/agent/routes";
import { COMMANDS } from "@/lib/cli/commands";
import { IDEMPOTENT_ANSWER_RETENTION_DAYS } from "@/lib/retention";
import { EXIT_DESCRIPTIONS } from "@/lib/cli/exit-codes";

export const metadata: Metadata = { title: "API and command line" };

const WHO: Record<Auth, string> = {
  learner: "API token or signed-in learner",
  reviewer: "signed-in reviewer only: every API token gets 403",
  public: "anyone",
};

function Code({ children, label }: { children: ReactNode; label: string }) {
  return (
    <pre tabIndex={0} aria-label={label} className="my-2 overflow-x-auto rounded border border-line bg-sunken p-3 text-sm">
      <code>{children}</code>
    </pre>
  );
}

export default async function ApiPage() {
  const host = (await headers()).get("host") ?? "127.0.0.1:3000";
  const tags = [...new Set(ENDPOINTS.map((e) => e.tag))];
  return (
    <>
      <PageHeader title="API and command line">
        Anything that can make HTTP requests or run a command can work the plan: read it, start the next packet, attach evidence, submit for review and write
        to the plan log. The plan pauses at review_required until a human reviewer signs off in the browser.
      </PageHeader>

      <Section id="start" title="Start">
        <ol className="list-decimal space-y-2 pl-5">
          <li>
            Create a token on <Link href="/settings#api-tokens" className="underline">Settings → API tokens</Link>. It acts as your learner profile and is shown
            once.
          </li>
          <li>
            Tell the command line (or your scripts) where the app is and which token to use:
            <Code label="Environment">{`export MASTERY_URL=http://${host}\nexport MASTERY_TOKEN=mastery_…`}</Code>
            or write them to <code>~/.config/mastery/config.json</code> as <code>{`{"url": "http://${host}", "token": "mastery_…"}`}</code> (another file with{" "}
            <code>--config FILE</code>).
          </li>
          <li>
            Ask for the next step, from the project folder (<code>npx mastery</code>) or anywhere after <code>npm link</code>:
            <Code label="First commands">{`npx mastery next\ncurl -H "Authorization: Bearer $MASTERY_TOKEN" "$MASTERY_URL/api/v1/packets/next"`}</Code>
          </li>
        </ol>
      </Section>

      <Section id="rules" title="How the API answers">
        <ul className="list-disc space-y-1 pl-5">
          <li>
            JSON in, JSON out, under the versioned prefix <code>/api/v1/</code>. The full description is the OpenAPI 3.1 document at{" "}
            <a href="/api/v1/openapi.json" className="underline">
              /api/v1/openapi.json
            </a>
            .
          </li>
          <li>
            Errors are <code>{`{ "error": { "code", "message", "fields"? } }`}</code> with a 4xx status: 400 invalid input (each field named in{" "}
            <code>fields</code>), 401 no or bad token, 403 not allowed, 404 no such thing, 409 refused by a rule of the plan (the code names it, e.g.{" "}
            <code>one-at-a-time</code>, <code>prerequisites</code>, <code>proof-incomplete</code>), 413 too large, 415 not JSON.
          </li>
          <li>Unknown fields and wrong types are refused, never ignored. Bodies are limited to 1 MB, evidence uploads to 10 MB per file.</li>
          <li>
            Writes take an <code>Idempotency-Key</code> header: a retry with the same key and body within {IDEMPOTENT_ANSWER_RETENTION_DAYS} days gets the first answer again (with{" "}
            <code>Idempotent-Replayed: true</code>) and writes nothing twice; the same key with a different body is refused with 409.
          </li>
          <li>A token can never accept, reject or rescore a review: those endpoints answer 403 to every token.</li>
        </ul>
      </Section>

      <Section id="endpoints" title="Endpoints">
        {tags.map((tag) => (
          <div key={tag} className="mb-6">
            <h3 className="mb-2 text-lg font-semibold">{tag}</h3>
            <ul className="space-y-4">
              {ENDPOINTS.filter((e) => e.tag === tag).map((e) => (
                <li key={`${e.method} ${e.path}`} className="card p-4">
                  <h4 className="flex flex-wrap items-center gap-2 font-mono text-sm font-semibold">
                    <Badge tone={e.method === "GET" ? "neutral" : "accent"}>{e.method}</Badge>
                    <span className="break-all">{e.path}</span>
                  </h4>
                  <p className="mt-1">{e.summary}.</p>
                  {e.description ? <p className="mt-1 text-sm text-muted">{e.description}</p> : null}
                  <p className="mt-1 text-sm">Who: {WHO[e.auth]}.</p>
                  {curlExamples(e).map((example, i) => (
                    <Code key={i} label={`curl example for ${e.method} ${e.path}`}>
                      {example}
                    </Code>
                  ))}
                  {e.cli ? (
                    <p className="text-sm">
                      Command line: <code>{e.cli}</code>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Section>

      <Section id="cli" title="The mastery command">
        <p className="mb-3">
          Human-readable output by default; <code>--json</code> prints the API&apos;s answer (or error) for machines. <code>mastery help COMMAND</code> or{" "}
          <code>--help</code> on any command shows its options.
        </p>
        <DataTable
          label="Commands"
          rowHeaders
          headers={["Command", "What it does", "Example"]}
          rows={COMMANDS.map((c) => ({
            key: c.name,
            cells: [`mastery ${c.name}${c.args.map((a) => ` <${a.name}>`).join("")}`, c.summary, <code key="example">{c.examples[0]}</code>],
          }))}
        />
        <h3 className="mb-2 mt-6 text-lg font-semibold">Exit codes</h3>
        <DataTable label="Exit codes" rowHeaders headers={["Code", "Meaning"]} rows={EXIT_DESCRIPTIONS.map(([code, meaning]) => ({ key: String(code), cells: [String(code), meaning] }))} />
      </Section>
    </>
  );
}
