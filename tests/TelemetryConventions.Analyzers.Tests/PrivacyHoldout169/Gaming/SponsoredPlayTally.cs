namespace PrivacyHoldout169.Gaming;

/// <summary>Tallies sponsored play for the 24-hour charity marathon and posts the totals.</summary>
public sealed class SponsoredPlayTally(
    IQueueReceiver<SponsoredPlayTally.MatchFinished> matches,
    Pseudonymizer pseudonymizer,
    ILogger<SponsoredPlayTally> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("PlayForGood.Marathon");

    public sealed record MatchFinished(string MatchId, Guid PlayerId, string Gamertag, int Kills, decimal PledgePerKill, string Region);

    private string? _topGamertag;
    private int _matches;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var match = await matches.ReceiveAsync(stoppingToken);
            if (match is null)
            {
                Report();
                continue;
            }
            Tally(match);
        }
    }

    private void Tally(MatchFinished match)
    {
        using var activity = Source.StartActivity("marathon.tally");
        activity?.SetTag("marathon.match", match.MatchId); // clean direct
        activity?.SetTag("marathon.region", match.Region); // clean direct
        activity?.SetTag("marathon.raised", (double)(match.Kills * match.PledgePerKill)); // clean direct
        _matches++;
        try
        {
            EnsureAllowed(match.Gamertag);
        }
        catch (GamertagBlockedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Blocked player skipped ({ExceptionType})", ex.GetType().Name); // clean exceptions
            return;
        }
        if (match.Kills > 40)
        {
            _topGamertag = match.Gamertag;
        }
        using var scope = logger.BeginScope("Player {PlayerId}", match.PlayerId); // leak TC1001 direct
        logger.LogInformation("Match {MatchId} raised {Raised}", match.MatchId, match.Kills * match.PledgePerKill); // clean logging-objects
        logger.LogInformation("Finished {@Match}", match); // leak TC1001 logging-objects
        var playerRef = pseudonymizer.PseudonymizePlayforgoodPlayerId(match.PlayerId.ToString());
        logger.LogPlayforgoodOperationFailedEvent(match.Region, "tallied", playerRef, null); // clean precision-pseudonym
    }

    private void Report()
    {
        using var activity = Source.StartActivity("marathon.report");
        activity?.SetTag("marathon.matches", _matches); // clean cross-member
        activity?.SetTag("marathon.top_player", _topGamertag); // leak TC1001 cross-member
        logger.LogInformation("Marathon top player {Player}", _topGamertag); // leak TC1001 cross-member
        logger.LogInformation("Marathon after {Matches} matches", _matches); // clean cross-member
        if (activity is not null) { activity.DisplayName = $"marathon report, top {_topGamertag}"; } // leak TC1001 strings
    }

    private static void EnsureAllowed(string gamertag)
    {
        if (gamertag.Contains("banned", StringComparison.Ordinal))
        {
            throw new GamertagBlockedException(gamertag);
        }
    }
}
