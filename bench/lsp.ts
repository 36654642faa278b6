/**
 * Drives the real bundled server (`node dist/server.js --stdio`) as an editor does, for edit latency.
 * Modelled on test/support/lspClient.ts, reduced to what the benchmark needs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification,
  ConfigurationRequest,
  RegistrationRequest,
  ShutdownRequest,
  ExitNotification,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { now } from './stats';

interface Waiter {
  uri: string;
  version: number;
  resolve: (params: PublishDiagnosticsParams) => void;
}

export class BenchServer {
  private waiters: Waiter[] = [];
  private indexingDone: (() => void) | undefined;
  private readonly versions = new Map<string, number>();

  private constructor(private readonly child: ChildProcess, private readonly connection: ProtocolConnection) {}

  /** Starts the server on `serverJs` with `rootUri` as the workspace folder and waits for its first scan to end. */
  static async start(serverJs: string, rootUri: string | null, settings: Record<string, unknown> = { diagnosticsDelay: 0 }): Promise<BenchServer> {
    const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new BenchServer(child, connection);
    const scanned = new Promise<void>((resolve) => (server.indexingDone = resolve));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => server.onDiagnostics(params));
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'incidentDocs' ? settings : null)));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onNotification('incidentDocs/indexing', (params: { state: string }) => {
      if (params.state === 'end') server.indexingDone?.();
    });
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      capabilities: {
        workspace: { configuration: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true } },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    if (rootUri) await scanned;
    return server;
  }

  private onDiagnostics(params: PublishDiagnosticsParams): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.uri !== params.uri || waiter.version !== params.version) return true;
      waiter.resolve(params);
      return false;
    });
  }

  private published(uri: string, version: number, timeoutMs = 120_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No diagnostics for ${uri} version ${version} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, version, resolve: (params) => (clearTimeout(timer), resolve(params)) });
    });
  }

  async open(uri: string, text: string): Promise<PublishDiagnosticsParams> {
    this.versions.set(uri, 1);
    const published = this.published(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return published;
  }

  /** One incremental change; resolves with the milliseconds from sending it to the diagnostics for that version. */
  async change(uri: string, range: Range, text: string): Promise<{ ms: number; diagnostics: number }> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const published = this.published(uri, version);
    const start = now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    const params = await published;
    return { ms: now() - start, diagnostics: params.diagnostics.length };
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The server process's peak resident set (VmHWM) in bytes, where /proc tells it (Linux). */
  peakRss(): number | undefined {
    try {
      const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      return match ? Number(match[1]) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await exited;
    this.connection.dispose();
  }
}
