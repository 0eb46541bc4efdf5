namespace PrivacyHoldout159.Retail;

// Garden waste bin subscriptions bought in the council's online shop; the topic is keyed by subscription id.
public sealed class GardenWasteSubscriptionConsumer(IConsumer<string, (Guid SubscriptionId, string Uprn, string Email, int Bins, string Round)> purchases, ILogger<GardenWasteSubscriptionConsumer> logger, Meter meter)
{
    private readonly Counter<long> bins = meter.CreateCounter<long>("gardenwaste.bins");
    private readonly HashSet<string> uprnsWithTwoBins = new();

    public void Poll(CancellationToken cancellationToken)
    {
        var result = purchases.Consume(cancellationToken);
        if (result is null)
        {
            return;
        }

        var purchase = result.Message.Value;
        using var activity = new ActivitySource("Council.GardenWaste").StartActivity("gardenwaste.purchase");
        activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
        activity?.SetTag("gardenwaste.round", purchase.Round); // clean precision-about
        activity?.SetTag("gardenwaste.bins", purchase.Bins); // clean precision-about
        activity?.SetTag("gardenwaste.uprn", purchase.Uprn); // leak TC1001 direct
        activity?.SetTag("gardenwaste.email", purchase.Email); // leak TC1001 direct
        bins.Add(purchase.Bins, new KeyValuePair<string, object?>("round", purchase.Round)); // clean precision-about
        logger.LogInformation("Subscription {SubscriptionId} for round {Round}", purchase.SubscriptionId, purchase.Round); // clean precision-names
        logger.LogInformation("Subscription {Purchase}", purchase); // leak TC1001 logging-objects
        if (purchase.Bins > 1)
        {
            uprnsWithTwoBins.Add(purchase.Uprn);
        }

        purchases.Commit(result);
    }

    public void Report()
    {
        logger.LogInformation("Properties with more than one bin: {Count}", uprnsWithTwoBins.Count); // clean cross-member
        Activity.Current?.SetTag("gardenwaste.multi_bin.uprns", string.Join(",", uprnsWithTwoBins)); // leak TC1001 cross-member
    }
}
