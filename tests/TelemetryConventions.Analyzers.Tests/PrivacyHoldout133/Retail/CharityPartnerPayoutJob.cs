namespace PrivacyHoldout133.Retail;

/// <summary>Monthly: totals round-ups and in-store collections per charity partner and claims Gift Aid on declared customer gifts.</summary>
public sealed class CharityPartnerPayoutJob(IDonationLedger ledger, ICharitiesOnlineClient hmrc, ILogger<CharityPartnerPayoutJob> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retail.CharityPayout");
    private static readonly Meter Meter = new("Retail.CharityPayout");
    private static readonly Histogram<double> Reclaimed = Meter.CreateHistogram<double>("retail.giftaid.reclaimed", "GBP");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = DateTime.UtcNow.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using var span = Source.StartRoundupTask(roundupProgramme: "giftaid-claim");
        var donations = await ledger.UnclaimedAsync(period, stoppingToken);
        span.SetRoundupCount(donations.Count); // clean precision-about

        var lines = new List<(GiftAidDeclaration, Donation)>();
        foreach (var donation in donations.Where(d => d.GiftAid))
        {
            var declaration = await ledger.DeclarationForAsync(donation.DonorId, stoppingToken);
            if (declaration is null)
            {
                logger.LogWarning("No declaration for donor {DonorId}; donation {DonationId} skipped", donation.DonorId, donation.DonationId); // leak TC1001 direct
                continue;
            }

            lines.Add((declaration, donation));
        }

        span.Activity?.SetTag("giftaid.lines", lines.Count); // clean precision-about
        span.Activity?.SetTag("giftaid.postcodes", string.Join(";", lines.Select(l => l.Item1.Postcode))); // leak TC1001 strings
        span.Activity?.SetTag("giftaid.districts", string.Join(";", lines.Select(l => l.Item1.Postcode.Split(' ')[0]).Distinct())); // clean precision-about

        try
        {
            var claim = await hmrc.SubmitAsync(period, lines, stoppingToken);
            logger.LogInformation("Gift Aid claim {@Claim}", claim); // clean logging-objects
            Reclaimed.Record((double)claim.TaxReclaimed, new KeyValuePair<string, object?>("period", claim.Period)); // clean precision-about
            span.SetRoundupOutcome("submitted"); // clean precision-names
        }
        catch (ClaimLineRejectedException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.Activity?.SetTag("hmrc.error", ex.ErrorCode); // clean exceptions
            logger.LogError("Claim rejected with {ErrorCode}: {Declaration}", ex.ErrorCode, lines.FirstOrDefault().Item1); // leak TC1001 logging-objects
        }
    }
}
