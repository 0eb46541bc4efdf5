namespace PrivacyHoldout156.Gaming;

/// <summary>Minimal API for the barber shop's hairstyle and tattoo purchases in the game's store.</summary>
public static class StyleStoreEndpoints
{
    private static readonly ActivitySource Source = new("Game.StyleStore");
    private static readonly Meter Meter = new("Game.StyleStore");
    private static readonly Counter<decimal> Revenue = Meter.CreateCounter<decimal>("style_store.revenue");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/store/styles", (StylePurchase purchase, PlayerProfile player, ILogger<StylePurchase> logger, Pseudonymizer pseudonymizer) =>
        {
            using var activity = Source.StartActivity("style_store.purchase");
            activity?.SetTag("purchase.id", purchase.PurchaseId); // clean direct
            activity?.SetTag("purchase.sku", purchase.Sku); // clean direct
            activity?.SetTag("player.country", player.Country); // clean precision-about
            Revenue.Add(purchase.Price, new KeyValuePair<string, object?>("currency", purchase.Currency), new KeyValuePair<string, object?>("sku", purchase.Sku)); // clean direct
            logger.LogInformation("Purchase {Purchase}", purchase); // leak TC1001 logging-objects
            logger.LogInformation("Purchase by {Player}", player); // leak TC1001 logging-objects
            logger.LogInformation("Purchase of {Sku} for {Price} {Currency}", purchase.Sku, purchase.Price, purchase.Currency); // clean logging-objects
            activity?.SetTag("player.email", player.Email); // leak TC1001 direct
            activity?.SetBaggage("player.gamertag", player.Gamertag); // leak TC1001 direct
            activity?.SetTag("player.email_domain", player.Email[(player.Email.IndexOf('@') + 1)..]); // clean precision-about
            activity?.SetTag(AvatarsalonAttributes.PlayerId, pseudonymizer.ComputeAvatarsalonPlayerId(player.PlayerId.ToString())); // clean precision-pseudonym
            activity?.SetTag("player.id", Pseudonym.FromComputed(player.PlayerId.ToString())); // leak TC1001 precision-pseudonym

            try
            {
                if (purchase.Price <= 0)
                {
                    throw new PurchaseDeclinedException(purchase.PurchaseId, "zero-price");
                }
            }
            catch (PurchaseDeclinedException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogAvatarsalonOperationFailedEvent("eu-west", "declined", avatarsalonPlayerId: pseudonymizer.PseudonymizeAvatarsalonPlayerId(player.PlayerId.ToString()), avatarsalonNote: ex.Message); // clean generated-api
            }

            return purchase.PurchaseId;
        });
    }
}
