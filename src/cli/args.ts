import { parseArgs } from 'node:util';

/**
 * The hub's command line read by `node:util` parseArgs in strict mode: a command is named by its
 * words (`import esco`), takes positional arguments and options it declares, and anything else is a
 * UsageError naming what is known. `--help` (or `-h`) after a command's words prints its own help.
 */

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** How the value is shown in help: `--version V`. */
  value?: string;
  description: string;
}

export interface CommandSpec {
  /** The words that name the command, e.g. ['import', 'esco']. */
  words: string[];
  /** Positional arguments in order, as shown in help; a name ending in `?` is optional. */
  args: string[];
  options: Record<string, OptionSpec>;
  /** One or more lines of what the command does. */
  description: string;
}

export interface ParsedCommand<C extends CommandSpec> {
  command: C;
  options: Record<string, string | boolean | undefined>;
  args: string[];
}

/** A command line the hub cannot read; `usage` is the help to print with it (exit code 2). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What `--help` prints for one command. */
export function commandHelp(command: CommandSpec): string {
  const synopsis = [
    `npm run hub -- ${command.words.join(' ')}`,
    ...command.args.map((arg) => (arg.endsWith('?') ? `[<${arg.slice(0, -1)}>]` : `<${arg}>`)),
    ...Object.entries(command.options).map(([name, option]) => `[--${name}${option.value ? ` ${option.value}` : ''}]`),
  ].join(' ');
  const options = Object.entries(command.options).map(
    ([name, option]) => `  ${`--${name}${option.value ? ` ${option.value}` : ''}`.padEnd(26)} ${option.description}`,
  );
  return [
    `usage: ${synopsis}`,
    '',
    command.description,
    '',
    'options:',
    ...options,
    `  ${'--help'.padEnd(26)} this help`,
  ].join('\n');
}

function optionList(command: CommandSpec): string {
  return [...Object.keys(command.options), 'help'].map((name) => `--${name}`).join(', ');
}

/**
 * The command `argv` names and its options and arguments, or null when `argv` asks for no command
 * (empty, `help`, `--help`). Throws UsageError for an unknown command, an unknown option, a missing
 * option value, or missing or extra arguments; `--help` after a command's words throws nothing and
 * returns `{ help: true }`.
 */
export function parseCommand<C extends CommandSpec>(
  commands: C[],
  argv: string[],
  usage: string,
): ParsedCommand<C> | { command: C; help: true } | null {
  if (argv.length === 0 || ['help', '--help', '-h'].includes(argv[0])) return null;
  const command = commands
    .filter((c) => c.words.every((word, i) => argv[i] === word))
    .sort((a, b) => b.words.length - a.words.length)[0];
  if (!command) {
    const kinds = commands.filter((c) => c.words[0] === argv[0]);
    if (kinds.length > 0) {
      const supported = [...new Set(kinds.map((c) => c.words.slice(1).join(' ')))].join(', ');
      throw new UsageError(`unknown ${argv[0]} kind '${argv[1] ?? ''}' (supported: ${supported})`, usage);
    }
    throw new UsageError(`unknown command '${argv[0]}'`, usage);
  }
  const rest = argv.slice(command.words.length);
  const name = command.words.join(' ');
  const help = commandHelp(command);
  if (rest.includes('--help') || rest.includes('-h')) return { command, help: true };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: Object.fromEntries(Object.entries(command.options).map(([key, option]) => [key, { type: option.type }])),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const { code, message } = error as Error & { code?: string };
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(`${name}: unknown option '${option}' (known: ${optionList(command)})`, help);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(
        `${name}: ${option} ${command.options[option.replace(/^--/, '')]?.type === 'boolean' ? 'takes no value' : 'needs a value'}`,
        help,
      );
    throw new UsageError(`${name}: ${message}`, help);
  }
  const required = command.args.filter((arg) => !arg.endsWith('?'));
  if (parsed.positionals.length < required.length)
    throw new UsageError(`${name} needs <${required[parsed.positionals.length]}>`, help);
  if (parsed.positionals.length > command.args.length)
    throw new UsageError(
      `${name}: unexpected argument '${parsed.positionals[command.args.length]}' (takes ${command.args.length === 0 ? 'none' : command.args.map((arg) => `<${arg.replace(/\?$/, '')}>`).join(' ')})`,
      help,
    );
  return { command, options: parsed.values as Record<string, string | boolean | undefined>, args: parsed.positionals };
}
