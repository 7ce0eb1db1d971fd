"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

type Hit = { id: string; kind: string; title: string; context: string; url: string; snippet: string };

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

export function SearchDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<Hit[]>([]);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState("");
  const listId = useId();

  function open() {
    dialog.current?.showModal();
    input.current?.select();
  }

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const shortcut = (event.key === "k" && (event.metaKey || event.ctrlKey)) || (event.key === "/" && !isTyping(event.target));
      if (shortcut) {
        event.preventDefault();
        open();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const q = query.trim();
    if (q === "") return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/v1/search?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((response) => response.json() as Promise<{ results: Hit[] }>)
        .then((data) => {
          setHits(data.results);
          setActive(0);
          setStatus(data.results.length === 0 ? "No results" : `${data.results.length} result${data.results.length === 1 ? "" : "s"}`);
        })
        .catch(() => undefined);
    }, 80);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  function go(hit: Hit | undefined) {
    if (!hit) return;
    dialog.current?.close();
    router.push(hit.url);
  }

  const shown = query.trim() === "" ? [] : hits;
  return (
    <>
      <button
        type="button"
        onClick={open}
        className="flex items-center gap-2 rounded border border-line px-2 py-1.5 text-sm text-muted hover:bg-sunken sm:px-3"
        aria-keyshortcuts="/ Control+K"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-5 w-4 sm:hidden">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" />
        </svg>
        <span className="sr-only sm:not-sr-only">Search</span>
        <kbd className="hidden rounded border border-line px-1 font-mono text-xs sm:inline">/</kbd>
      </button>
      <dialog
        ref={dialog}
        aria-label="Search the program"
        className="m-auto w-[min(40rem,calc(100vw-2rem))] card p-0 text-ink shadow-xl backdrop:bg-black/40"
        onClick={(event) => event.target === dialog.current && dialog.current?.close()}
      >
        <div className="border-b border-line p-3">
          <label htmlFor={`${listId}-input`} className="sr-only">
            Search modules, exercises and your library
          </label>
          <input
            ref={input}
            id={`${listId}-input`}
            type="search"
            role="combobox"
            aria-expanded={shown.length > 0}
            aria-controls={listId}
            aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
            autoComplete="off"
            placeholder="Search modules, exercises and your library…"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "ArrowDown") {
                event.preventDefault();
                setActive((i) => Math.min(i + 1, shown.length - 1));
              } else if (event.key === "ArrowUp") {
                event.preventDefault();
                setActive((i) => Math.max(i - 1, 0));
              } else if (event.key === "Escape") {
                // A search input would clear itself first; one Escape should close the dialog.
                event.preventDefault();
                dialog.current?.close();
              } else if (event.key === "Enter") {
                event.preventDefault();
                go(shown[active]);
              }
            }}
            className="w-full rounded border border-line bg-canvas px-3 py-2 text-base"
          />
          <p className="sr-only" aria-live="polite">
            {query.trim() === "" ? "" : status}
          </p>
        </div>
        <ul id={listId} role="listbox" aria-label="Results" className="max-h-[60vh] overflow-y-auto p-2">
          {shown.map((hit, index) => (
            <li
              key={hit.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseEnter={() => setActive(index)}
              onClick={() => go(hit)}
              className={`cursor-pointer rounded p-2 ${index === active ? "bg-accent-soft" : ""}`}
            >
              <span className="block font-medium">{hit.title}</span>
              <span className="block text-xs text-muted">
                {hit.kind} · {hit.context}
              </span>
              <span className="mt-1 block text-sm text-muted">{hit.snippet}</span>
            </li>
          ))}
          {query.trim() !== "" && shown.length === 0 ? <li className="p-2 text-sm text-muted">{status}</li> : null}
        </ul>
      </dialog>
    </>
  );
}
