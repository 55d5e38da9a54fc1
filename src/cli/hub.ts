import { ConfigError, loadConfig } from '../config.js';
import { ImportError } from '../errors.js';
import {
  buildLauncher,
  isLauncherBuilt,
  localGraphStatus,
  passwordFile,
  startLocalGraph,
  stopLocalGraph,
} from '../graph/local-neo4j.js';
import { openGraph } from '../graph/open.js';
import { CATALOGUE_FORMATS, catalogueFormat, readCatalogueFile } from '../catalogue/catalogue-files.js';
import { importCatalogue } from '../catalogue/import.js';
import { isCalendarDate } from '../catalogue/validation.js';
import { elmValidatorFor } from '../catalogue/elm-validation.js';
import { DEMAND_FORMATS, demandFormat } from '../demand/formats.js';
import { importDemand } from '../demand/import.js';
import { referenceLists } from '../demand/reference.js';
import { SkillLinkerCache } from '../linking/cache.js';
import { OccupationSearchCache, findOccupations } from '../linking/occupation-finder.js';
import { TaxonomyCache } from '../taxonomy/snapshot.js';
import { occupationLevels } from '../taxonomy/isco-levels.js';
import { setLogLevel } from '../logger.js';
import { type ImportProgress, type ImportSummary, importEsco } from '../taxonomy/esco-import.js';
import { loadDemoSeed } from '../taxonomy/seed.js';
import { type CommandSpec, commandHelp, parseCommand, UsageError } from './args.js';
import { ElmCommandError, exportElmCommand, validateElmCommand } from './elm-commands.js';

/** Progress on stderr: one line when a phase starts and when it ends, and every ~25% of a long one. */
function progressPrinter(): (progress: ImportProgress) => void {
  let lastPhase = '';
  let lastQuarter = -1;
  return ({ phase, done, total }) => {
    const quarter = total === 0 ? 4 : Math.floor((done / total) * 4);
    if (phase !== lastPhase) {
      lastPhase = phase;
      lastQuarter = -1;
    }
    if (quarter === lastQuarter) return;
    lastQuarter = quarter;
    process.stderr.write(`  writing ${phase}: ${done.toLocaleString('en')}/${total.toLocaleString('en')}\n`);
  };
}

export function formatImportSummary(summary: ImportSummary): string {
  const { counts } = summary;
  const lines = [
    `Imported ESCO ${summary.version} (${summary.language}; version from ${summary.versionSource}) in ${(summary.durationMs / 1000).toFixed(1)} s`,
    `  skills               ${counts.skills.toLocaleString('en')}`,
    `  skill groups         ${counts.skillGroups.toLocaleString('en')}`,
    `  occupations          ${counts.occupations.toLocaleString('en')}`,
    `  ISCO groups          ${counts.iscoGroups.toLocaleString('en')}`,
    `  essential relations  ${counts.essentialRelations.toLocaleString('en')}`,
    `  optional relations   ${counts.optionalRelations.toLocaleString('en')}`,
    `  broader relations    ${counts.broaderRelations.toLocaleString('en')}`,
    `  related skills       ${counts.relatedSkillRelations.toLocaleString('en')}`,
    ...Object.entries(counts.collectionMemberships)
      .sort()
      .map(([collection, count]) => `  collection ${collection.padEnd(22)} ${count.toLocaleString('en')}`),
  ];
  const deprecated = Object.entries(summary.deprecated).filter(([, count]) => count > 0);
  if (deprecated.length > 0) {
    lines.push(
      `  marked deprecated (absent from this release): ${deprecated.map(([kind, count]) => `${count} ${kind}`).join(', ')}`,
    );
  }
  if (summary.removedStaleRelations > 0)
    lines.push(`  relations no longer in this release, removed: ${summary.removedStaleRelations}`);
  if (summary.skippedTotal > 0) {
    lines.push(`  skipped ${summary.skippedTotal} relation(s) whose end is not in this release:`);
    for (const entry of summary.skipped) {
      lines.push(
        `    ${entry.count} × ${entry.relation} in ${entry.file} (lines ${entry.lines.join(', ')}${entry.count > entry.lines.length ? ', …' : ''}): ${entry.missingKind} ${entry.missingUri} is missing`,
      );
    }
  }
  return lines.join('\n');
}

type Options = Record<string, string | boolean | undefined>;

