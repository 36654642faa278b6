/** `incident-docs --help`. */
export const USAGE = `Usage: incident-docs check [options] <files, folders or globs…>
       incident-docs check [options] --stdin [--stdin-filename <path>]
       incident-docs explain [--format text|json] <file>
       incident-docs --version

check checks the 8D reports and post-mortems among the Markdown files named. Files that are not
reports are skipped silently.
  A folder: its Markdown files as the editor finds them — .gitignore files (nested ones too, and
    those above it up to the repository's root), incidentDocs.reportGlobs and files.exclude from
    --config, never node_modules; custom templates in .templates/ are read for what they require.
    Its .8d-dir, and the lock file of the report folder it names, are checked too.
  A file: checked as named, even if a glob or .gitignore would leave it out.
  A glob ("docs/**/*.md", quoted or not): the Markdown files it matches, minus ignored ones.

  --format <name>      text (default): path:line:col severity rule-id message
                       json: the findings as data; sarif: SARIF 2.1.0 (code scanning);
                       github: GitHub Actions annotations; junit: JUnit XML
  --config <file>      a JSON file with incidentDocs.* settings (and files.exclude), e.g. a
                       .vscode/settings.json ("incidentDocs.rules.empty-section": "off")
  --hints              also print hints (suggestions VS Code shows as dots, not in the Problems panel)
  --max-warnings <n>   exit 1 when there are more than n warnings
  --fix                write the fixes that need no person into the reports (missing backlinks, link
                       labels, missing sections), then print what remains
  --cache              re-check only files that changed, or whose linked reports did; the findings
                       of the last run are kept in .incident-docs-cache (keyed by content, settings
                       and version)
  --cache-location <f> keep them in f instead (implies --cache)
  --threads <n>        check in n worker threads (0: in one thread; default: one per core from 200 files)
  --stdin              check the text on standard input (with --fix: print it fixed on standard output)
  --stdin-filename <p> the path it is checked as (links resolve from there); default stdin.md
  --version            print the version

Severities are error, warning, info and hint (hints only with --hints), the words VS Code's problem
matchers read ($incident-docs). The summary and notes go to standard error.

explain prints what was understood of one Markdown file: its kind (8D report, post-mortem or not
a report) and why, each heading with the role it was given (a post-mortem section, an 8D
discipline, or — for none), and each timeline entry with its instant in UTC and its zone, or why
it was not read. --format json prints the same as JSON.

Exit status:
  0  no error, and no more warnings than --max-warnings allows
  1  an error was found, or more warnings than --max-warnings
  2  bad usage, a file named that cannot be read, a glob that matches nothing, or an invalid
     --config file (a file inside a folder that cannot be read is skipped with a note)`;
