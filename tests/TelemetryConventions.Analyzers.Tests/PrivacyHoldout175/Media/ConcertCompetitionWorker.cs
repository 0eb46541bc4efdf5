namespace PrivacyHoldout175.Media;

/// <summary>Draws the winners of the radio station's concert ticket competitions and sends them their tickets.</summary>
public sealed class ConcertCompetitionWorker(
    IQueueReceiver<AudienceApplication> entries,
    ILogger<ConcertCompetitionWorker> logger,
    IEventMessenger messenger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Broadcaster.Competitions");
    private readonly List<string> _winners = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var entry = await entries.ReceiveAsync(stoppingToken);
            if (entry is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("competition.entry");
            activity?.SetTag("entry.has_story", entry.Story.Length > 0); // clean precision-about
            if (Random.Shared.Next(100) == 0)
            {
                _winners.Add(entry.ApplicantName);
                activity?.SetTag("winner", true); // clean precision-about
                await messenger.SendAsync(entry.Phone, "tpl-you-won", stoppingToken);
                logger.LogInformation("Winner texted on {Phone}", entry.Phone); // leak TC1001 direct
                logger.LogInformation("Winners so far: {Winners}", _winners); // leak TC1001 logging-objects
                logger.LogInformation("Winners so far: {Count}", _winners.Count); // clean precision-about
                var winner = pseudonymizer.ComputeLivebroadcastHolderId(entry.Email);
                activity?.AddEvent(new ActivityEvent("winner-drawn", tags: new ActivityTagsCollection { ["winner"] = winner })); // clean precision-pseudonym
            }
        }
    }

    public void ReportDraw(string concert, IReadOnlyList<AudienceApplication> entrants)
    {
        using var activity = Source.StartActivity("competition.draw");
        activity?.SetTag("concert", concert); // clean precision-names
        activity?.SetTag("entrants.count", entrants.Count); // clean precision-about
        activity?.SetTag("entrants.first", entrants[0].Email); // leak TC1001 direct
        activity?.SetTag("entrants.last", entrants[^1].ApplicantName); // leak TC1001 direct
        logger.LogInformation("Draw for {Concert} with {Count} entrants", concert, entrants.Count); // clean precision-about
        logger.LogInformation("Entrants: {Entrants}", entrants.Select(e => e.Email).ToList()); // leak TC1001 logging-objects
        logger.LogInformation("Entrant domains: {Domains}", entrants.Select(e => e.Email.Split('@')[1]).Distinct().ToList()); // clean precision-about
        var winnerText = string.Join(";", _winners);
        activity?.SetTag("winners", winnerText); // leak TC1001 cross-member
        activity?.SetTag("winners.count", _winners.Count); // clean cross-member
        using var span = Source.StartLivebroadcastOperation(concert).SetLivebroadcastItemCount(entrants.Count).SetLivebroadcastOutcome("drawn"); // clean generated-api
    }
}
