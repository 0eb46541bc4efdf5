namespace PrivacyHoldout105.Retail;

/// <summary>A guest cart claimed at checkout sign-in. Prints its members.</summary>
public sealed record CartStitch(string AnonymousId, string CustomerNumber, Guid CartId, int Items);

/// <summary>
/// At checkout sign-in the guest cart and the browsing behind it are stitched to the customer in the identity graph
/// (its own store), so that the checkout funnel counts one person.
/// </summary>
public sealed class AnonymousCartStitcher(
    IIdentityGraph graph,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<AnonymousCartStitcher> logger)
{
    public async Task StitchAsync(CartStitch stitch, CancellationToken ct)
    {
        using var span = source.StartShopclickSync("identity-graph").SetShopclickCustomerId(pseudonymizer.PseudonymizeShopclickCustomerId(stitch.CustomerNumber)); // clean precision-pseudonym
        logger.LogInformation("Stitching cart {CartId} with {Items} items", stitch.CartId, stitch.Items); // clean precision-names
        logger.LogInformation("Stitching {Stitch}", stitch); // leak TC1001 logging-objects
        Activity.Current?.SetTag("shop.cart.owner", stitch.CustomerNumber); // leak TC1001 direct
        var stitchKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(stitch.AnonymousId + "|" + stitch.CustomerNumber)));
        logger.LogDebug("Stitch key {StitchKey}", stitchKey); // leak TC1002 hashes
        try
        {
            var outcome = await graph.StitchAsync(new StitchRequest(stitch.AnonymousId, stitch.CustomerNumber, "checkout", DateTimeOffset.UtcNow), ct);
            span.SetShopclickEventCount(outcome.ReattributedEvents).SetShopclickOutcome("stitched"); // clean generated-api
            var devices = await graph.AnonymousIdsOfAsync(stitch.CustomerNumber, ct);
            logger.LogDebug("Customer now has {Count} browsers", devices.Count); // clean precision-about
            logger.LogDebug("Known anonymous ids {AnonymousIds}", devices); // leak TC1001 logging-objects
            span.SetShopclickNote(string.Join(",", devices)); // leak TC1001 generated-api
        }
        catch (IdentityConflictException ex)
        {
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            span.SetShopclickOutcome("conflict").SetShopclickNote(ex.Rule); // clean exceptions
        }
        catch (GraphUnavailableException ex)
        {
            logger.LogWarning(ex, "Graph {Store} unavailable, stitch deferred", ex.Store); // clean exceptions
        }
    }
}
