using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout40.Support;
using PrivacyHoldout40.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout40.Education;

public sealed record TripTraveller(string PupilName, DateOnly DateOfBirth, string PassportNumber, string? DeclaredConditions);

public sealed record TripCoverRequest(
    string TripCode,
    string SchoolUrn,
    string LeaderEmail,
    string DestinationCountry,
    DateOnly Departs,
    DateOnly Returns,
    IReadOnlyList<TripTraveller> Travellers);

/// <summary>The group travel policy bound for a trip; it is held by the school.</summary>
public sealed record GroupTravelPolicy(string GroupPolicyNumber, decimal Premium, string AssistanceLine);

public interface IGroupTravelInsurer
{
    Task<GroupTravelPolicy> BindAsync(TripCoverRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Schools in the trust buy group travel cover for each residential or overseas trip from the trust's
/// broker; during a trip the leader reports emergencies (a pupil in hospital, lost luggage) through the
/// trips app, which opens a claim with the insurer's assistance company.
/// </summary>
public sealed class SchoolTripCoverService(
    IGroupTravelInsurer insurer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<SchoolTripCoverService> logger)
{
    private readonly Counter<long> _emergencies = meter.CreateCounter<long>("trips.emergencies", "{emergency}");

    public async Task<GroupTravelPolicy> InsureAsync(TripCoverRequest request, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("trip_cover.bind");
        activity?.SetTag("trip.code", request.TripCode);
        activity?.SetTag("trip.school_urn", request.SchoolUrn);
        activity?.SetTag("trip.destination", request.DestinationCountry);
        activity?.SetTag("trip.travellers", request.Travellers.Count); // clean precision-about
        activity?.SetTag("trip.travellers.with_conditions", request.Travellers.Count(t => !string.IsNullOrWhiteSpace(t.DeclaredConditions))); // clean precision-about
        activity?.SetTag("trip.leader", request.LeaderEmail); // leak TC1001 direct
        activity?.SetTag("trip.travellers.names", string.Join(";", request.Travellers.Select(t => t.PupilName))); // leak TC1001 strings

        logger.LogDebug("Binding group travel cover {@Request}", request); // leak TC1001 logging-objects
        var policy = await insurer.BindAsync(request, cancellationToken);
        logger.LogInformation("Trip {TripCode} covered under group policy {GroupPolicyNumber}, premium {Premium}", request.TripCode, policy.GroupPolicyNumber, policy.Premium); // clean direct
        return policy;
    }

    /// <summary>The leader reports an emergency; the pupil is identified to the assistance company by name.</summary>
    public void ReportEmergency(TripCoverRequest trip, TripTraveller pupil, string kind, string assistanceCaseId)
    {
        var activity = Activity.Current;
        activity?.AddEvent(new ActivityEvent("trip.emergency", tags: new ActivityTagsCollection { ["trip.code"] = trip.TripCode, ["assistance.case"] = assistanceCaseId, ["emergency.kind"] = kind })); // clean direct
        activity?.SetTag("trip.emergency.pupil_age", AgeOn(pupil.DateOfBirth, trip.Departs)); // clean precision-about
        activity?.SetTag("trip.emergency.pupil", pseudonymizer.Compute("trips.traveller", pupil.PassportNumber)); // clean precision-pseudonym
        _emergencies.Add(1, new KeyValuePair<string, object?>("emergency.kind", kind), new KeyValuePair<string, object?>("destination", trip.DestinationCountry));
        logger.LogWarning("Emergency ({Kind}) on trip {TripCode}: {Pupil} reported, assistance case {Case}", kind, trip.TripCode, pupil.PupilName, assistanceCaseId); // leak TC1001 direct

        var span = Activity.Current.EnrichCoverClaim("group-travel", CoverClaimStage.Fnol);
        span.SetCoverClaimId(assistanceCaseId); // clean generated-api
        span.SetCoverNote($"{kind}: {pupil.PupilName} ({trip.TripCode})"); // leak TC1001 generated-api
    }

    private static int AgeOn(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > day ? age - 1 : age;
    }
}
