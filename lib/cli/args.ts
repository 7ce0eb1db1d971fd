// Parsing the mastery command line: global options, a command of one or two words, its
// positional arguments and options; anything unexpected is a usage error (exit code 2).
import { parseArgs } from "node:util";
import { EXIT_DESCRIPTIONS, usageError } from "./exit-codes";

type OptionSpec = { type: "string" | "boolean"; short?: string; value?: string; help: string; required?: boolean };

export type CommandSpec = {
  /** One or two words, e.g. "status" or "evidence add". */
  name: string;
  summary: string;
  args: { name: string; help: string }[];
  options: Record<string, OptionSpec>;
  /** A usage problem the option table cannot express, e.g. options that exclude each other. */
  check?: (options: Options) => string | null;
  examples: string[];
};

export type Options = Record<string, string | boolean | undefined>;
export type Global = { json: boolean; url?: string; config?: string };

export type CommandLine<C extends CommandSpec = CommandSpec> =
  | { kind: "help"; command?: C }
  | { kind: "run"; command: C; args: Record<string, string>; options: Options; global: Global };

const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  json: { type: "boolean", help: "print the API's JSON answer (or error) instead of text" },
  url: { type: "string", value: "URL", help: "the app's address (default: MASTERY_URL, the config file, then http://127.0.0.1:3000)" },
  config: { type: "string", value: "FILE", help: "the config file (default ~/.config/mastery/config.json)" },
  help: { type: "boolean", short: "h", help: "show help" },
};

const MODULE_ARG = /^[1-9]\d?$/;

function findCommand<C extends CommandSpec>(words: string[], commands: C[]): C | undefined {
  const byLength = [...commands].sort((a, b) => b.name.split(" ").length - a.name.split(" ").length);
  return byLength.find((c) => c.name.split(" ").every((w, i) => words[i] === w));
}

function parseOptions(argv: string[], specs: Record<string, OptionSpec>) {
  try {
    return parseArgs({
      args: argv,
      options: Object.fromEntries(Object.entries(specs).map(([name, s]) => [name, { type: s.type, ...(s.short ? { short: s.short } : {}) }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, "."));
  }
}

export function parseCommandLine<C extends CommandSpec>(argv: string[], commands: C[]): CommandLine<C> {
  const lead: string[] = [];
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith("-")) {
    const token = argv[i++]!;
    lead.push(token);
    if ((token === "--url" || token === "--config") && i < argv.length) lead.push(argv[i++]!);
  }
  const words = argv.slice(i);
  if (words[0] === "help") {
    const topic = words.slice(1);
    if (topic.length === 0) return { kind: "help" };
    const command = findCommand(topic, commands);
    if (!command) throw usageError(`There is no command "${topic.join(" ")}". Run mastery --help for the list.`);
    return { kind: "help", command };
  }
  const command = findCommand(words, commands);
  if (!command) {
    parseOptions(lead, GLOBAL_OPTIONS);
    if (words.length === 0) return { kind: "help" };
    const family = commands.filter((c) => c.name.startsWith(`${words[0]} `)).map((c) => c.name);
    throw usageError(
      family.length > 0 ? `"${words.join(" ")}" is incomplete: use ${family.map((f) => `mastery ${f}`).join(" or ")}.` : `There is no command "${words[0]}". Run mastery --help for the list.`,
    );
  }
  const { values, positionals } = parseOptions([...lead, ...words.slice(command.name.split(" ").length)], { ...GLOBAL_OPTIONS, ...command.options });
  if (values.help) return { kind: "help", command };
  if (positionals.length !== command.args.length) {
    const usage = command.args.map((a) => `<${a.name}>`).join(" ");
    throw usageError(
      positionals.length < command.args.length
        ? `mastery ${command.name} needs ${usage}. See mastery ${command.name} --help.`
        : `Unexpected argument "${positionals[command.args.length]}" for mastery ${command.name}.`,
    );
  }
  const args = Object.fromEntries(command.args.map((a, k) => [a.name, positionals[k]!]));
  if (args.module !== undefined && !MODULE_ARG.test(args.module)) throw usageError(`<module> is a module number such as 1, not "${args.module}".`);
  const options: Options = Object.fromEntries(Object.keys(command.options).map((name) => [name, values[name] as string | boolean | undefined]));
  for (const [name, spec] of Object.entries(command.options)) {
    if (spec.required && options[name] === undefined) throw usageError(`mastery ${command.name} needs --${name} ${spec.value ?? ""}`.trimEnd() + ".");
  }
  const problem = command.check?.(options);
  if (problem) throw usageError(problem);
  return {
    kind: "run",
    command,
    args,
    options,
    global: { json: values.json === true, url: values.url as string | undefined, config: values.config as string | undefined },
  };
}

/** The help text of one command, or of the whole tool. */
export function helpText(commands: CommandSpec[], command?: CommandSpec): string {
  const optionLines = (specs: Record<string, OptionSpec>) =>
    Object.entries(specs).map(([name, s]) => {
      const flag = `${s.short ? `-${s.short}, ` : ""}--${name}${s.value ? ` ${s.value}` : ""}`;
      return `  ${flag.padEnd(26)} ${s.help}${s.required ? " (required)" : ""}`;
    });
  if (command) {
    return [
      `Usage: mastery ${command.name}${command.args.map((a) => ` <${a.name}>`).join("")}${Object.keys(command.options).length > 0 ? " [options]" : ""}`,
      "",
      command.summary,
      ...(command.args.length > 0 ? ["", "Arguments:", ...command.args.map((a) => `  ${`<${a.name}>`.padEnd(26)} ${a.help}`)] : []),
      ...(Object.keys(command.options).length > 0 ? ["", "Options:", ...optionLines(command.options)] : []),
      "",
      "Global options:",
      ...optionLines(GLOBAL_OPTIONS),
      "",
      "Examples:",
      ...command.examples.map((e) => `  ${e}`),
      "",
    ].join("\n");
  }
  return [
    "Usage: mastery <command> [arguments] [options]",
    "",
    "Work on your Mastery packets from a terminal or an agent, through the app's API.",
    "",
    "Commands:",
    ...commands.map((c) => `  ${`${c.name}${c.args.map((a) => ` <${a.name}>`).join("")}`.padEnd(26)} ${c.summary}`),
    "",
    "Global options:",
    ...optionLines(GLOBAL_OPTIONS),
    "",
    "Configuration: MASTERY_URL and MASTERY_TOKEN, or ~/.config/mastery/config.json with {\"url\": ..., \"token\": ...}.",
    "Create a token in the app under Settings → API tokens.",
    "",
    "Exit codes:",
    ...EXIT_DESCRIPTIONS.map(([code, meaning]) => `  ${code}  ${meaning}`),
    "",
    "Run mastery <command> --help for a command's options and examples.",
    "",
  ].join("\n");
}
