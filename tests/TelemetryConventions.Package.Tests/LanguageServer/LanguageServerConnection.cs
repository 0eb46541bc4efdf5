using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace TelemetryConventions.Package.Tests.LanguageServer;

/// <summary>
/// A language server process spoken to over LSP: JSON-RPC 2.0 on its standard input and output, each
/// message preceded by a <c>Content-Length</c> header. Requests the server sends to the client are
/// answered by <see cref="AnswerServerRequest"/>; the process is always killed on dispose.
/// </summary>
public sealed class LanguageServerConnection : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly object _writeLock = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly StringBuilder _transcript = new();
    private readonly Task _reader;
    private int _nextId;

    private LanguageServerConnection(Process process, Func<string, JsonNode?, JsonNode?> answerServerRequest)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        AnswerServerRequest = answerServerRequest;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Log("stderr: " + e.Data); } };
        process.BeginErrorReadLine();
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Answers a request from the server (method, params) with its result.</summary>
    public Func<string, JsonNode?, JsonNode?> AnswerServerRequest { get; }

    /// <summary>What the server logged and asked, for failure messages.</summary>
    public string Transcript
    {
        get
        {
            lock (_transcript)
            {
                // The last part is what explains a failure; a whole session's log is too long for a test message.
                const int limit = 20_000;
                return _transcript.Length <= limit ? _transcript.ToString() : "…" + _transcript.ToString(_transcript.Length - limit, limit);
            }
        }
    }

    public static LanguageServerConnection Start(
        string executable, IEnumerable<string> arguments, string workingDirectory, Func<string, JsonNode?, JsonNode?> answerServerRequest)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The server loads projects through MSBuild.
        DotnetCli.UseOwnMSBuild(start);
        return new LanguageServerConnection(Process.Start(start)!, answerServerRequest);
    }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref _nextId);
        var response = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = response;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var finished = await Task.WhenAny(response.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (finished != response.Task)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"{method} got no answer within {timeout}.\n{Transcript}");
        }
        return await response.Task.ConfigureAwait(false);
    }

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                // A polite end first, so that the server stops its build hosts itself; killed below whatever happens.
                RequestAsync("shutdown", null, TimeSpan.FromSeconds(10)).Wait(TimeSpan.FromSeconds(10));
                Notify("exit", null);
                _process.WaitForExit(5_000);
            }
        }
        catch (Exception exception) when (exception is IOException or TimeoutException or AggregateException or InvalidOperationException)
        {
            // The server is killed below.
        }
        finally
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // It exited in between.
            }
            _reader.Wait(TimeSpan.FromSeconds(5));
            _process.Dispose();
        }
    }

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (_writeLock)
        {
            _input.Write(header);
            _input.Write(body);
            _input.Flush();
        }
    }

    private async Task ReadLoopAsync()
    {
        var output = _process.StandardOutput.BaseStream;
        try
        {
            while (await ReadMessageAsync(output).ConfigureAwait(false) is { } message)
            {
                Dispatch(message);
            }
        }
        catch (Exception exception)
        {
            // Whatever ends the loop (the server closing its output, a message this client cannot read) fails
            // the requests still waiting, with the log, instead of leaving them to time out.
            Log("connection closed: " + exception.Message);
        }
        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new IOException("The language server closed its output.\n" + Transcript));
        }
    }

    private void Dispatch(JsonObject message)
    {
        var method = message["method"]?.GetValue<string>();
        var id = message["id"];
        if (method is null && id is not null)
        {
            if (_pending.TryRemove(id.GetValue<int>(), out var response))
            {
                if (message["error"] is { } error)
                {
                    response.TrySetException(new InvalidOperationException("The language server answered with an error: " + error.ToJsonString()));
                }
                else
                {
                    response.TrySetResult(message["result"]?.DeepClone());
                }
            }
            return;
        }
        if (method is null)
        {
            return;
        }
        if (id is null)
        {
            if (method is "window/logMessage" or "window/showMessage")
            {
                Log(method + ": " + message["params"]?["message"]);
            }
            return;
        }
        Log("server asked " + method + " " + message["params"]?.ToJsonString());
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = AnswerServerRequest(method, message["params"]) });
    }

    private static async Task<JsonObject?> ReadMessageAsync(Stream output)
    {
        var contentLength = -1;
        while (true)
        {
            var line = await ReadHeaderLineAsync(output).ConfigureAwait(false);
            if (line is null)
            {
                return null;
            }
            if (line.Length == 0)
            {
                break;
            }
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = int.Parse(line[(colon + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        if (contentLength < 0)
        {
            throw new IOException("A message arrived without a Content-Length header.");
        }
        var body = new byte[contentLength];
        await output.ReadExactlyAsync(body).ConfigureAwait(false);
        return JsonNode.Parse(body)?.AsObject();
    }

    private static async Task<string?> ReadHeaderLineAsync(Stream output)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await output.ReadAsync(one).ConfigureAwait(false) == 0)
            {
                return null;
            }
            if (one[0] == (byte)'\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }
            bytes.Add(one[0]);
        }
    }

    private void Log(string line)
    {
        lock (_transcript)
        {
            _transcript.AppendLine(line);
        }
    }
}
