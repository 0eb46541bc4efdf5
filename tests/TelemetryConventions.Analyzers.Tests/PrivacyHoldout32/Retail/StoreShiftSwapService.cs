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

namespace PrivacyHoldout32.Retail;

public sealed record StoreShift(Guid ShiftId, string StoreId, string ColleagueNumber, DateTimeOffset Start, DateTimeOffset End, string Department);

public sealed record SwapOffer(Guid ShiftId, string OfferingColleague, string AcceptingColleague, string ReasonCode);

public interface IStoreRota
{
    Task<StoreShift> ShiftAsync(Guid shiftId, CancellationToken cancellationToken);

    Task<double> WeeklyHoursAsync(string colleagueNumber, DateTimeOffset weekOf, CancellationToken cancellationToken);

    Task ReassignAsync(Guid shiftId, string colleagueNumber, CancellationToken cancellationToken);
}

internal static class RotaTags
{
    public static void TagColleague(Activity? activity, string colleagueNumber) => activity?.SetTag("store.colleague", colleagueNumber); // leak TC1001 direct

    public static void TagShift(Activity? activity, StoreShift shift)
    {
        activity?.SetTag("store.shift", shift.ShiftId);
        activity?.SetTag("store.department", shift.Department);
        activity?.SetTag("store.shift.hours", (shift.End - shift.Start).TotalHours);
    }
}

/// <summary>Colleagues offer shifts on the rota app; a swap is approved when the taker stays under 48 hours that week.</summary>
public sealed class StoreShiftSwapService(IStoreRota rota, Pseudonymizer pseudonymizer, Meter meter, ILogger<StoreShiftSwapService> logger)
{
    private static readonly ActivitySource Source = new("Shop.Rota");

    public async Task<bool> AcceptAsync(SwapOffer offer, CancellationToken cancellationToken)
    {
        var shift = await rota.ShiftAsync(offer.ShiftId, cancellationToken);
        using var span = Source.StartRosterSwap(shift.StoreId, spanName: "rota.swap");
        RotaTags.TagShift(Activity.Current, shift); // clean cross-member
        RotaTags.TagColleague(Activity.Current, offer.AcceptingColleague); // leak TC1001 cross-member
        span.SetRosterWorkerId(pseudonymizer.PseudonymizeRosterWorkerId(offer.OfferingColleague)); // clean precision-pseudonym

        var hours = await rota.WeeklyHoursAsync(offer.AcceptingColleague, shift.Start, cancellationToken);
        Activity.Current?.SetTag("rota.taker_weekly_hours", hours); // clean precision-names
        if (hours + (shift.End - shift.Start).TotalHours > 48)
        {
            span.AddRosterSwapDeclinedEvent($"working-time limit for colleague {offer.AcceptingColleague}"); // leak TC1001 generated-api
            meter.CreateRosterSwapsCounter().Add(1, rosterTeam: shift.StoreId, rosterOutcome: "declined:working-time"); // clean precision-about
            return false;
        }

        await rota.ReassignAsync(shift.ShiftId, offer.AcceptingColleague, cancellationToken);
        span.SetRosterNote($"reason {offer.ReasonCode}"); // clean precision-about
        meter.CreateRosterSwapsCounter().Add(1, rosterTeam: shift.StoreId, rosterOutcome: $"accepted:{offer.ReasonCode}"); // clean precision-about
        logger.LogInformation("Swap accepted {@Offer}", offer); // leak TC1001 logging-objects
        return true;
    }
}
