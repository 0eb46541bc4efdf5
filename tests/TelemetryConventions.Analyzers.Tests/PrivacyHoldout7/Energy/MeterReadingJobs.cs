using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout7.Support;
using PrivacyHoldout7.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout7.Energy;

public sealed record SmartMeter(string Serial, string AccountNumber, string Postcode, string FeederId, string TariffCode);

public sealed record MeterReading(string MeterSerial, DateTimeOffset TakenAt, decimal KilowattHours);

public interface IHeadEndClient
{
    Task<MeterReading?> ReadAsync(string meterSerial, CancellationToken cancellationToken);
}

public interface IMeterRepository
{
    Task<IReadOnlyList<SmartMeter>> DueForReadAsync(string feederId, CancellationToken cancellationToken);
}

/// <summary>Reads every meter of a feeder that is due, a few at a time.</summary>
public sealed class FeederReadJob(IMeterRepository meters, IHeadEndClient headEnd, Pseudonymizer pseudonymizer, ILogger<FeederReadJob> logger) : IJob
{
    private static readonly ActivitySource Source = new("Tariff.Reads");

    public async Task Execute(IJobExecutionContext context)
    {
        var feederId = context.MergedJobDataMap.GetString("feederId");
        using var job = Source.StartActivity("feeder-read");
        job?.SetTag("tariff.feeder.id", feederId); // clean precision-names
        job?.SetTag("job.refire_count", context.RefireCount); // clean precision-about

        var due = await meters.DueForReadAsync(feederId, context.CancellationToken);
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = context.CancellationToken }, async (meter, ct) =>
        {
            using var read = Source.StartActivity("meter-read", ActivityKind.Client, job?.Context ?? default, new[] { new KeyValuePair<string, object?>("tariff.meter.serial", meter.Serial) }); // leak TC1001 direct
            read?.SetTag("tariff.tariff.code", meter.TariffCode); // clean precision-about
            var reading = await headEnd.ReadAsync(meter.Serial, ct);
            if (reading is null)
            {
                failures.Add(meter.Serial);
                logger.LogWarning("No reading from meter {MeterSerial}", meter.Serial); // leak TC1001 direct
            }
        });

        job?.SetTag("tariff.read.failures", failures.Count); // clean precision-about
        job?.SetTag("tariff.read.failed_meters", string.Join(';', failures)); // leak TC1001 strings
    }
}

/// <summary>Checks a household's readings against its neighbours'.</summary>
public sealed class ConsumptionCheck(IHeadEndClient headEnd, ILogger<ConsumptionCheck> logger)
{
    private static readonly ActivitySource Source = new("Tariff.Consumption");

    private static (string Serial, string Band) Classify(SmartMeter meter, decimal kwh) =>
        (meter.Serial, kwh switch { < 5m => "low", < 20m => "typical", _ => "high" });

    public async Task CheckAsync(IReadOnlyList<SmartMeter> street, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("consumption-check");
        var readings = await Task.WhenAll(street.Select(m => headEnd.ReadAsync(m.Serial, cancellationToken)));
        var found = readings.OfType<MeterReading>().ToList();
        activity?.SetTag("tariff.readings.found", found.Count); // clean precision-about

        foreach (var (meter, reading) in street.Zip(readings))
        {
            var (serial, band) = Classify(meter, reading?.KilowattHours ?? 0m);
            activity?.AddEvent(new ActivityEvent("tariff.consumption.band", tags: new ActivityTagsCollection { ["band"] = band })); // clean precision-about
            if (band == "high")
            {
                logger.LogInformation("High consumption on meter {Meter}", serial); // leak TC1001 cross-member
            }
        }

        var outward = street.Count > 0 ? street[0].Postcode.Split(' ')[0] : "none";
        activity?.SetTag("tariff.postcode.district", outward); // clean precision-about
    }
}

/// <summary>Publishes the number of meters online per feeder, and per account for the support desk.</summary>
public sealed class MeterFleetGauges
{
    private readonly ConcurrentDictionary<string, SmartMeter> _online = new();

    public MeterFleetGauges(Meter meter, Pseudonymizer pseudonymizer)
    {
        meter.CreateObservableGauge("tariff.meters.online", () =>
            _online.Values.GroupBy(m => m.FeederId).Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("tariff.feeder.id", g.Key)))); // clean precision-about
        meter.CreateObservableGauge("tariff.account.meters", () =>
            _online.Values.GroupBy(m => m.AccountNumber).Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("tariff.account", g.Key)))); // leak TC1003 direct
        meter.CreateObservableGauge("tariff.customer.meters", () =>
            _online.Values.GroupBy(m => m.AccountNumber).Select(g => new Measurement<int>(g.Count(), new KeyValuePair<string, object?>("tariff.customer.id", pseudonymizer.PseudonymizeTariffCustomerId(g.Key))))); // leak TC1003 precision-pseudonym
    }

    public void Online(SmartMeter meter) => _online[meter.Serial] = meter;
}

/// <summary>Switches a customer to a new tariff.</summary>
public sealed class TariffSwitchService(Pseudonymizer pseudonymizer, ILogger<TariffSwitchService> logger)
{
    private static readonly ActivitySource Source = new("Tariff.Switch");
    public void Switch(SmartMeter meter, string newTariff, string switchId)
    {
        var customer = pseudonymizer.PseudonymizeTariffCustomerId(meter.AccountNumber);
        using var span = Source.StartTariffSwitch(customer); // clean generated-api
        span.SetTariffSwitchId(switchId); // clean generated-api
        span.SetTariffNote("meter " + meter.Serial + " moved to " + newTariff); // leak TC1001 generated-api
        logger.LogTariffSwitchDelayedEvent($"account {meter.AccountNumber} waiting on supplier"); // leak TC1001 generated-api

        var fingerprint = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(meter.AccountNumber)));
        Activity.Current?.SetTag("tariff.account.fingerprint", fingerprint); // leak TC1002 hashes
        Activity.Current?.SetTag("tariff.account.hash", meter.AccountNumber.GetHashCode()); // leak TC1002 hashes
    }
}
