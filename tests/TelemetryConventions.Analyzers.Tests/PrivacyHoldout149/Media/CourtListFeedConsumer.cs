namespace PrivacyHoldout149.Media;

/// <summary>
/// Reads the courts' daily lists from the press feed (keyed by court), picks cases for the court
/// reporters' diaries and flags youths and restricted cases so that no one writes them up by name.
/// </summary>
public sealed class CourtListFeedConsumer(
    IConsumer<string, CourtListEntry> feed,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<CourtListFeedConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Newsroom.CourtDesk.Lists");
    private static readonly Meter ListMeter = new("Newsroom.CourtDesk.Lists");
    private static readonly Counter<long> Listings = ListMeter.CreateCounter<long>("courtlist.listings", "{listing}");

    private readonly HashSet<string> _diary = new(StringComparer.OrdinalIgnoreCase);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = feed.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var entry = result.Message.Value;
            using var activity = Source.StartActivity("courtlist.entry", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("courtlist.listing.id", entry.ListingId);
            activity?.SetTag("courtlist.courtroom", entry.Courtroom);
            activity?.SetTag("courtlist.case.urn", entry.CaseUrn); // clean precision-names
            activity?.SetTag("courtlist.offence", entry.Offence);
            activity?.SetTag("courtlist.defendant.age", entry.DefendantAge); // clean precision-about
            activity?.SetTag("courtlist.youth", entry.Youth); // clean precision-about
            activity?.SetTag("courtlist.defendant", entry.DefendantName); // leak TC1001 direct
            activity?.SetTag("courtlist.defendant.id", pseudonymizer.ComputeCourtdeskDefendantId($"{entry.DefendantName}|{entry.DefendantAge}")); // clean precision-pseudonym
            Listings.Add(1, new KeyValuePair<string, object?>("court", entry.Court), new KeyValuePair<string, object?>("youth", entry.Youth)); // clean precision-about

            if (entry.Youth || entry.RestrictionFlag)
            {
                logger.LogInformation("Restricted listing {ListingId} at {Court}: not for the diary", entry.ListingId, entry.Court); // clean precision-names
                logger.LogDebug("Skipped restricted listing {Entry}", entry); // leak TC1001 logging-objects
                meter.CreateCourtdeskListingsCounter().Add(1, entry.Court, "restricted"); // clean generated-api
                continue;
            }

            _diary.Add(entry.DefendantName);
            var span = new CourtdeskOperationSpan(activity);
            span.SetCourtdeskDesk("crime");
            span.SetCourtdeskDefendantId(pseudonymizer.PseudonymizeCourtdeskDefendantId($"{entry.DefendantName}|{entry.DefendantAge}")); // clean precision-pseudonym
            span.SetCourtdeskNote($"{entry.DefendantName}, {entry.DefendantAge}, of {entry.Town}: {entry.Offence}"); // leak TC1001 generated-api
            logger.LogInformation("Diary: {Defendant}, {Age}, {Town}, {Offence}", entry.DefendantName, entry.DefendantAge, entry.Town, entry.Offence); // leak TC1001 direct
            meter.CreateCourtdeskListingsCounter().Add(1, entry.Court, "diary"); // clean generated-api
            feed.Commit(result);
        }

        return Task.CompletedTask;
    }

    /// <summary>The morning conference's summary of the diary.</summary>
    public void SummariseDiary()
    {
        Activity.Current?.SetTag("courtlist.diary.count", _diary.Count); // clean cross-member
        logger.LogInformation("Diary for today: {Defendants}", string.Join("; ", _diary)); // leak TC1001 cross-member
    }
}
