namespace PrivacyHoldout171.Media;

/// <summary>Deposits the broadcaster holds for freelancers who drive hire cars on their own account.</summary>
public sealed class FreelancerDepositLedger(IDepositGateway gateway, TelemetrySecrets secrets, ILogger<FreelancerDepositLedger> logger)
{
    private static readonly ActivitySource Source = new("Broadcast.Deposits");
    private static readonly Meter Meter = new("Broadcast.Deposits");
    private static readonly Histogram<double> Amounts = Meter.CreateHistogram<double>("broadcast.deposit.amount", "GBP");

    public async Task<DepositResult> HoldAsync(DepositHold hold, string production, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("deposit.hold", ActivityKind.Client);
        activity?.SetTag("deposit.hold.id", hold.HoldId); // clean precision-names
        activity?.SetTag("deposit.amount", hold.Amount); // clean precision-about
        activity?.SetTag("deposit.currency", hold.Currency); // clean precision-about
        activity?.SetTag("deposit.card", Mask(hold.CardNumber)); // clean precision-about
        activity?.SetTag("deposit.card.full", hold.CardNumber); // leak TC1001 direct
        Amounts.Record((double)hold.Amount, new KeyValuePair<string, object?>("production", production)); // clean precision-names

        try
        {
            var result = await gateway.AuthoriseAsync(hold, cancellationToken);
            logger.LogInformation("Deposit result {Result}", result); // clean logging-objects
            return result;
        }
        catch (DepositDeclinedException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Deposit declined for freelancer {FreelancerId}", hold.RenterId); // leak TC1001 direct
            logger.LogWarning("Deposit declined for freelancer {Fingerprint}", Fingerprint(hold.RenterId)); // clean hashes
            logger.LogWarning("Deposit declined for card {CardHash}", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hold.CardNumber)))); // leak TC1002 hashes
            throw;
        }
    }

    private string Fingerprint(string renterId)
    {
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(renterId)))[..12];
    }

    private static string Mask(string cardNumber) => new string('*', cardNumber.Length - 4) + cardNumber[^4..];
}
