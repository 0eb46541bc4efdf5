using System;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using PrivacyHoldout23.Support.SharedKernel;

namespace PrivacyHoldout23.Transport;

/// <summary>A travel card's 16-digit number; prints masked, as on receipts.</summary>
public sealed record TravelCardNumber
{
    private TravelCardNumber(string value) => Value = value;

    public string Value { get; }

    public string Last4 => Value[^4..];

    public static TravelCardNumber Create(string raw) =>
        new(Guard.Against.InvalidFormat(raw.Replace(" ", string.Empty, StringComparison.Ordinal), nameof(raw), "^[0-9]{16}$"));

    public static bool TryParse(string? raw, [NotNullWhen(true)] out TravelCardNumber? card)
    {
        var digits = raw?.Replace(" ", string.Empty, StringComparison.Ordinal);
        card = digits is { Length: 16 } && digits.All(char.IsAsciiDigit) ? new TravelCardNumber(digits) : null;
        return card is not null;
    }

    public override string ToString() => $"**** **** **** {Last4}";
}

public readonly record struct PassengerId(Guid Value);

public readonly record struct JourneyId(Guid Value)
{
    public override string ToString() => Value.ToString();
}

public readonly record struct StopCode(string Value)
{
    public override string ToString() => Value;
}

/// <summary>The plate of a customer's private car at a park-and-ride site.</summary>
public readonly record struct LicencePlate(string Value)
{
    /// <summary>The registration area (first two letters).</summary>
    public string Area => Value[..2];
}

public sealed record JourneyStarted(JourneyId JourneyId, TravelCardNumber Card, StopCode Origin) : DomainEvent;

public sealed record JourneyCompleted(JourneyId JourneyId, TravelCardNumber Card, StopCode From, StopCode To, decimal Fare) : DomainEvent;

public sealed record FareCapReached(PassengerId Passenger, TravelCardNumber Card, decimal CapAmount, DateOnly Day) : DomainEvent;

public interface IFareTable
{
    decimal? Fare(StopCode from, StopCode to);
}

public sealed class Journey : AggregateRoot<JourneyId>
{
    private Journey(JourneyId id, TravelCardNumber card, StopCode origin, DateTimeOffset startedAt)
        : base(id)
    {
        Card = card;
        Origin = origin;
        StartedAt = startedAt;
    }

    public TravelCardNumber Card { get; }

    public StopCode Origin { get; }

    public DateTimeOffset StartedAt { get; }

    public StopCode? Destination { get; private set; }

    public static Journey TapIn(TravelCardNumber card, StopCode stop, DateTimeOffset at)
    {
        var journey = new Journey(new JourneyId(Guid.NewGuid()), card, stop, at);
        journey.Raise(new JourneyStarted(journey.Id, card, stop));
        return journey;
    }

    public Result<decimal> TapOut(StopCode stop, IFareTable fares)
    {
        if (Destination is not null)
        {
            throw new DomainException("Journey.AlreadyCompleted", $"Journey {Id} for card {Card} is already completed."); // clean exceptions
        }

        if (fares.Fare(Origin, stop) is not { } fare)
        {
            return TransportErrors.NoFare(Origin, stop);
        }

        Destination = stop;
        Raise(new JourneyCompleted(Id, Card, Origin, stop, fare));
        return fare;
    }
}

public static class TransportErrors
{
    public static readonly Error InvalidCard = Error.Validation("Card.Invalid", "The travel card number is not valid.");

    public static readonly Error NoOpenJourney = Error.NotFound("Journey.NoneOpen", "The card has no open journey.");

    public static Error NoFare(StopCode from, StopCode to) => Error.Failure("Fare.Missing", $"No fare is defined from {from} to {to}.");
}
