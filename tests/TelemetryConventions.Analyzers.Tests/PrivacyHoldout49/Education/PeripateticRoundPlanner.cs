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
using PrivacyHoldout49.Support;
using PrivacyHoldout49.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout49.Education;

public sealed record SchoolStop(string SchoolUrn, string SchoolName, string Postcode, GeoPoint Site, IReadOnlyList<string> PupilNumbers);

public sealed record TutorRound(string RoundId, string TutorStaffNumber, string TutorEmail, string Instrument, IReadOnlyList<SchoolStop> Schools);

/// <summary>Plans the weekly round of a peripatetic music tutor across schools and logs the van's instrument stock.</summary>
public sealed class PeripateticRoundPlanner(IRouteOptimiser optimiser, ILogger<PeripateticRoundPlanner> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Education.Peripatetic");
    private readonly Histogram<double> _roundKm = meter.CreateHistogram<double>("peripatetic.round.km", "km");

    public async Task<OptimisedRoute> PlanAsync(TutorRound round, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("peripatetic.plan_round");
        activity?.SetTag("round.id", round.RoundId); // clean precision-names
        activity?.SetTag("round.instrument", round.Instrument); // clean precision-names
        activity?.SetTag("round.schools", string.Join(",", round.Schools.Select(s => s.SchoolUrn))); // clean precision-names
        activity?.SetTag("round.school_postcodes", string.Join(",", round.Schools.Select(s => s.Postcode))); // clean precision-names
        activity?.SetTag("round.pupils", round.Schools.Sum(s => s.PupilNumbers.Count)); // clean precision-about
        activity?.SetTag("round.tutor_email", round.TutorEmail); // leak TC1001 direct

        var stops = round.Schools.Select(s => new RouteStop(s.SchoolUrn, s.Postcode, s.Site, new TimeOnly(9, 0), new TimeOnly(15, 0))).ToList();
        var route = await optimiser.OptimiseAsync("music-service-hq", stops, cancellationToken);
        _roundKm.Record(route.TotalKm, new KeyValuePair<string, object?>("round.instrument", round.Instrument)); // clean precision-names
        _roundKm.Record(route.TotalKm, new KeyValuePair<string, object?>("round.tutor", pseudonymizer.ComputeFieldWorkerId(round.TutorStaffNumber))); // leak TC1003 precision-pseudonym

        var pupilsOnRound = round.Schools.SelectMany(s => s.PupilNumbers).ToList();
        logger.LogDebug("Pupils on round {RoundId}: {Pupils}", round.RoundId, pupilsOnRound); // leak TC1001 logging-objects
        var cohortKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(string.Join("|", pupilsOnRound))));
        activity?.SetTag("round.cohort_key", cohortKey); // leak TC1002 hashes
        return route;
    }

    public void LogVanStock(string roundId, string vanRegistration, IReadOnlyDictionary<string, int> instrumentsOnBoard)
    {
        using var activity = Source.StartActivity("peripatetic.van_stock");
        activity?.SetTag("van.registration", vanRegistration); // clean precision-names
        activity?.SetTag("van.instruments", instrumentsOnBoard.Values.Sum()); // clean precision-about
        logger.LogInformation("Van {VanRegistration} stock for round {RoundId}: {@Stock}", vanRegistration, roundId, instrumentsOnBoard); // clean logging-objects
    }
}
