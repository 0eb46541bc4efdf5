using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Transport;

/// <summary>A rest-day working or overtime duty offered to a driver on the depot's duty board.</summary>
public sealed record OvertimeOffer(string OfferId, string DutyNumber, string Depot, string StaffNumber, string DriverName, DateTimeOffset SignOn, DateTimeOffset SignOff, string? FleetNumber);

/// <summary>A duty given away by one driver and taken by another, published by the crew app.</summary>
public sealed record DutySwap(string SwapId, string DutyNumber, string GivingStaffNumber, string TakingStaffNumber, DateOnly Day);

/// <summary>Thrown when accepting the duty would break the drivers' hours rules (a daily rest under 11 hours).</summary>
public sealed class RestRuleViolationException(string staffNumber, double restHours)
    : Exception($"Driver {staffNumber} would have only {restHours:F1}h daily rest.");

public interface IDutyBoard
{
    Task<OvertimeOffer?> OfferAsync(string offerId, CancellationToken cancellationToken);

    Task<DateTimeOffset?> PreviousSignOffAsync(string staffNumber, DateTimeOffset before, CancellationToken cancellationToken);

    Task AcceptAsync(OvertimeOffer offer, CancellationToken cancellationToken);

    Task ApplySwapAsync(DutySwap swap, CancellationToken cancellationToken);
}

internal static class DutyBoardSpans
{
    public static Activity? WithDriver(this Activity? activity, string driverStaffNumber) =>
        activity?.SetTag("duty.driver", driverStaffNumber); // leak TC1001 direct

    public static Activity? WithDuty(this Activity? activity, string dutyNumber, string depot) =>
        activity?.SetTag("duty.number", dutyNumber).SetTag("duty.depot", depot); // clean precision-names
}

/// <summary>The depot duty board: overtime offers accepted in the crew app, and duty swaps between drivers.</summary>
public sealed class DutyBoardService(IDutyBoard board, Pseudonymizer pseudonymizer, ILogger<DutyBoardService> logger)
{
    private static readonly ActivitySource Source = new("Operator.Crew.DutyBoard");
    private static readonly DiagnosticListener Diagnostics = new("Operator.Crew.DutyBoard");

    public static void Map(EndpointRoutes routes, DutyBoardService service) =>
        routes.MapPost("/duty-board/offers/{offerId}/accept", (string offerId, CancellationToken ct) => service.AcceptAsync(offerId, ct));

    public async Task<ActionResult> AcceptAsync(string offerId, CancellationToken cancellationToken)
    {
        var offer = await board.OfferAsync(offerId, cancellationToken);
        if (offer is null)
        {
            return new NotFoundResult("No such offer.");
        }

        var activity = Activity.Current;
        activity.WithDuty(offer.DutyNumber, offer.Depot); // clean cross-member
        activity.WithDriver(offer.StaffNumber); // leak TC1001 cross-member
        activity?.SetTag("duty.fleet_number", offer.FleetNumber); // clean precision-names
        activity?.SetBaggage("crew.driver_ref", pseudonymizer.ComputeWorkforceEmployeeId(offer.StaffNumber)); // clean precision-pseudonym
        activity?.SetBaggage("crew.staff_number", offer.StaffNumber); // leak TC1001 direct
        if (activity is not null)
        {
            activity.DisplayName = $"accept overtime {offer.DutyNumber} for {offer.StaffNumber}"; // leak TC1001 strings
        }

        var previousSignOff = await board.PreviousSignOffAsync(offer.StaffNumber, offer.SignOn, cancellationToken);
        if (previousSignOff is { } last && (offer.SignOn - last).TotalHours < 11)
        {
            Trace.TraceWarning($"Daily rest check failed for {offer.StaffNumber}"); // leak TC1001 strings
            throw new RestRuleViolationException(offer.StaffNumber, (offer.SignOn - last).TotalHours); // leak TC1001 exceptions
        }

        await board.AcceptAsync(offer, cancellationToken);
        logger.LogInformation("Overtime accepted {Offer}", offer); // leak TC1001 logging-objects
        logger.LogInformation("Overtime {OfferId} accepted for duty {Duty}, {Hours:F1}h", offer.OfferId, offer.DutyNumber, (offer.SignOff - offer.SignOn).TotalHours); // clean precision-names
        if (Diagnostics.IsEnabled("OvertimeAccepted"))
        {
            Diagnostics.Write("OvertimeAccepted", new { offer.OfferId, offer.Depot, offer.DriverName }); // leak TC1001 logging-objects
        }
        return new OkResult(offer.OfferId);
    }

    /// <summary>Consumes the crew app's duty-swap topic, which is keyed by the giving driver's staff number.</summary>
    public async Task ConsumeSwapsAsync(IConsumer<string, DutySwap> consumer, CancellationToken cancellationToken)
    {
        while (consumer.Consume(cancellationToken) is { } result)
        {
            var swap = result.Message.Value;
            ActivityContext.TryParse(result.Message.Headers.GetValueOrDefault("traceparent"), null, out var published);
            var links = new[] { new ActivityLink(published, new ActivityTagsCollection { ["swap.taking"] = swap.TakingStaffNumber }) }; // leak TC1001 direct
            using var activity = Source.StartActivity("duty.swap", ActivityKind.Consumer, default(ActivityContext), links: links);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            activity?.SetTag("duty.swap_id", swap.SwapId); // clean precision-names

            await board.ApplySwapAsync(swap, cancellationToken);
            var pair = new[] { swap.GivingStaffNumber, swap.TakingStaffNumber };
            logger.LogInformation("Duty {Duty} swapped between {Drivers}", swap.DutyNumber, pair); // leak TC1001 logging-objects
            logger.LogInformation("Duty {Duty} swapped on {Day} ({Count} drivers affected)", swap.DutyNumber, swap.Day, pair.Distinct().Count()); // clean precision-about
            consumer.Commit(result);
        }
    }
}
