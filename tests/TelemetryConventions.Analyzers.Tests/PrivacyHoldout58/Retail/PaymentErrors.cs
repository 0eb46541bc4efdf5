using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout58.Retail;

public sealed record Basket(string BasketId, string CustomerNumber, string Email, string? LoyaltyCardNumber, int PointsToRedeem, decimal Total, string Currency);

public sealed record DeliveryAddress(string Line1, string Town, string Postcode, string Phone);

/// <summary>The payment service provider refused or failed the authorisation.</summary>
public sealed class PspException(string provider, string refusalCode, string refusalReason)
    : Exception($"{provider} refused the authorisation: {refusalCode} ({refusalReason}).")
{
    public string Provider { get; } = provider;

    public string RefusalCode { get; } = refusalCode;
}

/// <summary>The loyalty platform refused a redemption.</summary>
public sealed class LoyaltyRedemptionException(string cardNumber, int pointsRequested, int balance)
    : Exception($"Loyalty card {cardNumber} has {balance} points; {pointsRequested} requested.")
{
    public int PointsRequested { get; } = pointsRequested;

    public int Balance { get; } = balance;
}

/// <summary>The fraud screen held the order for review.</summary>
public sealed class FraudHoldException(string email, int score)
    : Exception($"Order for {email} held by fraud screening with score {score}.")
{
    public int Score { get; } = score;
}

/// <summary>What the checkout reports to the storefront: a code and a message for the shopper, the cause inside.</summary>
public sealed class CheckoutException(string code, string message, Exception innerException)
    : Exception(message, innerException)
{
    public string Code { get; } = code;
}

/// <summary>Fields of a delivery address that failed validation, with what was entered.</summary>
public sealed class AddressValidationException(IReadOnlyDictionary<string, string> invalidFields)
    : Exception("The delivery address is not valid: " + string.Join(", ", invalidFields.Keys))
{
    public IReadOnlyDictionary<string, string> InvalidFields { get; } = invalidFields;
}

public interface IPaymentProvider
{
    /// <summary>Throws <see cref="PspException"/> and <see cref="HttpRequestException"/>.</summary>
    Task<string> AuthoriseAsync(Basket basket, CancellationToken cancellationToken);
}

public interface ILoyaltyPlatform
{
    /// <summary>Throws <see cref="LoyaltyRedemptionException"/>.</summary>
    Task RedeemAsync(string cardNumber, int points, CancellationToken cancellationToken);
}

public interface IFraudScreen
{
    /// <summary>Throws <see cref="FraudHoldException"/>.</summary>
    Task ScreenAsync(Basket basket, CancellationToken cancellationToken);
}

public static class AddressValidator
{
    public static void Validate(DeliveryAddress address)
    {
        var invalid = new Dictionary<string, string>(StringComparer.Ordinal);
        if (address.Postcode.Length is < 5 or > 8)
        {
            invalid[nameof(address.Postcode)] = address.Postcode;
        }
        if (!address.Phone.All(c => char.IsDigit(c) || c is '+' or ' '))
        {
            invalid[nameof(address.Phone)] = address.Phone;
        }
        if (invalid.Count > 0)
        {
            throw new AddressValidationException(invalid);
        }
    }
}
