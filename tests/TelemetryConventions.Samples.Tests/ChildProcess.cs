using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace TelemetryConventions.Samples.Tests;

/// <summary>
/// A process started by a test, with its output captured as it comes (so that a chatty process
/// never blocks on a full pipe) and killed, with its children, on dispose.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    private ChildProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The showcase as built next to the tests; its runtimeconfig is copied with it.</summary>
    public static string ShowcaseDll => Path.Combine(AppContext.BaseDirectory, "Showcase.dll");

    /// <summary>The dotnet host running the tests, so that the child uses the same SDK.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts the showcase with <paramref name="args"/>, without the caller's key or OTLP settings unless given.</summary>
    public static ChildProcess StartShowcase(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var arguments = new List<string> { ShowcaseDll };
        arguments.AddRange(args);
        var settings = new Dictionary<string, string?>
        {
            // The tests decide what the child sees: no key, no exporter, no colours unless they say so.
            ["TELEMETRY_PSEUDONYM_KEY"] = null,
            ["TELEMETRY_PSEUDONYM_KEY_ID"] = null,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            ["NO_COLOR"] = "1",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }
        return Start(DotnetHost, arguments, settings);
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => Append(child._output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(child._errors, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the process to exit; kills it and throws when it takes longer than <paramref name="timeout"/>.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            throw new TimeoutException($"{_process.StartInfo.FileName} did not exit within {timeout.TotalSeconds:0} s.\nstdout:\n{Output}\nstderr:\n{Errors}");
        }
        // The parameterless wait also drains the asynchronous output readers.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Kill()
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
            // It exited between the check and the kill.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }
}
