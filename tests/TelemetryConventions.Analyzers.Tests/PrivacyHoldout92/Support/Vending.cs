// A prepayment vending service's client, in the shape of STS token vending: a top-up buys credit for one
// household's meter and returns the 20-digit token the household keys into it.
namespace VendKit;

/// <summary>A vend request. A record: it prints the account, the meter and the voucher.</summary>
public sealed record VendRequest(string AccountNumber, string MeterSerial, decimal Amount, string? VoucherCode, string Channel);

/// <summary>What the vending service returns. A record: it prints the token.</summary>
public sealed record VendResult(string TransactionId, string Token, decimal Units, string TariffIndex, DateTimeOffset VendedAt);

/// <summary>Thrown when the vending service refuses: <c>Vend refused for meter {serial}: {code}.</c></summary>
public sealed class VendRefusedException(string meterSerial, string code)
    : Exception($"Vend refused for meter {meterSerial}: {code}.")
{
    /// <summary>The service's code: <c>KRN_EXPIRED</c>, <c>METER_BLOCKED</c>, <c>AMOUNT_LIMIT</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>Thrown when a voucher from a shop's till is refused: <c>Voucher {code} is not valid: {reason}.</c></summary>
public sealed class VoucherRejectedException(string voucherCode, string reason)
    : Exception($"Voucher {voucherCode} is not valid: {reason}.")
{
    public string Reason { get; } = reason;
}

/// <summary>Thrown when the vending service does not answer: <c>Vending service timed out after {s} s.</c></summary>
public sealed class VendTimeoutException(double seconds)
    : Exception($"Vending service timed out after {seconds} s.");

public interface IVendingClient
{
    Task<VendResult> VendAsync(VendRequest request, CancellationToken cancellationToken);
}
