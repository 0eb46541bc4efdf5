using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout49.Support;
using PrivacyHoldout49.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout49.Energy;

public sealed record VanStockLine(string Sku, string Description, int Quantity);

public sealed record VanStockCount(string VanRegistration, string EngineerId, string EngineerName, string Depot, IReadOnlyList<VanStockLine> Lines);

public sealed record EngineerLocation(string EngineerId, GeoPoint Fix, DateTimeOffset At);

/// <summary>Nightly van stock counts and the live map of engineers on shift.</summary>
public sealed partial class EngineerVanStockService(ILogger<EngineerVanStockService> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Energy.VanStock");
    private readonly Dictionary<string, EngineerLocation> _lastFix = new();
    private readonly UpDownCounter<int> _stock = meter.CreateUpDownCounter<int>("van.stock.units");
    private string? _lastCountedBy;

    public void RecordCount(VanStockCount count)
    {
        using var activity = Source.StartActivity("van.stock.count");
        _lastCountedBy = count.EngineerName;
        activity?.SetTag("van.registration", count.VanRegistration); // clean precision-names
        activity?.SetTag("van.depot", count.Depot); // clean precision-names
        activity?.SetTag("van.lines", count.Lines.Count); // clean precision-about
        foreach (var line in count.Lines)
        {
            _stock.Add(line.Quantity, new KeyValuePair<string, object?>("sku", line.Sku), new KeyValuePair<string, object?>("depot", count.Depot)); // clean precision-names
        }

        var shortages = count.Lines.Where(l => l.Quantity == 0).Select(l => l.Sku).ToArray();
        LogShortage(logger, count.VanRegistration, string.Join(",", shortages), count.EngineerId); // leak TC1001 direct
    }

    public void Audit()
    {
        using var activity = Source.StartActivity("van.stock.audit");
        activity?.SetTag("van.stock.last_counted_by", _lastCountedBy); // leak TC1001 cross-member
        activity?.SetTag("van.stock.counted", _lastCountedBy is not null); // clean precision-about
    }

    public void OnFix(EngineerLocation location)
    {
        _lastFix[location.EngineerId] = location;
        Activity.Current?.SetTag("engineer.ref", pseudonymizer.ComputeFieldWorkerId(location.EngineerId)); // clean precision-pseudonym
    }

    public void PublishMapSnapshot()
    {
        using var activity = Source.StartActivity("engineer.map.snapshot");
        activity?.SetTag("engineer.on_shift", _lastFix.Count); // clean precision-about
        logger.LogDebug("Engineers with a fix: {Engineers}", _lastFix.Keys); // leak TC1001 logging-objects
        logger.LogDebug("Oldest fix at {Oldest}", _lastFix.Values.Select(f => f.At).DefaultIfEmpty().Min()); // clean precision-about
    }

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Van {VanRegistration} short of {Skus} (counted by {EngineerId})")]
    private static partial void LogShortage(ILogger logger, string vanRegistration, string skus, string engineerId);
}
