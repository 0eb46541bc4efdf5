namespace PrivacyHoldout209.Education;

/// <summary>A school sports partnership's minimal API: fixtures, team selections, results and parents' consents.</summary>
public static partial class FixtureSelectionEndpoints
{
    private static readonly ActivitySource Source = new("PrivacyHoldout209.Education.Fixtures");
    private static readonly Meter Meter = new("PrivacyHoldout209.Education.Fixtures");
    private static readonly Counter<long> Selections = Meter.CreateCounter<long>("schoolsport.selections");
    private static readonly Histogram<int> SquadSizes = Meter.CreateHistogram<int>("schoolsport.squad.size");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/fixtures/{fixtureId}/selection", SelectAsync);
        routes.MapPost("/fixtures/{fixtureId}/result", RecordResultAsync);
        routes.MapPost("/consents", RecordConsentAsync);
    }

    public static async Task<object> SelectAsync(string fixtureId, TeamSelection selection, IMemberStore members, ILeaguePortal league, Pseudonymizer pseudonymizer, ClubOptions options, ILogger<TeamSelection> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartSchoolsportOperation(options.Site);
        span.SetSchoolsportKind("selection"); // clean generated-api
        span.SetSchoolsportTeam(selection.Team); // clean generated-api
        span.SetSchoolsportCount(selection.SquadSize); // clean generated-api
        span.SetSchoolsportMemberId(pseudonymizer.PseudonymizeSchoolsportMemberId(selection.CaptainRef)); // clean precision-pseudonym

        var squad = await members.SquadAsync(selection.Team, cancellationToken);
        var squadRefs = string.Join(",", squad.Select(m => m.MemberRef));
        Activity.Current?.SetTag("selection.squad", squadRefs); // leak TC1001 strings
        Activity.Current?.SetTag("selection.squad_size", squad.Count); // clean precision-about
        Activity.Current?.SetTag("selection.age_groups", string.Join(",", squad.Select(m => m.AgeGroup).Distinct())); // clean strings

        var names = new StringBuilder();
        foreach (var member in squad)
        {
            names.Append(member.FirstName).Append(' ').Append(member.LastName[0]).Append("; ");
        }

        logger.LogInformation("Team sheet: {Names}", names.ToString()); // leak TC1001 strings
        logger.LogInformation("Selected {Count} of {Available} for {Fixture}", selection.SquadSize, squad.Count, fixtureId); // clean precision-about

        if (selection.SquadSize > options.MaxSquadSize)
        {
            var full = new SquadFullException(selection.Team, options.MaxSquadSize);
            span.SetSchoolsportNote(full.Message); // clean exceptions
            span.SetSchoolsportOutcome("rejected"); // clean generated-api
            logger.LogWarning(full, "Selection rejected"); // clean exceptions
            return new { rejected = true };
        }

        try
        {
            await league.SubmitTeamSheetAsync(selection, cancellationToken);
        }
        catch (FixtureLockedException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            Activity.Current?.AddException(ex); // clean exceptions
            return new { locked = true };
        }

        Activity.Current?.SetTag("selection.captain", selection.CaptainName); // leak TC1001 direct
        Activity.Current?.SetTag("selection.captain_ref", selection.CaptainRef); // leak TC1001 direct
        Selections.Add(1, new KeyValuePair<string, object?>("team", selection.Team)); // clean precision-about
        Selections.Add(1, new KeyValuePair<string, object?>("captain", selection.CaptainRef)); // leak TC1003 direct
        SquadSizes.Record(selection.SquadSize, new KeyValuePair<string, object?>("fixture", fixtureId)); // clean precision-names
        logger.LogInformation("Selection submitted {Selection}", selection); // leak TC1001 logging-objects
        logger.LogInformation("Selection submitted {@Selection}", selection with { CaptainRef = "-", CaptainName = "-" }); // clean logging-objects
        logger.LogInformation("Submitted {@Sheet}", new { selection.FixtureId, selection.Team, selection.SquadSize }); // clean logging-objects
        logger.LogInformation("Captain {@Captain}", new { selection.CaptainName, selection.Team }); // leak TC1001 logging-objects
        return new { submitted = true };
    }

    public static async Task<object> RecordResultAsync(string fixtureId, MatchResult result, PlayerOfMatch? playerOfMatch, ILeaguePortal league, Pseudonymizer pseudonymizer, ILogger<MatchResult> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("result.record");
        activity?.SetTag("fixture.id", fixtureId); // clean precision-names
        activity?.SetTag("fixture.opponent", result.Opponent); // clean precision-about
        activity?.SetTag("fixture.score", $"{result.GoalsFor}-{result.GoalsAgainst}"); // clean strings
        logger.LogInformation("Result {Result}", result); // clean logging-objects

        await league.SubmitResultAsync(result, cancellationToken);

        if (playerOfMatch is not null)
        {
            activity?.SetTag("player_of_match.name", playerOfMatch.PlayerName); // leak TC1001 direct
            activity?.SetTag("player_of_match.pseudonym", pseudonymizer.ComputeSchoolsportMemberId(playerOfMatch.MemberRef)); // clean precision-pseudonym
            logger.LogInformation("Player of the match {@Award}", playerOfMatch); // leak TC1001 logging-objects
            activity?.AddEvent(new ActivityEvent("player_of_match", tags: new ActivityTagsCollection { ["pupil"] = playerOfMatch.MemberRef })); // leak TC1001 direct
            LogAward(logger, fixtureId, playerOfMatch.PlayerName); // clean logging-objects
            var awardKey = BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(playerOfMatch.MemberRef))).Replace("-", "");
            logger.LogDebug("Award dedupe key {Key}", awardKey); // leak TC1002 hashes
        }

        Meter.CreateSchoolsportOperationsCounter().Add(1, "results", "accepted"); // clean generated-api
        return new { recorded = true };
    }

    public static async Task<object> RecordConsentAsync(ConsentRecord consent, IConsentStore consents, IMemberStore members, IParentMessenger messenger, Pseudonymizer pseudonymizer, ILogger<ConsentRecord> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartSchoolsportOperation("consents");
        span.SetSchoolsportKind(consent.Kind); // clean generated-api
        span.SetSchoolsportOutcome(consent.Granted ? "accepted" : "rejected"); // clean generated-api
        span.SetSchoolsportNote($"consent by {consent.ParentEmail}"); // leak TC1001 generated-api
        span.Activity?.SetTag(SchoolsportAttributes.Contact, consent.ParentEmail); // leak TC1001 generated-api
        span.Activity?.SetTag("consent.parent_email_domain", consent.ParentEmail[(consent.ParentEmail.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetTag("consent.id", consent.ConsentId); // clean precision-names

        var member = await members.FindAsync(consent.MemberRef, cancellationToken);
        if (member is null)
        {
            var ex = new MemberNotFoundException(consent.MemberRef);
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogSchoolsportOperationFailedEvent("consents", "missing", pseudonymizer.PseudonymizeSchoolsportMemberId(consent.MemberRef), ex.Message); // leak TC1001 exceptions
            return new { found = false };
        }

        if (!consent.Granted)
        {
            var missing = new ConsentMissingException($"{member.FirstName} {member.LastName}", consent.Kind);
            span.Activity?.AddException(missing); // leak TC1001 exceptions
            span.RecordException(missing); // clean exceptions
            logger.LogWarning("Consent refused: {Error}", missing.GetType().Name); // clean exceptions
        }

        await consents.SaveAsync(consent, cancellationToken);
        await messenger.SendAsync(consent.ParentEmail, "Consent recorded", $"Thank you for {member.FirstName}'s consent.", cancellationToken);
        logger.LogInformation("Consent stored {Consent}", consent); // leak TC1001 logging-objects
        logger.LogInformation("Consent summary {@Summary}", new ConsentSummary(member.Team, consent.Kind, consent.Granted ? 1 : 0, consent.Granted ? 0 : 1)); // clean logging-objects
        logger.LogInformation("Parent emailed, template {ParentEmailTemplateId}", "consent-thanks-v2"); // clean precision-names
        Meter.CreateSchoolsportOperationsCounter().Add(1, "consents", consent.ParentEmail); // leak TC1003 generated-api
        return new { stored = true };
    }

    [LoggerMessage(EventId = 9201, Level = LogLevel.Information, Message = "Player of the match for {FixtureId}: {PlayerName}")]
    private static partial void LogAward(ILogger logger, string fixtureId, [PrivateData] string playerName);
}
