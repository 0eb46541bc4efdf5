namespace PrivacyHoldout137.Retail;

public sealed record BillCreditConversion(string CustomerNumber, string LoyaltyCardNumber, string EnergyAccountNumber, int Points, decimal Credit, string Email);

public sealed class EnergyAccountMismatchException(string energyAccountNumber, string customerNumber)
    : Exception($"Energy account {energyAccountNumber} does not belong to customer {customerNumber}")
{
    public string EnergyAccountNumber { get; } = energyAccountNumber;
}

/// <summary>Converts loyalty points into credit on the customer's energy bill with the partner supplier.</summary>
public sealed partial class LoyaltyEnergyBillCreditService(ILogger<LoyaltyEnergyBillCreditService> logger)
{
    private static readonly ActivitySource Source = new("Retail.Loyalty.EnergyCredit");
    private static readonly Meter Meter = new("Retail.Loyalty.EnergyCredit");
    private static readonly Histogram<int> PointsConverted = Meter.CreateHistogram<int>("loyalty.energy_credit.points");

    public void Record(BillCreditConversion conversion)
    {
        using var activity = Source.StartActivity("loyalty.energy_credit");
        activity?.SetTag("loyalty.points", conversion.Points); // clean precision-about
        activity?.SetTag("loyalty.card", conversion.LoyaltyCardNumber); // leak TC1001 direct
        activity?.SetTag("loyalty.card_last4", conversion.LoyaltyCardNumber[^4..]); // clean precision-about
        activity?.SetTag("loyalty.customer_key", conversion.CustomerNumber.GetHashCode()); // leak TC1002 hashes
        activity?.AddEvent(new ActivityEvent("credit.applied", tags: new ActivityTagsCollection { ["account"] = conversion.EnergyAccountNumber, ["credit"] = (double)conversion.Credit })); // leak TC1001 direct
        PointsConverted.Record(conversion.Points, new KeyValuePair<string, object?>("band", conversion.Points >= 5000 ? "large" : "small")); // clean precision-about
        LogConversion(logger, conversion.CustomerNumber, conversion.Credit); // leak TC1001 direct
        logger.LogInformation("Conversion {Conversion}", conversion); // leak TC1001 logging-objects
    }

    public void Reject(EnergyAccountMismatchException ex)
    {
        using var activity = Source.StartActivity("loyalty.energy_credit.rejected");
        activity?.AddException(ex); // leak TC1001 exceptions
        logger.LogWarning("Mismatch on account {Account}", ex.EnergyAccountNumber); // leak TC1001 exceptions
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer {CustomerNumber} converted points to {Credit} bill credit")]
    private static partial void LogConversion(ILogger logger, string customerNumber, decimal credit);
}