async function importCatalogueCommand(options: Options, [file]: string[]): Promise<void> {
  const skipInvalid = options['skip-invalid'] === true;
  const format = catalogueFormat(options.format as string | undefined);
  if (!format)
    throw new UsageError(
      `--format must be one of: ${CATALOGUE_FORMATS.map((f) => f.name).join(', ')} (got '${String(options.format)}')`,
      commandHelp(COMMANDS.find((c) => c.words.join(' ') === 'import catalogue')!),
    );
  // A file the import cannot read fails here, before a graph is opened and the linking index built.
  const retrievedOn = (options.retrieved as string | undefined) ?? null;
  if (retrievedOn !== null && !isCalendarDate(retrievedOn))
    throw new UsageError(
      `--retrieved must be a date YYYY-MM-DD (got '${retrievedOn}')`,
      commandHelp(COMMANDS.find((c) => c.words.join(' ') === 'import catalogue')!),
    );
  const read = readCatalogueFile(file, format, { retrievedOn });
  const config = loadConfig(process.env, false);
  const open = await openGraph(config);
  try {
    process.stderr.write(`Building the skill-linking index for the current taxonomy…\n`);
    const taxonomy = new TaxonomyCache(open.graph);
    await taxonomy.refresh();
    const release = await new SkillLinkerCache().get(open.graph, taxonomy.current);
    if (!release)
      process.stderr.write(
        `warning: no taxonomy imported yet; outcomes are stored without skill links (import ESCO, then this file again, to link them)\n`,
      );
    const search =
      release && read.qualifications.length > 0
        ? await new OccupationSearchCache().get(open.graph, taxonomy.current)
        : null;
    const started = performance.now();
    const summary = await importCatalogue(open.graph, file, release, {
      skipInvalid,
      format,
      retrievedOn,
      elmValidator: () => elmValidatorFor(config.elmDir),
      onProgress: progressPrinter(),
      occupationSearch: search ? (text, first) => findOccupations(search, release!.linker, text, { first }) : null,
      occupationLevel: occupationLevels(taxonomy.current?.currentOccupations() ?? []),
    });
    for (const skipped of summary.skipped) process.stderr.write(`skipped: ${skipped}\n`);
    for (const note of summary.notes) process.stderr.write(`note: ${note}\n`);
    for (const warning of summary.warnings) process.stderr.write(`warning: ${warning}\n`);
    if (options.json === true) {
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      return;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Imported ${summary.file} in ${seconds} s: ${summary.providers} provider(s), ${summary.microCredentials} micro-credential(s), ${summary.learningOutcomes} learning outcome(s)` +
        `${summary.qualifications > 0 ? `; ${summary.qualifications} qualification(s) with ${summary.qualificationOutcomes} statement(s) and ${summary.duties} dut(ies), ${summary.linkedWithoutStatedOutcomes} linked through their title or description; ESCO occupations found for ${summary.occupationsMatched.qualifications} (${summary.occupationsMatched.occupations} in all)` : ''}` +
        `; ${summary.suggestedLinks} skill link(s) suggested against ESCO ${summary.taxonomyVersion ?? '(none)'}, ${summary.outcomesWithoutLinks} outcome(s) left without a link` +
        `${summary.statedLinks + summary.statedLinksToUnknownSkills > 0 ? `; ${summary.statedLinks} link(s) stated by the document added${summary.statedLinksToUnknownSkills > 0 ? `, ${summary.statedLinksToUnknownSkills} to skills not in this taxonomy left out` : ''}` : ''}` +
        `${summary.skipped.length > 0 ? `; ${summary.skipped.length} problem(s) skipped` : ''}\n`,
    );
  } finally {
    await open.close();
  }
}

async function importDemandCommand(options: Options, [input]: string[]): Promise<void> {
  const formatName = options.format as string | undefined;
  const retrievedOn = (options.retrieved as string | undefined) ?? null;
  const years = (options.years as string | undefined)?.split(',').map((year) => year.trim());
  const format = demandFormat(formatName);
  const formats = DEMAND_FORMATS.map((f) => `  ${f.name.padEnd(14)} ${f.description}`).join('\n');
  if (!format)
    throw new UsageError(
      `import demand needs --format, one of:\n${formats}${formatName ? `\n(got '${formatName}')` : ''}`,
      help('import', 'demand'),
    );
  if (retrievedOn !== null && !/^\d{4}-\d{2}-\d{2}$/.test(retrievedOn))
    throw new UsageError(`--retrieved must be a date YYYY-MM-DD (got '${retrievedOn}')`, help('import', 'demand'));
  const config = loadConfig(process.env, false);
  process.stderr.write(`Reading ${input} as ${format.name} (code lists from ${config.referenceDir})\n`);
  if (years?.some((year) => !/^\d{4}$/.test(year)))
    throw new UsageError(
      `--years must be years separated by commas, such as 2023,2024 (got '${years.join(',')}')`,
      help('import', 'demand'),
    );
  const batches = format.read(input, referenceLists(config.referenceDir), { retrievedOn, years });
  const open = await openGraph(config);
  try {
    const summaries = await importDemand(open.graph, batches, progressPrinter());
    for (const summary of summaries) {
      const flags = Object.entries(summary.flags)
        .map(([flag, count]) => `${flag} ${count}`)
        .join(', ');
      process.stdout.write(
        `Imported ${summary.sourceName} (${summary.sourceId}), periods ${summary.periods.join(', ')}: ${summary.signals.toLocaleString('en')} figure(s), ` +
          `${summary.published.toLocaleString('en')} published, ${summary.notPublished.toLocaleString('en')} not published (kept as missing), ` +
          `${summary.lowReliability.toLocaleString('en')} of low reliability${flags ? `; flags: ${flags}` : ''}` +
          `${summary.removed > 0 ? `; ${summary.removed} figure(s) the source no longer has removed` : ''} in ${(summary.durationMs / 1000).toFixed(1)} s\n`,
      );
      for (const skipped of summary.skipped)
        process.stdout.write(`  not kept: ${skipped.count} row(s), ${skipped.reason}\n`);
    }
  } finally {
    await open.close();
  }
}

async function importEscoCommand(options: Options, [dir]: string[]): Promise<void> {
  const version = options.version as string | undefined;
  const asJson = options.json === true;
  const config = loadConfig(process.env, false);
  const open = await openGraph(config);
  try {
    process.stderr.write(`Reading ESCO export ${dir}\n`);
    const summary = await importEsco(open.graph, dir, {
      version,
      onFile: (file, rows) => process.stderr.write(`  read ${file}: ${rows.toLocaleString('en')} rows\n`),
      onProgress: progressPrinter(),
    });
    for (const entry of summary.skipped) {
      process.stderr.write(
        `warning: skipped ${entry.count} ${entry.relation} relation(s) in ${entry.file}: ${entry.missingKind} ${entry.missingUri} is not in this release\n`,
      );
    }
    process.stdout.write(`${asJson ? JSON.stringify(summary, null, 2) : formatImportSummary(summary)}\n`);
  } finally {
    await open.close();
  }
}

async function dbCommand(action: 'build' | 'start' | 'stop' | 'status', options: Options): Promise<void> {
  const config = loadConfig(process.env, false);
  switch (action) {
    case 'build':
      if (options['if-missing'] === true && isLauncherBuilt()) return;
      buildLauncher();
      return;
    case 'start': {
      if (config.neo4j.uri)
        process.stderr.write(`note: NEO4J_URI is set (${config.neo4j.uri}); starting the local Neo4j anyway\n`);
      const { started, uri } = await startLocalGraph(config.localGraph);
      process.stdout.write(
        `${started ? 'started' : 'already running'}: ${uri} (data in ${config.localGraph.dataDir}; user neo4j, password in ${passwordFile(config.localGraph.dataDir)})\n`,
      );
      return;
    }
    case 'stop': {
      const stopped = await stopLocalGraph(config.localGraph.dataDir);
      process.stdout.write(stopped ? 'stopped\n' : 'not running\n');
      return;
    }
    case 'status': {
      const status = localGraphStatus(config.localGraph.dataDir);
      process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      if (!status.running) process.exitCode = 3;
      return;
    }
  }
}

async function seedCommand(): Promise<void> {
  const config = loadConfig(process.env, false);
  const open = await openGraph(config);
  try {
    const summary = await loadDemoSeed(open.graph);
    process.stdout.write(`${formatImportSummary(summary)}\n`);
  } finally {
    await open.close();
  }
}

interface HubCommand extends CommandSpec {
  run(options: Options, args: string[]): Promise<void>;
}

const COMMANDS: HubCommand[] = [
  {
    words: ['import', 'esco'],
    args: ['dir'],
    options: {
      version: {
        type: 'string',
        value: 'V',
        description: 'the release version (default: from the folder name, else the newest modifiedDate)',
      },
      json: { type: 'boolean', description: 'print the summary as JSON' },
    },
    description: 'Import an ESCO CSV export (all or nothing; idempotent; a newer release upgrades in place).',
    run: importEscoCommand,
  },
  {
    words: ['import', 'catalogue'],
    args: ['file'],
    options: {
      format: {
        type: 'string',
        value: '<name>',
        description: `the register's format, one of: ${CATALOGUE_FORMATS.map((f) => `${f.name} (${f.description})`).join('; ')}`,
      },
      'skip-invalid': { type: 'boolean', description: 'import the valid records and report each skipped one' },
      retrieved: {
        type: 'string',
        value: 'YYYY-MM-DD',
        description: 'when the register was exported (ofqual: certification ended before it = retired; default today)',
      },
      json: { type: 'boolean', description: 'print the summary as JSON' },
    },
    description:
      'Import micro-credentials and qualifications: our JSON or CSV, an ELM v3 JSON-LD document (checked against\n' +
      'the ELM shapes, each violation a warning) or a register format (--format). All or nothing unless --skip-invalid;\n' +
      'idempotent. The summary counts records, outcomes, links made, occupations matched and what was left out.',
    run: importCatalogueCommand,
  },
  {
    words: ['import', 'demand'],
    args: ['file-or-dir'],
    options: {
      format: {
        type: 'string',
        value: '<name>',
        description: `one of: ${DEMAND_FORMATS.map((f) => f.name).join(', ')}`,
      },
      retrieved: { type: 'string', value: 'YYYY-MM-DD', description: 'when the figures were retrieved' },
      years: { type: 'string', value: '2023,2024', description: 'import only these years' },
    },
    description:
      "Import labour-market demand signals (all or nothing; replaces the source's figures for the periods it brings).",
    run: importDemandCommand,
  },
  {
    words: ['export', 'elm'],
    args: [],
    options: {
      id: { type: 'string', value: '<offer>', description: 'export this offer only' },
      out: { type: 'string', value: '<dir>', description: 'the folder to write to (default: elm-export)' },
    },
    description: "Write each offer's ELM v3 JSON-LD document and say which conform to EDC-generic-full.",
    run: (options) =>
      exportElmCommand({
        id: options.id as string | undefined,
        outDir: (options.out as string | undefined) ?? 'elm-export',
      }),
  },
  {
    words: ['validate', 'elm'],
    args: ['file'],
    options: {},
    description:
      "Check an ELM v3 JSON-LD file against the Commission's shapes (EDC-generic-full): each violation (node,\n" +
      'property, message); exit code 1 when it does not conform.',
    run: (_options, [file]) => validateElmCommand(file),
  },
  {
    words: ['seed'],
    args: [],
    options: {},
    description: 'Load the demo data set from seeds/ (a small ESCO subset).',
    run: seedCommand,
  },
  {
    words: ['db', 'build'],
    args: [],
    options: { 'if-missing': { type: 'boolean', description: 'only when it is not built yet' } },
    description: 'Build the Neo4j launcher (Maven).',
    run: (options) => dbCommand('build', options),
  },
  ...(
    [
      ['start', "Start the project's own Neo4j (used when NEO4J_URI is unset)."],
      ['stop', "Stop the project's own Neo4j."],
      ['status', "Whether the project's own Neo4j runs, as JSON (exit code 3 when it does not)."],
    ] as const
  ).map(([action, description]) => ({
    words: ['db', action],
    args: [],
    options: {},
    description,
    run: (options: Options) => dbCommand(action, options),
  })),
];

