using System.Diagnostics;
using System.Text;

namespace TelemetryConventions.Package.Tests;

public sealed record CommandResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}

/// <summary>Runs the dotnet CLI in a directory, capturing its output, with a time limit.</summary>
public static class DotnetCli
{
    public static CommandResult Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        Run(workingDirectory, timeout, new Dictionary<string, string>(), arguments);

    /// <summary>
    /// A child process that builds (the CLI, a language server's MSBuild workspace) finds the SDK itself: it must
    /// not inherit the test host's MSBuild, nor reuse the outer build's nodes or servers.
    /// </summary>
    public static void UseOwnMSBuild(ProcessStartInfo start)
    {
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
    }

    public static CommandResult Run(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        UseOwnMSBuild(start);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout}:\n{output}");
        }
        process.WaitForExit();
        lock (output)
        {
            return new CommandResult(process.ExitCode, output.ToString());
        }
    }
}
