namespace PrivacyHoldout139.Gaming;

public sealed record LeagueRegistration(Guid PlayerId, string Gamertag, string Upn, string SchoolUrn, string TeamId, string TeacherLeadEmail);

public sealed record EligibilityCheck(string Upn, double AttendanceRate, int BehaviourPoints, bool Suspended);

public sealed class IneligiblePlayerException(string gamertag, string reason) : Exception($"Player {gamertag} is not eligible: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>
/// The schools esports league: a school's teacher lead registers players; each week the school confirms each
/// player's attendance and behaviour meet the league's code before the fixtures.
/// </summary>
public sealed class SchoolsEsportsEligibilityHandler(Pseudonymizer pseudonymizer, ILogger<SchoolsEsportsEligibilityHandler> logger)
{
    private static readonly ActivitySource Source = new("Esports.SchoolsLeague");
    private static readonly Meter Meter = new("Esports.SchoolsLeague");
    private static readonly Counter<long> Ineligible = Meter.CreateCounter<long>("league.ineligible");

    private Guid? _lastStoodDown;

    public void Check(LeagueRegistration registration, EligibilityCheck check)
    {
        using var span = Source.StartClassplayOperation(registration.TeamId);
        span.SetClassplayPupilId(pseudonymizer.PseudonymizeClassplayPupilId(registration.PlayerId.ToString())); // clean generated-api
        span.Activity?.SetTag("league.attendance", Math.Round(check.AttendanceRate, 2)); // clean precision-about
        span.Activity?.SetTag("league.behaviour_points", check.BehaviourPoints); // clean precision-about
        span.Activity?.SetTag("league.gamertag", registration.Gamertag); // leak TC1001 direct
        try
        {
            if (check.Suspended)
            {
                throw new IneligiblePlayerException(registration.Gamertag, "suspended");
            }
            if (check.AttendanceRate < 0.9)
            {
                throw new IneligiblePlayerException(registration.Gamertag, "attendance");
            }
            span.SetClassplayOutcome("eligible"); // clean generated-api
        }
        catch (IneligiblePlayerException ex)
        {
            _lastStoodDown = registration.PlayerId;
            Ineligible.Add(1, new KeyValuePair<string, object?>("reason", ex.Reason), new KeyValuePair<string, object?>("school.urn", registration.SchoolUrn)); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogInformation("Stood down for {Reason}: {Check}", ex.Reason, check); // leak TC1001 logging-objects
        }
    }

    public void BeforeFixtures(IReadOnlyList<LeagueRegistration> team)
    {
        using var activity = Source.StartActivity("league.fixtures.ready");
        activity?.SetTag("league.team.size", team.Count); // clean precision-about
        activity?.SetTag("league.team.lead", team.Select(t => t.TeacherLeadEmail).FirstOrDefault()); // leak TC1001 cross-member
        if (_lastStoodDown is { } stoodDown)
        {
            logger.LogWarning("Replace player {PlayerId} before the fixture", stoodDown); // leak TC1001 cross-member
        }
        var cohort = Math.Abs(team.FirstOrDefault()?.PlayerId.GetHashCode() ?? 0) % 10;
        activity?.SetTag("league.cohort", cohort); // leak TC1002 hashes
    }
}
