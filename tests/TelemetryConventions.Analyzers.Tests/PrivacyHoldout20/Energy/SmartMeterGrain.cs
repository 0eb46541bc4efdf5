using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using PrivacyCorpus.Shared;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Energy;

public sealed record MeterReading(DateTimeOffset At, decimal ImportKwh, decimal ExportKwh);

[GenerateSerializer]
public sealed class MeterState
{
    [Id(0)] public string TariffCode { get; set; } = "STD";

    [Id(1)] public string AccountNumber { get; set; } = string.Empty;

    [Id(2)] public List<MeterReading> Today { get; set; } = [];

    [Id(3)] public DateTimeOffset LastReadAt { get; set; }

    [Id(4)] public string FeederId { get; set; } = string.Empty;
}

[Alias("energy.ISmartMeterGrain")]
public interface ISmartMeterGrain : IGrainWithStringKey
{
    Task RecordReadingAsync(MeterReading reading);

    Task<decimal> GetDailyImportAsync();
}

/// <summary>One grain per smart meter, keyed by the meter's serial number.</summary>
public sealed class SmartMeterGrain(
    [PersistentState("meter", "meterStore")] IPersistentState<MeterState> state,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SmartMeterGrain> logger) : Grain, ISmartMeterGrain, IRemindable
{
    private readonly Histogram<double> _dailyImport = meter.CreateHistogram<double>("meter.daily_import", "kWh");

    private string Serial => GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Meter grain {Grain} activated", IdentityString); // leak TC1001 cross-member
        Activity.Current?.SetTag("meter.tariff", state.State.TariffCode); // clean precision-names
        await this.RegisterOrUpdateReminder("daily-settlement", TimeSpan.FromHours(1), TimeSpan.FromDays(1));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        logger.LogInformation("Meter {Serial} deactivated: {Reason}", Serial, reason.ReasonCode); // leak TC1001 cross-member
        return Task.CompletedTask;
    }

    public async Task RecordReadingAsync(MeterReading reading)
    {
        using var activity = source.StartActivity("meter.reading");
        activity?.SetTag("meter.serial", GetPrimaryKeyString()); // leak TC1001 direct
        activity?.SetTag("meter.model", Serial[..3]); // clean precision-about
        activity?.SetTag("meter.readings.today", state.State.Today.Count); // clean precision-about
        activity?.SetTag("grid.feeder", state.State.FeederId); // clean precision-names
        activity?.SetBaggage("meter.serial", Serial); // leak TC1001 cross-member

        if (reading.At <= state.State.LastReadAt)
        {
            logger.LogWarning("Out-of-order reading for {Serial} at {At}", Serial, reading.At); // leak TC1001 cross-member
            return;
        }

        state.State.Today.Add(reading);
        state.State.LastReadAt = reading.At;
        try
        {
            await state.WriteStateAsync();
        }
        catch (InconsistentStateException ex)
        {
            logger.LogWarning(ex, "Concurrent write of meter state"); // leak TC1001 exceptions
            logger.LogWarning("Meter state ETag moved from {Stored} to {Current}", ex.StoredEtag, ex.CurrentEtag); // clean exceptions
            await state.ReadStateAsync();
        }
    }

    public Task<decimal> GetDailyImportAsync() => Task.FromResult(state.State.Today.Sum(r => r.ImportKwh));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        logger.LogInformation("Reminder {Reminder} fired at {Tick}", reminderName, status.CurrentTickTime); // clean precision-names
        var import = (double)state.State.Today.Sum(r => r.ImportKwh);
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(Serial))[0] & 0x0F;

        _dailyImport.Record(import, new KeyValuePair<string, object?>("tariff", state.State.TariffCode)); // clean precision-names
        _dailyImport.Record(import, new KeyValuePair<string, object?>("meter.shard", shard)); // clean hashes
        _dailyImport.Record(import, new KeyValuePair<string, object?>("account", state.State.AccountNumber)); // leak TC1003 cross-member

        logger.LogInformation("Settled {Kwh} kWh for account {Account}", import, pseudonymizer.ComputeWorkflowPartyId(state.State.AccountNumber)); // clean precision-pseudonym
        state.State.Today.Clear();
        await state.WriteStateAsync();
    }
}
