using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout32.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout32.Media;

public sealed record CrewCall(string CrewId, string CrewName, string Role, DateTimeOffset CallTime, string Studio);

public sealed record CrewSwapRequest(Guid ShowId, string Studio, string OutgoingCrewId, string IncomingCrewId, string Role);

public interface ICallSheetStore
{
    Task<IReadOnlyList<CrewCall>> ForShowAsync(Guid showId, CancellationToken cancellationToken);

    Task<CrewCall?> FindAsync(Guid showId, string crewId, CancellationToken cancellationToken);

    Task<bool> IsAvailableAsync(string crewId, DateTimeOffset callTime, CancellationToken cancellationToken);

    Task ReplaceAsync(Guid showId, string outgoingCrewId, string incomingCrewId, CancellationToken cancellationToken);
}

/// <summary>Call sheets of a live broadcast's crew, and crew swaps agreed between freelancers.</summary>
public sealed class CrewCallSheetService(ICallSheetStore store, Pseudonymizer pseudonymizer, Meter meter, ILogger<CrewCallSheetService> logger)
{
    private static readonly ActivitySource Source = new("Media.Crewing");

    public async Task PublishAsync(Guid showId, CancellationToken cancellationToken)
    {
        var calls = await store.ForShowAsync(showId, cancellationToken);
        Activity.Current?.SetTag("callsheet.crew", calls.Count); // clean precision-names
        Activity.Current?.SetTag("callsheet.roles", string.Join(",", calls.Select(c => c.Role).Distinct().Order())); // clean precision-about
        Activity.Current?.SetTag("callsheet.earliest", calls.Min(c => c.CallTime).ToString("HH:mm")); // clean precision-about
        logger.LogInformation("Call sheet for {ShowId}: {Calls}", showId, calls); // leak TC1001 logging-objects
    }

    public async Task<bool> SwapAsync(CrewSwapRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartRosterSwap(request.Studio, spanName: "crew.swap");
        span.SetRosterWorkerId(pseudonymizer.PseudonymizeRosterWorkerId(request.OutgoingCrewId)).SetRosterShiftKind(request.Role); // clean precision-pseudonym
        var outgoing = await store.FindAsync(request.ShowId, request.OutgoingCrewId, cancellationToken);
        if (outgoing is null)
        {
            span.AddRosterSwapDeclinedEvent("outgoing crew member not on the call sheet"); // clean precision-names
            return false;
        }

        if (!await store.IsAvailableAsync(request.IncomingCrewId, outgoing.CallTime, cancellationToken))
        {
            span.AddRosterSwapDeclinedEvent($"{outgoing.CrewName} cannot hand over: incoming crew booked elsewhere"); // leak TC1001 generated-api
            meter.CreateRosterSwapsCounter().Add(1, rosterTeam: request.Studio, rosterOutcome: "unavailable"); // clean precision-about
            return false;
        }

        await store.ReplaceAsync(request.ShowId, request.OutgoingCrewId, request.IncomingCrewId, cancellationToken);
        span.SetRosterNote($"{request.Role} swapped"); // clean precision-about
        logger.LogInformation("Crew swap on {ShowId}: {Outgoing} out, {Incoming} in", request.ShowId, request.OutgoingCrewId, request.IncomingCrewId); // leak TC1001 direct
        meter.CreateRosterSwapsCounter().Add(1, rosterTeam: request.Studio, rosterOutcome: pseudonymizer.ComputeRosterWorkerId(request.IncomingCrewId)); // leak TC1003 precision-pseudonym
        return true;
    }
}
