using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout4.Support;
using PrivacyHoldout4.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout4.Energy;

public interface ISmartMeterGrain : IGrainWithStringKey
{
    ValueTask RecordAsync(double kilowattHours, DateTimeOffset at);
}

public sealed class MeterState
{
    public double LastReading { get; set; }

    public DateTimeOffset LastReadAt { get; set; }

    public int Gaps { get; set; }

    public string? FirmwareVersion { get; set; }
}

/// <summary>One grain per smart meter, keyed by the meter's serial.</summary>
public sealed class SmartMeterGrain(IPersistentState<MeterState> state, ILogger<SmartMeterGrain> logger, Pseudonymizer pseudonymizer, Meter meter)
    : Grain, ISmartMeterGrain
{
    private static readonly ActivitySource Source = new("Grid.Meters");
    private readonly Histogram<double> _consumption = meter.CreateHistogram<double>("grid.meter.consumption", "kWh");
    private Pseudonym _household;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _household = pseudonymizer.PseudonymizeGridMeterId(this.GetPrimaryKeyString());
        logger.LogDebug("Activated meter grain {Grain}", this.GetPrimaryKeyString()); // leak TC1001 direct
        logger.LogDebug("Activated meter grain {Household}", _household); // clean precision-pseudonym
        return Task.CompletedTask;
    }

    public async ValueTask RecordAsync(double kilowattHours, DateTimeOffset at)
    {
        using var span = Source.StartGridReading(_household); // clean precision-pseudonym
        var delta = kilowattHours - state.State.LastReading;

        if (delta < 0)
        {
            span.AddGridReadingRejectedEvent($"meter {IdentityString} went backwards"); // leak TC1001 generated-api
            return;
        }

        if (state.RecordExists && at - state.State.LastReadAt > TimeSpan.FromHours(1))
        {
            state.State.Gaps++;
            span.SetGridDetail($"gap of {(at - state.State.LastReadAt).TotalMinutes:F0} minutes"); // clean generated-api
        }

        _consumption.Record(delta, new KeyValuePair<string, object?>("grid.firmware", state.State.FirmwareVersion)); // clean precision-about
        _consumption.Record(delta, new KeyValuePair<string, object?>("grid.meter.id", _household.Value)); // leak TC1003 precision-pseudonym

        if (state.State.Gaps > 3)
        {
            logger.LogWarning(string.Concat("Meter ", IdentityString, " keeps missing intervals")); // leak TC1001 strings
            logger.LogWarning(string.Concat("A meter keeps missing intervals: ", state.State.Gaps.ToString(System.Globalization.CultureInfo.InvariantCulture), " gaps")); // clean strings
        }

        (state.State.LastReading, state.State.LastReadAt) = (kilowattHours, at);
        await state.WriteStateAsync();
    }
}

public sealed record TariffChangeRequested(string MeterSerial, string AccountEmail, string NewTariff);

/// <summary>Function app: tariff changes arrive on a queue, a timer sweeps meters that stopped reporting.</summary>
public sealed class TariffFunctions(ILogger<TariffFunctions> logger, IGrainFactory grains, IMeterDirectory directory, Pseudonymizer pseudonymizer)
{
    [Function("ApplyTariffChange")]
    public async Task ApplyTariffChange([QueueTrigger("tariff-changes")] TariffChangeRequested change, FunctionContext context)
    {
        logger.LogInformation("Invocation {Invocation} applying tariff {Tariff}", context.InvocationId, change.NewTariff); // clean precision-names
        logger.LogInformation("Applying tariff change {@Change}", change); // leak TC1001 logging-objects
        logger.LogInformation("Tariff change confirmation goes to {EmailDomain}", change.AccountEmail[(change.AccountEmail.IndexOf('@') + 1)..]); // clean precision-about

        var grain = grains.GetGrain<ISmartMeterGrain>(change.MeterSerial);
        await grain.RecordAsync(0, DateTimeOffset.UtcNow);
        Activity.Current?.SetTag("grid.meter.id", pseudonymizer.ComputeGridMeterId(change.MeterSerial)); // clean precision-pseudonym
    }

    [Function("SweepSilentMeters")]
    public async Task SweepSilentMeters([TimerTrigger("0 */30 * * * *")] TimerInfo timer, FunctionContext context)
    {
        var silent = await directory.SilentSinceAsync(DateTimeOffset.UtcNow.AddHours(-6));
        var byZone = silent.ToLookup(m => m.Zone, m => m.Serial);

        foreach (var zone in byZone)
        {
            logger.LogWarning("Zone {Zone} has {Silent} silent meters", zone.Key, zone.Count()); // clean precision-about
            logger.LogWarning("Silent meters in {Zone}: {Serials}", zone.Key, zone.ToList()); // leak TC1001 logging-objects
        }

        logger.LogInformation("Sweep past due: {PastDue}", timer.IsPastDue);
    }
}

public sealed record MeterListing(string Serial, string Zone);

public interface IMeterDirectory
{
    Task<IReadOnlyList<MeterListing>> SilentSinceAsync(DateTimeOffset since);
}
