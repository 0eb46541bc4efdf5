using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout47.Support;

// Stand-ins for the payment, identity-check and message-relay providers the platforms use. Only the
// shapes matter.

/// <summary>The payment provider's connected-accounts API (transfers to providers, refunds to buyers).</summary>
public interface IConnectPayments
{
    Task<Transfer> CreateTransferAsync(string connectedAccountId, long amountMinor, string currency, string idempotencyKey, CancellationToken cancellationToken);

    Task<Refund> CreateRefundAsync(string paymentIntentId, long amountMinor, string reason, CancellationToken cancellationToken);
}

public sealed record Transfer(string Id, string Destination, long AmountMinor, string Currency, string Status);

public sealed record Refund(string Id, string PaymentIntentId, long AmountMinor, string Status);

/// <summary>The provider's error: an error code, a decline code and the provider's fixed text.</summary>
public sealed class PaymentProviderException(string code, string? declineCode, string message) : Exception(message)
{
    public string Code { get; } = code;

    public string? DeclineCode { get; } = declineCode;
}

/// <summary>The background and identity check vendor used when onboarding providers.</summary>
public interface IScreeningVendor
{
    Task<ScreeningReport> ScreenAsync(ScreeningRequest request, CancellationToken cancellationToken);
}

public sealed record ScreeningRequest(string GivenName, string FamilyName, DateOnly DateOfBirth, string DocumentNumber, string DocumentType, string Postcode);

public sealed record ScreeningReport(string CheckId, string Result, IReadOnlyList<string> FlaggedBreakdowns, string DocumentType, string IssuingCountry);

/// <summary>The vendor's error: its code and a fixed description.</summary>
public sealed class ScreeningVendorException(string code) : Exception($"Screening vendor error {code}")
{
    public string Code { get; } = code;
}

/// <summary>Relays messages between the two parties through masked addresses.</summary>
public interface IMessageRelay
{
    Task<RelayReceipt> RelayAsync(string fromRelayAddress, string toRealAddress, string body, CancellationToken cancellationToken);
}

public sealed record RelayReceipt(string RelayMessageId, bool Delivered, int Attempts);
