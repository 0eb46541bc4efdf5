namespace PrivacyHoldout132.Retail;

/// <summary>A loyalty member's access preferences at the till: large print receipts, a Sunflower lanyard (hidden disability) flag and contactless-only help.</summary>
public sealed record TillAccessProfile(string LoyaltyCardNumber, string FirstName, bool LargePrintReceipt, int ReceiptFontPoint, bool HiddenDisabilityLanyard, bool AudioReceipt);

public sealed class LoyaltyCardUnknownException(string cardNumber)
    : Exception($"Loyalty card {cardNumber} not recognised");

/// <summary>Looks up a member's till access profile when their loyalty card is scanned and prints the receipt in their format.</summary>
public sealed partial class LargePrintReceiptService(
    Pseudonymizer pseudonymizer,
    ILogger<LargePrintReceiptService> logger)
{
    private static readonly ActivitySource Source = new("Retail.Tills.Access");
    private static readonly Meter Meter = new("Retail.Tills.Access");
    private static readonly Counter<long> Receipts = Meter.CreateCounter<long>("tills.receipts.accessible");

    public void Print(string storeCode, string tillId, string basketId, string scannedCard, Func<string, TillAccessProfile?> lookup)
    {
        using var activity = Source.StartActivity("till.receipt.accessible");
        activity?.SetTag("till.id", tillId); // clean precision-names
        activity?.SetTag("basket.id", basketId); // clean precision-names
        activity?.SetTag("loyalty.card_last4", scannedCard[^4..]); // clean precision-about
        activity?.SetTag("loyalty.card", scannedCard); // leak TC1001 direct

        var profile = lookup(scannedCard);
        if (profile is null)
        {
            var ex = new LoyaltyCardUnknownException(scannedCard);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            logger.LogWarning("Card lookup failed: {Error}", ex.Message); // leak TC1001 exceptions
            return;
        }

        activity?.SetTag("receipt.font_point", profile.ReceiptFontPoint); // clean precision-about
        activity?.SetTag("receipt.audio", profile.AudioReceipt); // clean precision-about
        activity?.SetTag(ShopaccessAttributes.PersonId, pseudonymizer.ComputeShopaccessPersonId(profile.LoyaltyCardNumber)); // clean precision-pseudonym
        LogProfile(logger, profile.FirstName, profile.HiddenDisabilityLanyard); // clean logging-objects
        logger.LogDebug("Till access profile {Profile}", profile); // leak TC1001 logging-objects
        logger.LogInformation($"Large print receipt for {profile.FirstName} at till {tillId}"); // leak TC1001 strings
        Receipts.Add(1, new KeyValuePair<string, object?>("store", storeCode), new("large_print", profile.LargePrintReceipt)); // clean precision-about
        activity?.SetTag("loyalty.card_bucket", (scannedCard.GetHashCode() & 0xffff) % 64); // leak TC1002 hashes
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Greeting {FirstName}; lanyard {Lanyard}")]
    private static partial void LogProfile(ILogger logger, [PrivateData] string firstName, bool lanyard);
}