const USAGE = [
  'usage: npm run hub -- <command> [--help]',
  '',
  ...COMMANDS.map((c) => `  ${c.words.join(' ').padEnd(18)} ${c.description.split('\n')[0]}`),
  '',
  'Environment: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE for an external Neo4j;',
  'HUB_GRAPH_DIR, HUB_GRAPH_PORT, HUB_GRAPH_HEAP_MB for the local one. See docs/operations.md.',
].join('\n');

function help(...words: string[]): string {
  const command = COMMANDS.find((c) => c.words.join(' ') === words.join(' '));
  return command ? commandHelp(command) : USAGE;
}

async function main(argv: string[]): Promise<void> {
  setLogLevel(process.env.LOG_LEVEL ? loadConfig(process.env, false).logLevel : 'warn');
  const parsed = parseCommand(COMMANDS, argv, USAGE);
  if (parsed === null) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if ('help' in parsed) {
    process.stdout.write(`${commandHelp(parsed.command)}\n`);
    return;
  }
  return parsed.command.run(parsed.options, parsed.args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}\n\n${error.usage}\n`);
    process.exit(2);
  }
  if (error instanceof ImportError) {
    process.stderr.write(`error: ${error.message}\nNothing was written: the graph is as it was before.\n`);
    process.exit(1);
  }
  if (error instanceof ConfigError || error instanceof ElmCommandError) {
    process.stderr.write(`error: ${error.message}\n`);
    process.exit(1);
  }
  process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
