using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout22.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout22.Transport;

/// <summary>The rider and card a fare request is for, set by the fares API's middleware.</summary>
public sealed class RiderContext
{
    private static readonly AsyncLocal<RiderContext?> Holder = new();

    public static RiderContext? Current { get => Holder.Value; set => Holder.Value = value; }

    public required Guid RiderId { get; init; }

    public required string CardNumber { get; init; }

    public required string Concession { get; init; }

    public string? JourneyId { get; init; }
}

/// <summary>Adds the rider's card and journey to every span of the fares services.</summary>
public sealed class RiderSpanProcessor(Pseudonymizer pseudonymizer) : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        if (RiderContext.Current is not { } rider)
        {
            return;
        }

        data.SetTag("fares.card.last4", rider.CardNumber[^4..]); // clean precision-about
        data.SetTag("fares.card.number", rider.CardNumber); // leak TC1001 cross-member
        data.SetTag("fares.rider", rider.RiderId); // leak TC1001 cross-member
        data.SetTag("fares.rider.ref", pseudonymizer.ComputeGatewaySubjectId(rider.RiderId.ToString())); // clean precision-pseudonym
        data.SetTag("fares.concession", rider.Concession); // clean precision-names
        data.SetTag("fares.journey.id", rider.JourneyId); // clean precision-names
        data.AddEvent(new ActivityEvent("fares.rider", tags: new ActivityTagsCollection { ["card"] = rider.CardNumber, ["concession"] = rider.Concession })); // leak TC1001 logging-objects
    }
}

/// <summary>
/// The fares services' own console logger: one JSON object a line, for the log shipper of the
/// depots' on-premises cluster. Every line carries the rider of the request.
/// </summary>
public sealed class JsonLinesLoggerProvider(TextWriter output) : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new JsonLinesLogger(categoryName, output, () => _scopes);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class JsonLinesLogger(string category, TextWriter output, Func<IExternalScopeProvider> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => scopes().Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = new Dictionary<string, object?>
            {
                ["ts"] = DateTimeOffset.UtcNow,
                ["level"] = logLevel.ToString(),
                ["category"] = category,
                ["host"] = Environment.MachineName,
                ["message"] = formatter(state, exception),
                ["error"] = exception?.GetType().Name,
            };

            if (RiderContext.Current is { } rider)
            {
                line["concession"] = rider.Concession;
                line["card"] = rider.CardNumber;
            }

            output.WriteLine(JsonSerializer.Serialize(line)); // leak TC1001 cross-member
        }
    }
}
