using System.Text.Json.Nodes;

namespace TelemetryConventions.Package.Tests.LanguageServer;

/// <summary>
/// An editor's side of a session with csharp-ls over one project folder: the requests an editor sends
/// for diagnostics, code actions and completion, and the configuration it answers with.
/// </summary>
public sealed class LanguageServerSession : IDisposable
{
    // Loading a project runs a design-time build, the generator and, with analyzers on, every analyzer:
    // minutes on a busy two-core machine, so every wait is generous.
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, int> _versions = new(StringComparer.Ordinal);

    private LanguageServerSession(LanguageServerConnection connection) => Connection = connection;

    public LanguageServerConnection Connection { get; }

    public static async Task<LanguageServerSession> StartAsync(string executable, string projectDirectory)
    {
        var root = Uri(projectDirectory);
        var folder = new JsonObject { ["uri"] = root, ["name"] = Path.GetFileName(projectDirectory) };
        var connection = LanguageServerConnection.Start(executable, ["--loglevel", "info"], projectDirectory,
            (method, parameters) => method == "workspace/workspaceFolders" ? new JsonArray(folder.DeepClone()) : Answer(method, parameters));
        var session = new LanguageServerSession(connection);
        try
        {
            await connection.RequestAsync("initialize", new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = root,
                ["workspaceFolders"] = new JsonArray(folder.DeepClone()),
                ["capabilities"] = new JsonObject
                {
                    // Without workspace/configuration the server never learns analyzersEnabled, and reports compiler errors only.
                    ["workspace"] = new JsonObject
                    {
                        ["configuration"] = true,
                        ["workspaceFolders"] = true,
                        ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true },
                    },
                    ["textDocument"] = new JsonObject
                    {
                        ["synchronization"] = new JsonObject { ["didSave"] = true },
                        ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false },
                        ["completion"] = new JsonObject { ["completionItem"] = new JsonObject { ["snippetSupport"] = false } },
                        // Literal code actions whose edits come with them (no resolve step), as simple clients have them.
                        ["codeAction"] = new JsonObject
                        {
                            ["codeActionLiteralSupport"] = new JsonObject
                            {
                                ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("", "quickfix", "refactor", "source") },
                            },
                        },
                    },
                },
            }, RequestTimeout).ConfigureAwait(false);
            connection.Notify("initialized", new JsonObject());
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public static string Uri(string path) => new Uri(path).AbsoluteUri;

    public void Open(string path, string text)
    {
        _versions[path] = 1;
        Connection.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });
    }

    /// <summary>The editor's buffer now holds <paramref name="text"/> (a full-text change).</summary>
    public void Change(string path, string text)
    {
        var version = _versions[path] = _versions[path] + 1;
        Connection.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });
    }

    /// <summary>Files changed on disk, as an editor's file watcher reports them.</summary>
    public void FilesChanged(params string[] paths) =>
        Connection.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(paths.Select(p => (JsonNode)new JsonObject { ["uri"] = Uri(p), ["type"] = 2 }).ToArray()),
        });

    public async Task<IReadOnlyList<JsonObject>> DiagnosticsAsync(string path)
    {
        var report = await Connection.RequestAsync("textDocument/diagnostic", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path) },
        }, RequestTimeout).ConfigureAwait(false);
        return report?["items"]?.AsArray().Select(item => item!.AsObject()).ToList() ?? [];
    }

    public async Task<IReadOnlyList<JsonObject>> CodeActionsAsync(string path, JsonObject diagnostic)
    {
        var actions = await Connection.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path) },
            ["range"] = diagnostic["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(diagnostic.DeepClone()), ["triggerKind"] = 1 },
        }, RequestTimeout).ConfigureAwait(false);
        return actions?.AsArray().Select(action => action!.AsObject()).ToList() ?? [];
    }

    public async Task<IReadOnlyList<string>> CompletionLabelsAsync(string path, (int Line, int Character) position)
    {
        var completion = await Connection.RequestAsync("textDocument/completion", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path) },
            ["position"] = new JsonObject { ["line"] = position.Line, ["character"] = position.Character },
            ["context"] = new JsonObject { ["triggerKind"] = 2, ["triggerCharacter"] = "." },
        }, RequestTimeout).ConfigureAwait(false);
        var items = completion is JsonArray list ? list : completion?["items"]?.AsArray();
        return items?.Select(item => item!["label"]!.GetValue<string>()).ToList() ?? [];
    }

    /// <summary>The line and character (UTF-16) just after the first occurrence of <paramref name="marker"/>.</summary>
    public static (int Line, int Character) PositionAfter(string text, string marker)
    {
        var offset = text.IndexOf(marker, StringComparison.Ordinal);
        if (offset < 0)
        {
            throw new ArgumentException($"'{marker}' is not in the text.", nameof(marker));
        }
        offset += marker.Length;
        var line = text[..offset].Count(c => c == '\n');
        return (line, offset - (text.LastIndexOf('\n', offset - 1) + 1));
    }

    public void Dispose() => Connection.Dispose();

    /// <summary>The editor's answers to the server's requests: analyzers on, everything else acknowledged.</summary>
    private static JsonNode? Answer(string method, JsonNode? parameters) => method switch
    {
        "workspace/configuration" => new JsonArray((parameters?["items"]?.AsArray() ?? [])
            .Select(item => item?["section"]?.GetValue<string>() == "csharp"
                ? (JsonNode)new JsonObject { ["analyzersEnabled"] = true }
                : null)
            .ToArray()),
        _ => null,
    };
}
