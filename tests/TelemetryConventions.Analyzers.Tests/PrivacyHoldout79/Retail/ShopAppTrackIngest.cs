namespace PrivacyHoldout79.Retail;

/// <summary>
/// The shopping app's <c>track()</c> endpoint. Its events: <c>product_viewed</c> (sku, price),
/// <c>search_submitted</c> (query, result_count), <c>checkout_started</c> (basket_value, item_count,
/// and the guest's <c>email</c>), <c>address_entered</c> (postcode, delivery option).
/// </summary>
public sealed class ShopAppTrackIngest(
    ILogger<ShopAppTrackIngest> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    IAnalyticsForwarder forwarder,
    Meter meter)
{
    private readonly Histogram<double> _basket = meter.CreateHistogram<double>("shop.app.basket_value", "GBP");
    private readonly Counter<long> _searches = meter.CreateCounter<long>("shop.app.searches");

    public async Task IngestAsync(TrackBatch batch, CancellationToken cancellationToken)
    {
        using var span = source.StartCartpulseIngest(batch.BatchId);
        span.SetCartpulseBatchSize(batch.Events.Count);
        Activity.Current?.AddEvent(new ActivityEvent("batch.received", tags: new ActivityTagsCollection { ["write_key"] = batch.WriteKey, ["sent_at"] = batch.SentAt })); // clean precision-about

        foreach (var e in batch.Events)
        {
            var forTelemetry = ConsentFilter.ForTelemetry(e.Properties, batch.Consent);
            span.Activity?.AddEvent(new ActivityEvent("track." + e.Event, tags: new ActivityTagsCollection(forTelemetry))); // clean logging-objects
            await forwarder.ForwardAsync("shop_app_events", e.Properties, cancellationToken);

            switch (e.Event)
            {
                case "search_submitted":
                    var query = e.Properties.GetValueOrDefault("query") as string ?? "";
                    _searches.Add(1, new KeyValuePair<string, object?>("has_results", e.Properties.GetValueOrDefault("result_count") is > 0)); // clean precision-about
                    logger.LogInformation("App search {Query} returned {Count}", query, e.Properties.GetValueOrDefault("result_count")); // leak TC1001 direct
                    span.Activity?.SetTag("search.query.terms", query.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
                    break;

                case "checkout_started":
                    _basket.Record(Convert.ToDouble(e.Properties.GetValueOrDefault("basket_value") ?? 0), new KeyValuePair<string, object?>("items", e.Properties.GetValueOrDefault("item_count"))); // clean precision-about
                    if (e.Properties.GetValueOrDefault("email") is string guestEmail)
                    {
                        span.Activity?.SetTag(CartpulseAttributes.UserEmail, guestEmail); // leak TC1001 generated-api
                        span.Activity?.SetTag("checkout.guest", true); // clean precision-about
                    }
                    break;

                case "address_entered":
                    var postcode = e.Properties.GetValueOrDefault("postcode")?.ToString();
                    logger.LogDebug("Address step {Properties}", string.Join(", ", e.Properties.Select(p => $"{p.Key}={p.Value}"))); // leak TC1001 strings
                    logger.LogDebug("Address step keys {Keys}", string.Join(", ", e.Properties.Keys)); // clean precision-names
                    span.Activity?.SetTag("delivery.option", e.Properties.GetValueOrDefault("delivery_option")); // clean precision-about
                    span.Activity?.SetTag("delivery.postcode", postcode); // leak TC1001 direct
                    try
                    {
                        CheckPostcode(e.Event, postcode);
                    }
                    catch (IngestionValidationException ex)
                    {
                        logger.LogWarning("Address event refused: {Reason}", ex.Message); // leak TC1001 exceptions
                        span.RecordException(ex); // clean exceptions
                    }
                    break;
            }

            logger.LogDebug("Ingested {Event}", Describe(e)); // leak TC1001 cross-member
            if (e.UserId is { } customerNumber)
            {
                span.SetCartpulseUserId(pseudonymizer.PseudonymizeCartpulseUserId(customerNumber)); // clean precision-pseudonym
                meter.CreateCartpulseEventsIngestedCounter().Add(1, e.Event, $"accepted:{customerNumber}"); // leak TC1003 strings
            }
            else
            {
                meter.CreateCartpulseEventsIngestedCounter().Add(1, e.Event, "accepted:anonymous", cartpulseAppVersion: e.Context.AppVersion); // clean precision-about
            }
        }
    }

    private static string Describe(TrackEvent e) => $"{e.Event} of {e.UserId ?? "guest"} on {e.Context.OsName}";

    private static void CheckPostcode(string eventName, string? postcode)
    {
        if (postcode is null || postcode.Length is < 5 or > 8)
        {
            throw new IngestionValidationException(eventName, "postcode", postcode ?? "(none)");
        }
    }
}
