namespace PrivacyHoldout138.Gaming;

public sealed record StorePurchase(string PurchaseId, Guid PlayerId, string Gamertag, string Sku, decimal Price, string? CreatorCode, string Platform);

public sealed class CreatorCodeNotFoundException(string code) : Exception($"Creator code '{code}' is not active")
{
    public string Code { get; } = code;
}

public sealed class SupportACreatorHandler(ICreatorLedger ledger, Pseudonymizer pseudonymizer, ILogger<SupportACreatorHandler> logger)
{
    private static readonly ActivitySource Source = new("Studio.Store");
    private static readonly Meter StoreMeter = new("Studio.Store");
    private static readonly Counter<long> Attributed = StoreMeter.CreateCounter<long>("store.purchases.attributed", "{purchase}");
    private static readonly Counter<long> Unattributed = StoreMeter.CreateCounter<long>("store.purchases.unattributed", "{purchase}");

    public async Task HandleAsync(StorePurchase purchase, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("store.purchase.attribute");
        activity?.SetTag("store.purchase.id", purchase.PurchaseId); // clean precision-names
        activity?.SetTag("store.sku", purchase.Sku); // clean precision-names
        activity?.SetTag("store.platform", purchase.Platform); // clean precision-names
        activity?.SetTag("store.player", purchase.PlayerId); // leak TC1001 direct
        activity?.SetTag("store.has_creator_code", purchase.CreatorCode is not null); // clean precision-about

        if (purchase.CreatorCode is null)
        {
            Unattributed.Add(1, new KeyValuePair<string, object?>("platform", purchase.Platform)); // clean precision-names
            return;
        }

        try
        {
            var creatorId = await ResolveAsync(purchase.CreatorCode, cancellationToken);
            activity?.SetTag(CreatorpayAttributes.CreatorId, pseudonymizer.ComputeCreatorpayCreatorId(creatorId)); // clean precision-pseudonym
            Attributed.Add(1, new KeyValuePair<string, object?>("sku", purchase.Sku)); // clean precision-names
            logger.LogInformation("{Gamertag} supported creator code {CreatorCode}", purchase.Gamertag, purchase.CreatorCode); // leak TC1001 direct
            logger.LogInformation("Purchase attributed: {Purchase}", purchase); // leak TC1001 logging-objects
        }
        catch (CreatorCodeNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("store.creator_code.length", ex.Code.Length); // clean precision-about
        }
    }

    private async Task<string> ResolveAsync(string creatorCode, CancellationToken cancellationToken)
    {
        var earnings = await ledger.EarningsForAsync(DateTime.UtcNow.ToString("yyyy-MM", CultureInfo.InvariantCulture), cancellationToken);
        foreach (var earning in earnings)
        {
            var creator = await ledger.CreatorAsync(earning.CreatorId, cancellationToken);
            if (string.Equals(creator.CreatorCode, creatorCode, StringComparison.OrdinalIgnoreCase))
            {
                return creator.CreatorId;
            }
        }

        throw new CreatorCodeNotFoundException(creatorCode);
    }
}
