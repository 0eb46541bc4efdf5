namespace PrivacyHoldout135.Retail;

/// <summary>The customer service desk's lost property: items handed in and customers' claims.</summary>
public sealed class LostPropertyDeskService(ILostPropertyRegister register, ILogger<LostPropertyDeskService> logger)
{
    private static readonly ActivitySource Source = new("Retail.CustomerService.LostProperty");
    private static readonly Meter Meter = new("Retail.CustomerService.LostProperty");
    private static readonly Counter<long> HandedIn = Meter.CreateCounter<long>("lostproperty.handed_in", "{item}");

    public void HandIn(FoundItem item, string store)
    {
        using var activity = Source.StartActivity("lost-property hand-in");
        activity?.SetTag("lostproperty.item.id", item.ItemId); // clean precision-names
        activity?.SetTag("lostproperty.category", item.Category); // clean precision-names
        activity?.SetTag("lostproperty.found_at", item.FoundAt); // clean precision-names
        activity?.SetTag("lostproperty.named", item.OwnerNameOnItem is not null); // clean precision-about
        activity?.SetTag("lostproperty.owner", item.OwnerNameOnItem); // leak TC1001 cross-member
        logger.LogInformation("Item handed in: {Item}", item); // leak TC1001 logging-objects
        HandedIn.Add(1, new KeyValuePair<string, object?>("store", store), new KeyValuePair<string, object?>("category", item.Category)); // clean precision-about
    }

    public async Task ClaimAsync(LossClaim claim, CancellationToken ct)
    {
        var matches = await register.MatchAsync(claim, ct);
        Activity.Current?.SetTag("lostproperty.claim.matches", matches.Count); // clean precision-about
        logger.LogInformation("Claim {ClaimId} by {ClaimantName}, phone {ClaimantPhone}", claim.ClaimId, claim.ClaimantName, claim.ClaimantPhone); // leak TC1001 direct
        logger.LogInformation("Claim {ClaimId} description: {Description}", claim.ClaimId, claim.Description); // leak TC1001 direct
        if (matches.FirstOrDefault() is { } best)
        {
            await register.RecordReturnAsync(best.ItemId, claim.ClaimId, ct);
            logger.LogInformation("Returned item {ItemId} on claim {ClaimId} (score {Score:0.00})", best.ItemId, claim.ClaimId, best.Score); // clean precision-names
        }
    }
}
