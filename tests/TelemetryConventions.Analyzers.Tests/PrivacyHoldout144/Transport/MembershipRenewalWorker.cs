namespace PrivacyHoldout144.Transport;

/// <summary>
/// Members of the transport museum renew yearly. The worker renews memberships due in the next month, records the
/// Gift Aid declarations made with them and reports the renewals that failed.
/// </summary>
public sealed partial class MembershipRenewalWorker(
    IMembershipStore store,
    CultureHubOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<MembershipRenewalWorker> logger) : BackgroundService
{
    private const string Line = "members";

    private readonly List<RenewalNotice> _failedRenewals = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await RenewDueAsync(stoppingToken);
            Report();
            await Task.Delay(TimeSpan.FromDays(1), stoppingToken);
        }
    }

    private async Task RenewDueAsync(CancellationToken cancellationToken)
    {
        using var span = source.StartTransitmuseumOperation(Line, spanName: "renewals.daily");
        var due = await store.DueAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), cancellationToken);
        span.SetTransitmuseumRiderCount(due.Count); // clean generated-api
        Activity.Current?.SetTag("transitmuseum.renewal.email_template", options.RenewalTemplateId); // clean precision-names
        logger.LogInformation("Renewals due by tier {Tiers}", due.GroupBy(d => d.Tier).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects

        foreach (var notice in due)
        {
            try
            {
                var renewed = await store.RenewAsync(notice.MembershipNumber, notice.Tier, cancellationToken);
                LogRenewed(logger, renewed.MembershipNumber, renewed.ValidUntil); // clean logging-objects
                Activity.Current?.SetTag("transitmuseum.renewal.valid_until", renewed.ValidUntil.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // clean precision-about
                meter.CreateTransitmuseumRidesCounter().Add(1, Line, transitmuseumOutcome: $"renewed:{renewed.MembershipNumber}"); // leak TC1003 generated-api

                // The renewal payment is claimed for Gift Aid when the member has a declaration on file.
                if (await store.GiftAidAsync(renewed.MembershipNumber, cancellationToken) is { } declaration)
                {
                    logger.LogInformation("Gift Aid claimed with declaration {Declaration}", declaration); // leak TC1001 logging-objects
                    Activity.Current?.SetTag("transitmuseum.giftaid.postcode_district", declaration.Postcode.Split(' ')[0]); // clean precision-about
                }
            }
            catch (MembershipLapsedException ex)
            {
                _failedRenewals.Add(notice);
                logger.LogWarning("Renewal failed: {Reason}", ex.Message); // leak TC1001 exceptions
                Activity.Current?.SetTag("transitmuseum.renewal.lapsed_on", ex.LapsedOn.ToString("O")); // clean exceptions
                Activity.Current?.SetTag(TransitmuseumAttributes.Contact, notice.Email); // leak TC1001 generated-api
            }
        }
    }

    private void Report()
    {
        Activity.Current?.SetTag("transitmuseum.renewals.failed", _failedRenewals.Count); // clean precision-about
        logger.LogWarning("Renewals to chase: {Notices}", _failedRenewals); // leak TC1001 cross-member
        _failedRenewals.Clear();
    }

    [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "Membership {MembershipNumber} renewed until {ValidUntil}")]
    private static partial void LogRenewed(ILogger logger, [PrivateData] string membershipNumber, DateOnly validUntil);
}
