namespace PrivacyHoldout171.Retail;

public sealed record VanHireCheckout(string CustomerNumber, string LoyaltyCardNumber, string Email, string LicenceNumber, DateOnly DateOfBirth, string StoreNumber, string VanClass, int Hours);

/// <summary>The store's van hire desk: customers hire a van by the hour to take furniture home.</summary>
public static partial class VanHireCheckoutEndpoints
{
    private static readonly ActivitySource Source = new("Store.VanHire");
    private static readonly Meter Meter = new("Store.VanHire");
    private static readonly StorecarRentalsCounter Rentals = Meter.CreateStorecarRentalsCounter();

    public static void Map(EndpointRoutes routes) => routes.MapPost("/stores/{storeNumber}/van-hire", CheckoutAsync);

    public static async Task<ActionResult> CheckoutAsync(VanHireCheckout checkout, ILicenceCheckService licences, Pseudonymizer pseudonymizer, ILogger<VanHireCheckout> logger)
    {
        using var span = Source.StartStorecarOperation(checkout.StoreNumber);
        span.SetStorecarVehicleClass(checkout.VanClass); // clean generated-api
        span.SetStorecarRenterId(pseudonymizer.PseudonymizeStorecarRenterId(checkout.CustomerNumber)); // clean generated-api
        span.SetStorecarItemCount(checkout.Hours); // clean precision-about

        Activity.Current?.SetTag("store.number", checkout.StoreNumber); // clean precision-names
        Activity.Current?.SetTag("store.customer.tier", TierOf(checkout.LoyaltyCardNumber)); // clean precision-about
        Activity.Current?.SetTag("store.loyalty.card", checkout.LoyaltyCardNumber); // leak TC1001 direct
        Activity.Current?.SetTag("store.customer", checkout.CustomerNumber.Trim()); // leak TC1001 direct

        LogCheckout(logger, checkout.CustomerNumber, checkout.StoreNumber); // clean precision-names
        LogCheckoutEmail(logger, checkout.Email, checkout.StoreNumber); // leak TC1001 direct

        var check = await licences.CheckAsync(checkout.LicenceNumber, "store");
        if (!check.Valid)
        {
            logger.LogStorecarOperationFailedEvent(checkout.StoreNumber, "licence-invalid", pseudonymizer.PseudonymizeStorecarRenterId(checkout.CustomerNumber), $"Customer born {checkout.DateOfBirth:yyyy-MM-dd} refused"); // leak TC1001 generated-api
            Rentals.Add(1, checkout.StoreNumber, "licence-invalid"); // clean generated-api
            return new BadRequestResult("licence");
        }

        Rentals.Add(1, checkout.StoreNumber, "hired"); // clean generated-api
        Activity.Current?.AddEvent(new ActivityEvent("van.hired", tags: new ActivityTagsCollection { ["customer"] = checkout.CustomerNumber })); // leak TC1001 direct
        return new OkResult(null);
    }

    private static string TierOf(string loyaltyCardNumber) => loyaltyCardNumber.StartsWith("9", StringComparison.Ordinal) ? "gold" : "standard";

    [LoggerMessage(Level = LogLevel.Information, Message = "Van hire checkout for {CustomerNumber} at store {StoreNumber}")]
    private static partial void LogCheckout(ILogger logger, [PrivateData] string customerNumber, string storeNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Van hire receipt to {Email} at store {StoreNumber}")]
    private static partial void LogCheckoutEmail(ILogger logger, string email, string storeNumber);
}
