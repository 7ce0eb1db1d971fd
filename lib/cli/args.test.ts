import { describe, expect, it } from "vitest";
import { type CommandLine, helpText, parseCommandLine } from "./args";
import { COMMANDS } from "./commands";
import { EXIT } from "./exit-codes";

const parse = (line: string): CommandLine => parseCommandLine(line.split(" ").filter(Boolean), COMMANDS);

function usageProblem(line: string): string {
  try {
    parse(line);
  } catch (error) {
    expect(error).toMatchObject({ exitCode: EXIT.usage });
    return (error as Error).message;
  }
  throw new Error(`"${line}" parsed without a usage error`);
}

describe("parseCommandLine", () => {
  it("finds one- and two-word commands with their arguments and options", () => {
    expect(parse("start 3 --restart")).toMatchObject({ kind: "run", command: { name: "start" }, args: { module: "3" }, options: { restart: true } });
    expect(parse("evidence add 1 --note - --title Trace")).toMatchObject({ command: { name: "evidence add" }, options: { note: "-", title: "Trace" } });
    expect(parse("log --module 2")).toMatchObject({ command: { name: "log" }, options: { module: "2" } });
    expect(parse("log append 2 --summary Drafted")).toMatchObject({ command: { name: "log append" }, args: { module: "2" } });
    expect(parse("export playbook -o playbook.md")).toMatchObject({ command: { name: "export playbook" }, options: { output: "playbook.md" } });
  });

  it("takes global options before or after the command", () => {
    expect(parse("--json --url http://127.0.0.1:3213 status")).toMatchObject({ kind: "run", global: { json: true, url: "http://127.0.0.1:3213" } });
    expect(parse("status --json --config c.json")).toMatchObject({ global: { json: true, config: "c.json" } });
  });

  it("answers --help, -h and help for the tool and for every command", () => {
    expect(parse("")).toEqual({ kind: "help" });
    expect(parse("--help")).toEqual({ kind: "help" });
    expect(parse("help drill record")).toMatchObject({ kind: "help", command: { name: "drill record" } });
    for (const command of COMMANDS) {
      expect(parse(`${command.name} --help`)).toMatchObject({ kind: "help", command: { name: command.name } });
      expect(parse(`${command.name} -h`)).toMatchObject({ kind: "help", command: { name: command.name } });
      expect(helpText(COMMANDS, command)).toContain(`Usage: mastery ${command.name}`);
    }
    expect(helpText(COMMANDS)).toContain("report status");
    expect(helpText(COMMANDS)).toContain("  4  cannot connect to the server");
  });

  it("explains every usage error", () => {
    expect(usageProblem("frobnicate")).toContain('no command "frobnicate"');
    expect(usageProblem("evidence")).toContain("mastery evidence add");
    expect(usageProblem("start")).toContain("needs <module>");
    expect(usageProblem("start one")).toContain("module number");
    expect(usageProblem("start 1 2")).toContain('Unexpected argument "2"');
    expect(usageProblem("start 1 --force")).toContain("--force");
    expect(usageProblem("evidence add 1")).toContain("exactly one of --note, --link or --file");
    expect(usageProblem("evidence add 1 --note a --link b")).toContain("exactly one");
    expect(usageProblem("evidence add 1 --link https://x.test --exercise e")).toContain("--exercise needs --note");
    expect(usageProblem("drill record 1 --drill d --reps 3 --seconds 60")).toContain("--passed or --failed");
    expect(usageProblem("drill record 1 --drill d --reps three --seconds 60 --failed")).toContain("whole numbers");
    expect(usageProblem("drill record 1 --reps 3 --seconds 60 --passed")).toContain("needs --drill");
    expect(usageProblem("exit-ticket 1 --question 4 --answer x")).toContain("1, 2 or 3");
    expect(usageProblem("submit 1")).toContain("needs --proof");
    expect(usageProblem("log --module x")).toContain("module number");
    expect(usageProblem("help nothing")).toContain('no command "nothing"');
  });
});
