using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout46.Support;
using PrivacyHoldout46.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout46.Transport;

/// <summary>
/// A claim from a passenger injured on a bus (a fall under braking, a door closing on them), as the
/// operator's claims handler sends it. <c>RiderAccountRef</c> is the rider's account number as the
/// claimant gave it on the handler's form.
/// </summary>
public sealed record PassengerClaim(string ClaimId, string ClaimantName, string ClaimantEmail, string TravelCardNumber, string Route, DateTimeOffset AllegedAt, string SolicitorReference, string RiderAccountRef);

/// <summary>A bus journey on the route at the time: the vehicle, its cameras and who was driving.</summary>
public sealed record BusJourney(string JourneyId, string FleetNumber, IReadOnlyList<string> CameraIds, string DutyNumber);

/// <summary>The driver on a duty, as the rostering system returns them.</summary>
public sealed record DutyAssignment(string DutyNumber, string StaffNumber, string Depot);

public interface IJourneyHistory
{
    Task<BusJourney?> FindAsync(string route, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, IReadOnlyList<DateTimeOffset>>> TapsOnRouteAsync(string route, DateOnly day, CancellationToken cancellationToken);
}

public interface IRosters
{
    Task<DutyAssignment> DriverOnDutyAsync(string dutyNumber, DateOnly day, CancellationToken cancellationToken);
}

public sealed record InvestigateClaim(PassengerClaim Claim) : IRequest<string>;

/// <summary>
/// Gathers the evidence for a passenger's claim: whether the card was tapped on that route, which bus
/// it was, who was driving, and the on-board CCTV exported for the insurer.
/// </summary>
public sealed class InvestigateClaimHandler(
    ILogger<InvestigateClaimHandler> logger,
    IJourneyHistory journeys,
    IRosters rosters,
    Pseudonymizer pseudonymizer) : IRequestHandler<InvestigateClaim, string>
{
    private static readonly ActivitySource Source = new("Bus.Claims");

    public async Task<string> Handle(InvestigateClaim request, CancellationToken cancellationToken)
    {
        var claim = request.Claim;
        Activity.Current?.SetBaggage("claim.id", claim.ClaimId); // clean direct
        using var span = Source.StartLegalMatter("passenger-injury");
        span.SetLegalMatterId(claim.ClaimId);
        span.SetLegalCustodianRef(Pseudonym.FromComputed(claim.RiderAccountRef)); // leak TC1001 precision-pseudonym
        Activity.Current?.SetTag(LegalAttributes.CustodianContact, claim.ClaimantEmail); // leak TC1001 generated-api
        span.SetLegalNote($"solicitor reference {claim.SolicitorReference}"); // clean generated-api

        logger.LogInformation("Checking taps on route {Route} for card {TravelCard}", claim.Route, claim.TravelCardNumber); // leak TC1001 direct
        logger.LogInformation("Checking taps on route {Route} for card ending {CardLast4}", claim.Route, claim.TravelCardNumber[^4..]); // clean precision-about

        var taps = await journeys.TapsOnRouteAsync(claim.Route, DateOnly.FromDateTime(claim.AllegedAt.UtcDateTime), cancellationToken);
        try
        {
            var cardTaps = taps[claim.TravelCardNumber];
            Activity.Current?.SetTag("claim.taps_on_day", cardTaps.Count); // clean precision-about
        }
        catch (KeyNotFoundException ex)
        {
            logger.LogWarning(ex, "No tap found for the claimant on {Route}", claim.Route); // leak TC1001 exceptions
        }

        var journey = await journeys.FindAsync(claim.Route, claim.AllegedAt, cancellationToken);
        if (journey is null)
        {
            return "no-journey";
        }

        Activity.Current?.SetTag("bus.fleet_number", journey.FleetNumber); // clean direct
        var duty = await rosters.DriverOnDutyAsync(journey.DutyNumber, DateOnly.FromDateTime(claim.AllegedAt.UtcDateTime), cancellationToken);
        logger.LogInformation("Bus {FleetNumber} on duty {DutyNumber} driven by {DriverStaffNumber}", journey.FleetNumber, duty.DutyNumber, duty.StaffNumber); // leak TC1001 cross-member
        logger.LogInformation("Bus {FleetNumber} on duty {DutyNumber} from depot {Depot}", journey.FleetNumber, duty.DutyNumber, duty.Depot); // clean cross-member

        foreach (var camera in journey.CameraIds)
        {
            var file = $"cctv/{claim.ClaimId}/{journey.FleetNumber}-{camera}-{claim.AllegedAt:yyyyMMddHHmm}.mp4";
            logger.LogInformation("Exporting {File}", file); // clean strings
        }

        span.AddLegalHoldChangedEvent("cctv-held", pseudonymizer.PseudonymizeLegalCustodianRef(claim.TravelCardNumber), $"{journey.CameraIds.Count} cameras on {journey.FleetNumber}"); // clean generated-api
        return journey.JourneyId;
    }
}
