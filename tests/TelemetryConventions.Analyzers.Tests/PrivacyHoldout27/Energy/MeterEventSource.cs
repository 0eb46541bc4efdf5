using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout27.Energy;

/// <summary>The metering platform's EventSource, collected by dotnet-monitor on every node.</summary>
[EventSource(Name = "Supply-Metering")]
public sealed class MeterEventSource : EventSource
{
    public static readonly MeterEventSource Log = new();

    [Event(1, Level = EventLevel.Warning, Message = "Reading from meter {0} rejected: {1}")]
    public void ReadingRejected(string meterSerial, string reason)
    {
        if (IsEnabled())
        {
            WriteEvent(1, meterSerial, reason); // leak TC1001 direct
        }
    }

    [Event(2, Level = EventLevel.Informational)]
    public void BatchSettled(string supplierId, int readingCount, long settlementRun) => WriteEvent(2, supplierId, readingCount, settlementRun); // clean direct

    [Event(3, Level = EventLevel.Informational, Message = "Account {1} switched from {2} to {3}")]
    public void TariffSwitched(string supplierId, string accountRef, string fromTariff, string toTariff) => WriteEvent(3, supplierId, accountRef, fromTariff, toTariff); // clean precision-pseudonym
}

/// <summary>
/// Forwards the platform's own EventSource events to the log pipeline, so that they reach the
/// OpenTelemetry exporter with everything else.
/// </summary>
public sealed class SupplyEventForwarder : EventListener
{
    private static ILogger? _logger;

    public SupplyEventForwarder(ILoggerFactory loggerFactory)
    {
        _logger = loggerFactory.CreateLogger("Supply.EventSource");
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Supply-Metering")
        {
            EnableEvents(eventSource, EventLevel.Informational);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (_logger is null)
        {
            return;
        }

        var level = eventData.Level <= EventLevel.Warning ? LogLevel.Warning : LogLevel.Information;
        _logger.Log(level, "{Source}/{Event} with {FieldCount} fields", eventData.EventSource.Name, eventData.EventName, eventData.Payload?.Count ?? 0); // clean precision-about
        _logger.Log(level, "{Event}: {Payload}", eventData.EventName, string.Join(", ", eventData.Payload ?? (IEnumerable<object?>)Array.Empty<object?>())); // leak TC1001 cross-member
    }
}
