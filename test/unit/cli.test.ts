import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CommandSpec, commandHelp, parseCommand, UsageError } from '../../src/cli/args.js';
import { readCatalogueFile } from '../../src/catalogue/catalogue-files.js';
import { ImportError } from '../../src/errors.js';

const commands: CommandSpec[] = [
  {
    words: ['import', 'esco'],
    args: ['dir'],
    options: {
      version: { type: 'string', value: 'V', description: 'the release version' },
      json: { type: 'boolean', description: 'as JSON' },
    },
    description: 'Import an ESCO CSV export.',
  },
  { words: ['import', 'catalogue'], args: ['file'], options: {}, description: 'Import a catalogue.' },
  { words: ['export', 'elm'], args: ['file?'], options: {}, description: 'Export.' },
  { words: ['seed'], args: [], options: {}, description: 'Seed.' },
];

function usageError(argv: string[]): UsageError {
  try {
    parseCommand(commands, argv, 'USAGE');
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`no UsageError for ${argv.join(' ')}`);
}

describe('parseCommand', () => {
  it('reads a command, its argument and its options', () => {
    const parsed = parseCommand(commands, ['import', 'esco', 'dir', '--version', '1.2.0', '--json'], 'USAGE');
    expect(parsed).toEqual({ command: commands[0], options: { version: '1.2.0', json: true }, args: ['dir'] });
  });

  it('asks for no command when given nothing, help or --help', () => {
    expect(parseCommand(commands, [], 'USAGE')).toBeNull();
    expect(parseCommand(commands, ['help'], 'USAGE')).toBeNull();
    expect(parseCommand(commands, ['--help'], 'USAGE')).toBeNull();
  });

  it("returns a command's own help for --help or -h after its words, whatever else is given", () => {
    expect(parseCommand(commands, ['import', 'esco', '--help'], 'USAGE')).toEqual({ command: commands[0], help: true });
    expect(parseCommand(commands, ['import', 'esco', '--verison', '-h'], 'USAGE')).toEqual({
      command: commands[0],
      help: true,
    });
  });

  it('refuses an unknown option, naming it and the known ones, with the command help', () => {
    const error = usageError(['import', 'esco', 'dir', '--verison', '1']);
    expect(error.message).toBe("import esco: unknown option '--verison' (known: --version, --json, --help)");
    expect(error.usage).toBe(commandHelp(commands[0]));
    expect(usageError(['import', 'catalogue', 'x.json', '--format', 'x']).message).toBe(
      "import catalogue: unknown option '--format' (known: --help)",
    );
  });

  it('refuses a string option without its value and a boolean one with a value', () => {
    expect(usageError(['import', 'esco', 'dir', '--version']).message).toBe('import esco: --version needs a value');
    expect(usageError(['import', 'esco', 'dir', '--json=yes']).message).toBe('import esco: --json takes no value');
  });

  it('refuses a missing or an extra argument, an optional one allowed', () => {
    expect(usageError(['import', 'esco']).message).toBe('import esco needs <dir>');
    expect(usageError(['seed', 'extra']).message).toBe("seed: unexpected argument 'extra' (takes none)");
    expect(usageError(['import', 'catalogue', 'a.json', 'b.json']).message).toBe(
      "import catalogue: unexpected argument 'b.json' (takes <file>)",
    );
    expect(parseCommand(commands, ['export', 'elm'], 'USAGE')).toEqual({
      command: commands[2],
      options: {},
      args: [],
    });
  });

  it('names an unknown command, or the kinds a known first word supports, with the general usage', () => {
    const kind = usageError(['import', 'foo']);
    expect(kind.message).toBe("unknown import kind 'foo' (supported: esco, catalogue)");
    expect(kind.usage).toBe('USAGE');
    expect(usageError(['relink']).message).toBe("unknown command 'relink'");
  });

  it('shows every option and argument in the help', () => {
    expect(commandHelp(commands[0]).split('\n')).toEqual([
      'usage: npm run hub -- import esco <dir> [--version V] [--json]',
      '',
      'Import an ESCO CSV export.',
      '',
      'options:',
      `  ${'--version V'.padEnd(26)} the release version`,
      `  ${'--json'.padEnd(26)} as JSON`,
      `  ${'--help'.padEnd(26)} this help`,
    ]);
  });
});

describe('npm run hub', () => {
  const hub = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/hub.ts', ...args], { encoding: 'utf8' });

  it('exits 2 on an unknown option before touching any graph, printing the command help', () => {
    const run = hub('import', 'esco', '/nonexistent', '--verison', '1');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("error: import esco: unknown option '--verison' (known: --version, --json, --help)");
    expect(run.stderr).toContain('usage: npm run hub -- import esco <dir> [--version V] [--json]');
  });

  it('refuses a catalogue file it cannot read with exit code 1, before opening a graph', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hub-cli-')), 'standards.json');
    fs.writeFileSync(file, '{"standards": []}');
    const run = hub('import', 'catalogue', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'error: standards.json: nothing to import: expected an object with "providers", "qualifications" or ' +
        '"microCredentials" lists, or an ELM document (with "@context"), but found only "standards"\n' +
        'Nothing was written: the graph is as it was before.\n',
    );
  });

  it('prints a command help for --help and exits 0', () => {
    const run = hub('import', 'demand', '--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('usage: npm run hub -- import demand <file-or-dir> [--format <name>]');
    expect(run.stdout).toContain('--years 2023,2024');
  });
});

describe('readCatalogueFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-file-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const failure = (file: string): string => {
    try {
      readCatalogueFile(file);
    } catch (error) {
      if (error instanceof ImportError) return error.message;
      throw error;
    }
    throw new Error(`${file} was read`);
  };

  it('refuses a JSON object with none of the catalogue lists, naming what it found and what it expected', () => {
    expect(failure(write('standards.json', '{"standards": [], "version": 2}'))).toBe(
      'standards.json: nothing to import: expected an object with "providers", "qualifications" or "microCredentials" lists, ' +
        'or an ELM document (with "@context"), but found only "standards", "version"',
    );
    expect(failure(write('empty.json', '{}'))).toBe(
      'empty.json: nothing to import: expected an object with "providers", "qualifications" or "microCredentials" lists, ' +
        'or an ELM document (with "@context"), but found an empty object',
    );
  });

  it('refuses a CSV file with a header and no offer row', () => {
    expect(failure(write('header-only.csv', 'id,title\n'))).toBe(
      'header-only.csv: nothing to import: a CSV file with no offer rows',
    );
  });

  it('reads a catalogue with only one of its lists', () => {
    const read = readCatalogueFile(write('providers.json', '{"providers": [{"id": "p1", "name": "P"}]}'));
    expect(read.providers).toEqual([{ id: 'p1', name: 'P' }]);
    expect(read.microCredentials).toEqual([]);
    expect(read.qualifications).toEqual([]);
  });
});
