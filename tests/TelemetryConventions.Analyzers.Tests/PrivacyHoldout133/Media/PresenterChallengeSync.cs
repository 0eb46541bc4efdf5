namespace PrivacyHoldout133.Media;

/// <summary>Syncs the totals of viewers' fundraising pages for the appeal's presenter challenge into the on-screen graphics.</summary>
public sealed class PresenterChallengeSync(IFundraisingPlatform platform, Pseudonymizer pseudonymizer, ILogger<PresenterChallengeSync> logger)
{
    private static readonly ActivitySource Source = new("Broadcast.PresenterChallenge");
    private static readonly Meter Meter = new("Broadcast.PresenterChallenge");

    public async Task<decimal> SyncAsync(IReadOnlyList<string> pageShortNames, string eventCode, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var span = Source.StartAppealTask(appealProgramme: eventCode);
        span.SetAppealCount(pageShortNames.Count); // clean precision-about
        decimal total = 0;
        foreach (var shortName in pageShortNames)
        {
            try
            {
                var page = await platform.PageAsync(shortName, cancellationToken) ?? throw new PageNotFoundException(shortName);
                total += page.Raised;
                var sponsorships = await platform.SponsorshipsAsync(page.PageId, cancellationToken);
                span.Activity?.AddEvent(new ActivityEvent("page.synced", tags: new ActivityTagsCollection { ["page.id"] = page.PageId, ["sponsorships"] = sponsorships.Count })); // clean precision-names
                span.Activity?.AddEvent(new ActivityEvent("page.top_sponsor", tags: new ActivityTagsCollection { ["sponsor"] = sponsorships.MaxBy(s => s.Amount)?.SponsorName })); // leak TC1001 direct
                logger.LogDebug("Page {Page} synced", page); // leak TC1001 logging-objects
                logger.LogDebug("Page owner {Owner}", pseudonymizer.PseudonymizeAppealSupporterId(page.OwnerId)); // clean precision-pseudonym
            }
            catch (PageNotFoundException ex)
            {
                span.RecordException(ex); // clean exceptions
                logger.LogAppealTaskFailedEvent(appealProgramme: eventCode, appealOutcome: "page-missing", appealNote: ex.Message); // leak TC1001 generated-api
            }
            catch (PlatformRateLimitedException ex)
            {
                logger.LogAppealTaskFailedEvent(appealProgramme: eventCode, appealOutcome: "throttled", appealNote: ex.Message); // clean generated-api
                break;
            }
        }

        span.SetAppealAmount((double)total); // clean precision-about
        TelemetryMetrics.CreateAppealTaskDurationHistogram(Meter).Record(clock.Elapsed.TotalSeconds, appealProgramme: eventCode); // clean generated-api
        return total;
    }
}
