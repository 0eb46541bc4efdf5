namespace PrivacyHoldout138.Transport;

/// <summary>A freelance photographer whose images the operator licenses for posters and the magazine.</summary>
public sealed record Photographer(string PhotographerId, string Name, string Email, string TaxReference);

public sealed record ImageUse(string AssetId, string PhotographerId, string Usage, string Station, int PrintRun);

public sealed class PhotographerLicensingService(IRightsRegistry rights, IPayoutClient payouts, ActivitySource source, ILogger<PhotographerLicensingService> logger)
{
    private static readonly Meter LicensingMeter = new("Rail.Licensing");
    private static readonly Counter<long> Uses = LicensingMeter.CreateCounter<long>("rail.image.uses", "{use}");

    public async Task SettleAsync(string period, IReadOnlyList<ImageUse> uses, IReadOnlyDictionary<string, Photographer> photographers, CancellationToken cancellationToken)
    {
        using var span = source.StartRailpressLetter($"licensing-{period}", spanName: "railpress.licensing").SetRailpressRoute("all"); // clean precision-names
        span.SetRailpressItemCount(uses.Count); // clean precision-about

        foreach (var use in uses)
        {
            Uses.Add(1, new TagList { { "usage", use.Usage }, { "station", use.Station } }); // clean precision-names
            var licences = await rights.LicencesForAsync(use.AssetId, cancellationToken);
            logger.LogDebug("Licences for {AssetId}: {Licences}", use.AssetId, licences); // clean logging-objects
            var current = licences.FirstOrDefault(l => l.Usage == use.Usage);
            if (current is null || current.Until < DateOnly.FromDateTime(DateTime.UtcNow))
            {
                var ex = new LicenceExpiredException(current?.LicenceId ?? "none", current?.Until ?? DateOnly.MinValue);
                span.RecordException(ex, includeMessage: true); // clean exceptions
                var photographer = photographers[use.PhotographerId];
                logger.LogWarning("Licence lapsed for {AssetId}; contact {Photographer}", use.AssetId, photographer); // leak TC1001 logging-objects
            }
        }

        var lines = uses.GroupBy(u => u.PhotographerId).Select(g => new PayoutLine(g.Key, g.Sum(u => u.PrintRun) * 0.02m, "GBP", period)).ToList();
        foreach (var line in lines)
        {
            logger.LogInformation("Royalty line {Line}", line); // leak TC1001 logging-objects
            logger.LogInformation("Royalty {Amount} {Currency} for {Period}", line.Amount, line.Currency, line.Period); // clean precision-about
        }

        try
        {
            await payouts.SubmitAsync(new PayoutBatch($"licensing-{period}", period, lines, lines.Sum(l => l.Amount)), cancellationToken);
        }
        catch (PayoutRejectedException ex)
        {
            var photographer = photographers[ex.PayeeId];
            span.SetRailpressOutcome("rejected").SetRailpressNote($"rejected {ex.Reason} for {photographer.Name}"); // leak TC1001 generated-api
            span.Activity?.SetTag(RailpressAttributes.Contact, photographer.Email); // leak TC1001 generated-api
            logger.LogError("Photographer tax reference on file: {HasTaxRef}", !string.IsNullOrEmpty(photographer.TaxReference)); // clean precision-about
            logger.LogError("Photographer tax reference {TaxRef}", photographer.TaxReference); // leak TC1001 direct
        }
        catch (PayoutApiException ex)
        {
            logger.LogError(ex, "Payout API {Status} {Code}", ex.Status, ex.Code); // clean exceptions
        }
    }
}
