using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout5.Support;
using TelemetryConventions;

namespace PrivacyHoldout5.Energy;

public sealed record SmartMeter(string MeterSerial, string Mpan, string FeederId, string TariffCode, string? AccountHolderEmail);

public sealed record MeterSample(string MeterSerial, double KilowattHours, DateTimeOffset ReadAt, bool Estimated);

public interface IHeadEndSystem
{
    Task<MeterSample?> PollAsync(SmartMeter meter, CancellationToken cancellationToken);
}

public interface IMeterRegistry
{
    IReadOnlyList<SmartMeter> Due(DateTimeOffset now);
}

/// <summary>Polls the smart meters that are due every five minutes.</summary>
public sealed class MeterPollingService : IHostedService, IDisposable
{
    private static readonly ActivitySource Source = new("Grid.Metering");
    private static readonly Meter Meter = new("Grid.Metering");

    private readonly IHeadEndSystem _headEnd;
    private readonly IMeterRegistry _registry;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<MeterPollingService> _logger;
    private readonly ConcurrentDictionary<string, double> _lastReadByFeeder = new();
    private readonly ConcurrentDictionary<string, int> _failuresBySerial = new();
    private Timer? _timer;

    public MeterPollingService(IHeadEndSystem headEnd, IMeterRegistry registry, Pseudonymizer pseudonymizer, ILogger<MeterPollingService> logger)
    {
        _headEnd = headEnd;
        _registry = registry;
        _pseudonymizer = pseudonymizer;
        _logger = logger;

        Meter.CreateObservableGauge("grid.feeder.last_read", ObserveLastReads);
        Meter.CreateObservableCounter("grid.meter.poll_failures", ObserveFailures);
        Meter.CreateObservableUpDownCounter("grid.meter.failing", () => _failuresBySerial.Count(kv => kv.Value > 0)); // clean precision-about
    }

    private IEnumerable<Measurement<double>> ObserveLastReads()
    {
        foreach (var (feederId, kilowattHours) in _lastReadByFeeder)
        {
            yield return new Measurement<double>(kilowattHours, new KeyValuePair<string, object?>("grid.feeder.id", feederId)); // clean precision-names
        }
    }

    private IEnumerable<Measurement<int>> ObserveFailures()
    {
        foreach (var (meterSerial, failures) in _failuresBySerial)
        {
            yield return new Measurement<int>(failures, new KeyValuePair<string, object?>("grid.meter.serial", meterSerial)); // leak TC1003 cross-member
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new Timer(_ => _ = PollDueAsync(), null, TimeSpan.Zero, TimeSpan.FromMinutes(5));
        return Task.CompletedTask;
    }

    private async Task PollDueAsync()
    {
        var due = _registry.Due(DateTimeOffset.UtcNow);
        using var batch = Source.StartActivity("grid.meters.poll");
        batch?.SetTag("grid.meters.due", due.Count); // clean precision-about
        foreach (var meter in due)
        {
            using var poll = Source.StartActivity("grid.meter.poll");
            poll?.SetTag("grid.feeder.id", meter.FeederId); // clean precision-names
            poll?.SetTag("grid.meter.mpan", meter.Mpan); // leak TC1001 direct
            poll?.SetTag("grid.meter.ref", _pseudonymizer.Compute("smart-meter", meter.MeterSerial)); // clean precision-pseudonym
            try
            {
                var sample = await _headEnd.PollAsync(meter, CancellationToken.None);
                if (sample is null)
                {
                    _failuresBySerial.AddOrUpdate(meter.MeterSerial, 1, (_, n) => n + 1);
                    _logger.LogWarning(string.Format(CultureInfo.InvariantCulture, "No sample from meter {0} on feeder {1}", meter.MeterSerial, meter.FeederId)); // leak TC1001 strings
                    continue;
                }
                _failuresBySerial.TryRemove(meter.MeterSerial, out _);
                _lastReadByFeeder[meter.FeederId] = sample.KilowattHours;
                poll?.SetTag("grid.sample.estimated", sample.Estimated); // clean precision-about
                poll?.SetTag("grid.sample.age_seconds", (DateTimeOffset.UtcNow - sample.ReadAt).TotalSeconds);
                _logger.LogDebug("Sample {@Sample}", sample); // leak TC1001 logging-objects
            }
            catch (TimeoutException ex)
            {
                poll?.AddException(new TimeoutException($"Head end timed out for {meter.MeterSerial}", ex)); // leak TC1001 exceptions
                _logger.LogWarning("Head end timeout on feeder {FeederId}: {Error}", meter.FeederId, ex.GetType().Name); // clean exceptions
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.Infinite, 0);
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();
}

/// <summary>Switch requests for a tariff: the contact is only needed for the confirmation mail.</summary>
public sealed class TariffSwitchNotifier(ILogger<TariffSwitchNotifier> logger)
{
    private static readonly Meter Meter = new("Grid.Tariffs");
    private static readonly Counter<long> Switches = Meter.CreateCounter<long>("grid.tariff.switches");

    public void Confirm(SmartMeter meter, string newTariff)
    {
        var contact = meter.AccountHolderEmail ?? "no-contact";
        Switches.Add(1, new KeyValuePair<string, object?>("grid.tariff.code", newTariff)); // clean precision-names
        Switches.Add(1, new KeyValuePair<string, object?>("grid.account.contact", contact)); // leak TC1003 direct
        logger.LogInformation("Tariff switch to {Tariff} confirmed for {Contact}", newTariff, contact); // leak TC1001 direct
        logger.LogInformation("Tariff switch confirmation has contact: {HasContact}", meter.AccountHolderEmail is not null); // clean precision-about
        Activity.Current?.SetTag("grid.meter.serial_hash", meter.MeterSerial.GetHashCode()); // leak TC1002 hashes
    }
}
