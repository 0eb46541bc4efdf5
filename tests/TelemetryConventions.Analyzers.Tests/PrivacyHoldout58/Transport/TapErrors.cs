using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout58.Transport;

// Failures of pay-as-you-go taps and of refund claims. A travel card's number (the PAN of a
// contactless bank card or the operator's own smartcard) and a rider's account identify the rider.

public sealed record Tap(string ReaderId, string CardNumber, string? RouteId, DateTimeOffset TappedAt, Guid? RiderId);

public abstract class TapException(string code, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public string Code { get; } = code;
}

public sealed class CardHotlistedException(string cardNumber, string listSource)
    : TapException("HOTLIST", $"Card {cardNumber} is on the {listSource} hotlist.")
{
    public string CardNumber { get; } = cardNumber;

    /// <summary>Where the listing came from: <c>issuer</c>, <c>operator</c> or <c>police</c>.</summary>
    public string ListSource { get; } = listSource;
}

public sealed class InsufficientFundsException(decimal balance, decimal fare)
    : TapException("FUNDS", $"Balance {balance:0.00} is below the fare {fare:0.00}.")
{
    public decimal Fare { get; } = fare;
}

public sealed class AuthorisationTimeoutException(string acquirer, TimeSpan after)
    : TapException("AUTH-TIMEOUT", $"{acquirer} did not answer within {after.TotalMilliseconds:0} ms.");

public sealed class RiderAccountSuspendedException(Guid riderId, string email)
    : TapException("ACCOUNT-SUSPENDED", $"Rider account {riderId} ({email}) is suspended.")
{
    public Guid RiderId { get; } = riderId;
}

public interface IHotlist
{
    /// <summary>Throws <see cref="CardHotlistedException"/>.</summary>
    void EnsureNotListed(string cardNumber);
}

public interface IFareEngine
{
    decimal Price(Tap tap);
}

public interface IAcquirer
{
    /// <summary>Throws <see cref="InsufficientFundsException"/> and <see cref="AuthorisationTimeoutException"/>.</summary>
    Task AuthoriseAsync(string cardNumber, decimal amount, CancellationToken cancellationToken);
}

public interface IRiderAccounts
{
    /// <summary>Throws <see cref="RiderAccountSuspendedException"/>.</summary>
    Task EnsureActiveAsync(Guid riderId, CancellationToken cancellationToken);
}
