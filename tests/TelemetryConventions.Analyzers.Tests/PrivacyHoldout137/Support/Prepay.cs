namespace UtilityKit.Prepay;

/// <summary>A top-up paid for a prepayment meter, online, in a shop or at a kiosk.</summary>
public sealed record TopUpRequest(string MeterSerial, string PaymentCardNumber, decimal Amount, string Channel, string? OutletId = null);

/// <summary>The vend: a top-up id, the credit applied and the 20-digit UTRN the customer can key into the meter.</summary>
public sealed record VendResult(string TopUpId, decimal Credit, decimal DebtRecovered, string Utrn, DateTimeOffset VendedAt);

/// <summary>Emergency or friendly credit given to a meter.</summary>
public sealed record EmergencyCreditGrant(string MeterSerial, decimal Amount, string Kind, DateTimeOffset GrantedAt);

/// <summary>A meter's balance as reported by the head-end: amounts and a mode.</summary>
public sealed record MeterBalance(decimal Credit, decimal EmergencyCreditUsed, decimal DebtOutstanding, string Mode);

/// <summary>Thrown when the head-end cannot reach the meter; quotes the serial.</summary>
public sealed class MeterOfflineException(string meterSerial)
    : Exception($"Meter {meterSerial} did not respond to the credit command")
{
    public string MeterSerial { get; } = meterSerial;
}

/// <summary>Thrown when the vending service refuses a payment; quotes a code and the scheme's text.</summary>
public sealed class VendDeclinedException(string code, string schemeMessage)
    : Exception($"Vend declined ({code}): {schemeMessage}")
{
    public string Code { get; } = code;
}

/// <summary>The vending service: not telemetry.</summary>
public interface IVendingClient
{
    Task<VendResult> VendAsync(TopUpRequest request, CancellationToken cancellationToken);

    Task<MeterBalance> BalanceAsync(string meterSerial, CancellationToken cancellationToken);

    Task<EmergencyCreditGrant> GrantEmergencyCreditAsync(string meterSerial, decimal amount, CancellationToken cancellationToken);
}
