namespace PrivacyHoldout150.Healthcare;

public sealed record PeerMatchRequest(string NhsNumber, string Condition, string Area, string? PreferredGender);

/// <summary>Minimal API that matches mental health patients with a trained peer supporter who lived through the same condition.</summary>
public static partial class PeerSupportMatchingEndpoints
{
    private static readonly ActivitySource Source = new("SexualHealth.PeerSupport");
    private static readonly Meter PeerMeter = new("SexualHealth.PeerSupport");
    private static readonly Histogram<double> MatchScore = PeerMeter.CreateHistogram<double>("peer.match.score");
    private static readonly Counter<long> Unmatched = PeerMeter.CreateCounter<long>("peer.unmatched");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/peer-support/match", MatchAsync);
        routes.MapGet("/peer-support/volunteers/{volunteerId}", DescribeVolunteer);
    }

    private static async Task<ActionResult> MatchAsync(PeerMatchRequest request, IVolunteerRegister register, Pseudonymizer pseudonymizer, ILogger<PeerMatch> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("peer.match");
        activity?.SetTag("peer.condition", request.Condition); // clean precision-about
        activity?.SetTag("peer.area", request.Area); // clean precision-about
        activity?.SetTag("peer.patient", pseudonymizer.PseudonymizeSexhealthPatientId(request.NhsNumber).Value); // clean precision-pseudonym
        activity?.SetTag("peer.preferred_gender_given", request.PreferredGender is not null); // clean precision-about
        using var scope = logger.BeginScope("Peer match for {NhsNumber}", request.NhsNumber); // leak TC1001 logging-objects

        var volunteers = await register.AvailableAsync(request.Condition, cancellationToken);
        if (volunteers.Count == 0)
        {
            var ex = new NoPeerAvailableException(request.Condition, request.Area);
            activity?.AddException(ex); // clean exceptions
            Unmatched.Add(1, new KeyValuePair<string, object?>("peer.condition", request.Condition)); // clean precision-about
            return new NotFoundResult(ex.Message);
        }

        var chosen = volunteers[0];
        var match = new PeerMatch(Guid.NewGuid().ToString("N"), request.NhsNumber, chosen.VolunteerId, request.Condition, 0.8);
        activity?.SetTag("peer.match.id", match.PeerMatchId); // clean precision-names
        activity?.SetTag("peer.volunteer.id", chosen.VolunteerId); // leak TC1001 direct
        activity?.SetTag("peer.volunteer.email_domain", chosen.Email[(chosen.Email.IndexOf('@') + 1)..]); // clean precision-about
        MatchScore.Record(match.Score, new KeyValuePair<string, object?>("peer.volunteer", pseudonymizer.PseudonymizeSexhealthVolunteerId(chosen.VolunteerId))); // leak TC1003 precision-pseudonym
        MatchScore.Record(match.Score, new KeyValuePair<string, object?>("peer.specialism", chosen.Specialism)); // clean precision-about
        LogMatched(logger, match); // leak TC1001 logging-objects
        LogMatchedRedacted(logger, request.NhsNumber, chosen.Name, match.Score); // clean logging-objects
        logger.LogInformation("Volunteer {VolunteerName} takes the match", chosen.Name); // leak TC1001 direct
        logger.LogSexhealthOperationFailedEvent("peer-support", "no_show_risk", sexhealthPatientId: pseudonymizer.PseudonymizeSexhealthPatientId(request.NhsNumber)); // clean generated-api
        return new OkResult(match.PeerMatchId);
    }

    private static ActionResult DescribeVolunteer(string volunteerId, ILogger<PeerSupporter> logger)
    {
        Activity.Current?.SetTag("peer.volunteer.id_length", volunteerId.Length); // clean precision-about
        Activity.Current?.SetStatus(ActivityStatusCode.Error, $"volunteer {volunteerId} not published"); // leak TC1001 strings
        logger.LogDebug("Volunteer template {VolunteerTemplateId}", "tpl-volunteer-card"); // clean precision-names
        return new NotFoundResult(null);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Peer match {Match}")]
    private static partial void LogMatched(ILogger logger, PeerMatch match);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Patient {NhsNumber} matched with {VolunteerName} at {Score}")]
    private static partial void LogMatchedRedacted(ILogger logger, [PrivateData] string nhsNumber, [PrivateData] string volunteerName, double score);
}
