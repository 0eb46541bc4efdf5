using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace PrivacyHoldout20.Energy;

[GenerateSerializer]
public sealed class FeederState
{
    [Id(0)] public List<string> MeterSerials { get; set; } = [];

    [Id(1)] public double RatedKw { get; set; }
}

public interface IFeederGrain : IGrainWithStringKey
{
    Task<double> AggregateLoadAsync();
}

/// <summary>One grain per distribution feeder, keyed by the network operator's feeder id.</summary>
public sealed class FeederGrain(
    [PersistentState("feeder", "gridStore")] IPersistentState<FeederState> state,
    ILogger<FeederGrain> logger) : Grain, IFeederGrain
{
    public async Task<double> AggregateLoadAsync()
    {
        var feederId = GetPrimaryKeyString();
        Activity.Current?.SetTag("grid.feeder", feederId); // clean precision-names
        logger.LogInformation("Feeder grain {Grain} aggregating {Meters} meters", IdentityString, state.State.MeterSerials.Count); // clean precision-names

        var loads = await Task.WhenAll(state.State.MeterSerials.Select(serial => GrainFactory.GetGrain<ISmartMeterGrain>(serial).GetDailyImportAsync()));
        var total = (double)loads.Sum();
        Activity.Current?.SetTag("grid.feeder.utilisation", total / 24 / state.State.RatedKw);

        if (loads.Length > 0 && loads.Max() > 100m)
        {
            var heavy = state.State.MeterSerials.Where((_, i) => loads[i] > 100m).ToList();
            logger.LogWarning("Feeder {Feeder} heavy users {Meters}", feederId, heavy); // leak TC1001 logging-objects
        }

        return total;
    }
}
