using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace TelemetryConventions.Api.Tests;

/// <summary>An OpenTelemetry SDK log pipeline per test, exporting to memory.</summary>
public sealed class TestLogging : IDisposable
{
    public TestLogging(LogLevel minimumLevel = LogLevel.Trace)
    {
        Factory = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(minimumLevel)
            .AddOpenTelemetry(options => options.AddInMemoryExporter(Records)));
        Logger = Factory.CreateLogger("clinic.tests");
    }

    public ILoggerFactory Factory { get; }

    public ILogger Logger { get; }

    public List<LogRecord> Records { get; } = new();

    public static Dictionary<string, object?> Attributes(LogRecord record) =>
        (record.Attributes ?? Array.Empty<KeyValuePair<string, object?>>())
            .Where(a => a.Key != "{OriginalFormat}")
            .ToDictionary(a => a.Key, a => a.Value);

    public void Dispose() => Factory.Dispose();
}
