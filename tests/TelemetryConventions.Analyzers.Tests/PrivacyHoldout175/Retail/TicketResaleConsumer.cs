namespace PrivacyHoldout175.Retail;

/// <summary>Consumes fan-to-fan resale listings from <c>resale.listings</c>, keyed by the seller's customer number.</summary>
public sealed class TicketResaleConsumer(
    IConsumer<string, ResaleListing> consumer,
    ILogger<TicketResaleConsumer> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retail.Resale");
    private static readonly Meter Meter = new("Retail.Resale");
    private static readonly Counter<long> Listings = Meter.CreateCounter<long>("resale.listings");

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            var listing = result.Message.Value;
            var sellerKey = result.Message.Key;
            using var activity = Source.StartActivity("resale.listing");
            activity?.SetTag("resale.seller", sellerKey); // leak TC1001 direct
            activity?.SetTag("resale.listing.id", listing.ListingId); // clean precision-names
            activity?.SetTag("resale.ticket.id", listing.TicketId); // clean precision-names
            activity?.SetTag("resale.price", (double)listing.Price); // clean precision-about
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-about

            if (listing.Price > 500m)
            {
                logger.LogWarning("Listing {ListingId} above the face-value cap", listing.ListingId); // clean precision-names
                logger.LogWarning("Seller {Seller} listed above the cap", listing.SellerCustomerNumber); // leak TC1001 direct
                activity?.SetStatus(ActivityStatusCode.Error, $"seller {listing.SellerCustomerNumber} over cap"); // leak TC1001 strings
                activity?.SetStatus(ActivityStatusCode.Error, "over face-value cap"); // clean strings
            }

            var seller = pseudonymizer.PseudonymizeBoxofficeHolderId(listing.SellerCustomerNumber);
            using var span = Source.StartBoxofficeOperation("resale").SetBoxofficeHolderId(seller).SetBoxofficeOutcome("listed"); // clean generated-api
            span.SetBoxofficeNote($"Listing {listing.ListingId} for ticket {listing.TicketId}"); // clean generated-api
            Listings.Add(1, new KeyValuePair<string, object?>("seller", seller)); // leak TC1003 precision-pseudonym
            Listings.Add(1, new KeyValuePair<string, object?>("price_band", listing.Price > 100m ? "high" : "low")); // clean precision-about
            logger.LogInformation("Listing {@Listing}", listing); // leak TC1001 logging-objects
            logger.LogInformation("Listing {@Listing}", new { listing.ListingId, listing.TicketId, listing.Price }); // clean logging-objects
            consumer.Commit(result);
        }

        return Task.CompletedTask;
    }
}
