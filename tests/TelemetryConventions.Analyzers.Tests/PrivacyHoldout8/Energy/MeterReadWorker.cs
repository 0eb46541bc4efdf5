using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using PrivacyCorpus.Shared;
using PrivacyHoldout8.Support;
using TelemetryConventions;

namespace PrivacyHoldout8.Energy;

public sealed record MeterRead(string MeterSerial, string AccountNumber, string FeederId, double KilowattHours, DateTimeOffset ReadAt);

public interface IMeterReadStore
{
    Task<IReadOnlyList<MeterRead>> TakePendingAsync(CancellationToken cancellationToken);

    Task MarkBilledAsync(string meterSerial, CancellationToken cancellationToken);
}

public sealed class MeterReadRejectedException(string meterSerial, string reason)
    : Exception($"Read from meter {meterSerial} rejected: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>Bills pending meter reads every minute, one DI scope per batch.</summary>
public sealed class MeterReadWorker(IServiceScopeFactory scopeFactory, ILogger<MeterReadWorker> logger, TelemetrySecrets secrets) : BackgroundService
{
    private static readonly ActivitySource Source = new("PrivacyHoldout8.Energy");
    private static readonly Meter Meter = new("PrivacyHoldout8.Energy");
    private static readonly ConcurrentDictionary<string, int> PendingByFeeder = new();
    private static readonly ConcurrentDictionary<string, double> LastReadBySerial = new();

    static MeterReadWorker()
    {
        Meter.CreateObservableCounter("meter.reads.pending", ObservePending);
        Meter.CreateObservableGauge("meter.last_read", ObserveLastReads);
    }

    private static IEnumerable<Measurement<int>> ObservePending()
    {
        foreach (var (feeder, count) in PendingByFeeder)
        {
            yield return new Measurement<int>(count, new KeyValuePair<string, object?>("feeder.id", feeder)); // clean precision-names
        }
    }

    private static IEnumerable<Measurement<double>> ObserveLastReads()
    {
        foreach (var pair in LastReadBySerial)
        {
            yield return new Measurement<double>(pair.Value, new KeyValuePair<string, object?>("meter.serial", pair.Key)); // leak TC1003 direct
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IMeterReadStore>();
            var pseudonymizer = scope.ServiceProvider.GetRequiredService<Pseudonymizer>();
            var reads = await store.TakePendingAsync(stoppingToken);
            Activity.Current?.SetTag("meter.batch.size", reads.Count); // clean precision-about

            foreach (var read in reads)
            {
                await BillAsync(read, store, pseudonymizer, stoppingToken);
            }

            await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
        }
    }

    private async Task BillAsync(MeterRead read, IMeterReadStore store, Pseudonymizer pseudonymizer, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("meter.bill", ActivityKind.Consumer);
        var household = pseudonymizer.Pseudonymize("energy.meter", read.MeterSerial);
        activity?.SetTag("meter.household", household.Value); // clean precision-pseudonym
        activity?.SetTag("feeder.id", read.FeederId); // clean direct
        PendingByFeeder.AddOrUpdate(read.FeederId, 0, static (_, n) => Math.Max(0, n - 1));
        LastReadBySerial[read.MeterSerial] = read.KilowattHours;

        Span<char> buffer = stackalloc char[32];
        if (read.KilowattHours.TryFormat(buffer, out var written, "F1", CultureInfo.InvariantCulture))
        {
            activity?.SetTag("meter.kwh", buffer[..written].ToString()); // clean precision-about
        }
        Span<char> serialBuffer = stackalloc char[64];
        if (read.MeterSerial.AsSpan().TryCopyTo(serialBuffer))
        {
            activity?.SetTag("meter.serial.prefix", serialBuffer[..read.MeterSerial.Length].ToString()); // leak TC1001 strings
        }

        try
        {
            if (read.KilowattHours < 0)
            {
                throw new MeterReadRejectedException(read.MeterSerial, "negative consumption");
            }
            await store.MarkBilledAsync(read.MeterSerial, cancellationToken);
        }
        catch (MeterReadRejectedException ex)
        {
            ex.Data["account"] = read.AccountNumber;
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Read rejected: {Reason}", ex.Reason); // clean exceptions
        }
        finally
        {
            var bucket = BitConverter.ToUInt32(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(read.AccountNumber))) % 64;
            activity?.SetTag("account.bucket", bucket); // clean hashes
            activity?.SetTag("account.hash", read.AccountNumber.GetHashCode()); // leak TC1002 hashes
        }
    }
}

/// <summary>Tariff switch requests for a household.</summary>
public sealed class TariffSwitchHandler(ILogger<TariffSwitchHandler> logger)
{
    private static readonly Meter Meter = new("PrivacyHoldout8.Energy.Tariffs");
    private static readonly UpDownCounter<long> InFlight = Meter.CreateUpDownCounter<long>("tariff.switches.in_flight");

    public void Handle(string accountNumber, string tariffCode, string meterSerial)
    {
        InFlight.Add(1, new KeyValuePair<string, object?>("tariff.code", tariffCode)); // clean precision-names
        try
        {
            Log("Switching {Account} to {Tariff}", accountNumber, tariffCode); // leak TC1001 cross-member
            Log("Switching meter model {Model} to {Tariff}", meterSerial[..3], tariffCode); // clean precision-about
        }
        finally
        {
            InFlight.Add(-1, new KeyValuePair<string, object?>("tariff.code", tariffCode)); // clean direct
        }
    }

    private void Log(string template, params object[] values) => logger.LogInformation(template, values);
}
