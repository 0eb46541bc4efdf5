namespace Bank.Fares;

// A transit operator's contactless fare caps, as the bank's card platform sees them. Records print their members.

/// <summary>A tap. Prints tap id, PAN, payment account reference, reader, stop, mode and time.</summary>
public sealed record ContactlessTap(string TapId, string Pan, string Par, string ReaderId, string Stop, string Mode, DateTimeOffset TappedAt);

/// <summary>A daily charge. Prints charge id, PAR, operator, day, journeys, fare and whether capped.</summary>
public sealed record DailyCharge(string ChargeId, string Par, string Operator, DateOnly Day, int Journeys, decimal Fare, bool Capped);

/// <summary>A cap rule. Prints operator, zone set, daily and weekly cap.</summary>
public sealed record CapRule(string Operator, string Zones, decimal DailyCap, decimal WeeklyCap);

public interface IFareAggregator
{
    Task<IReadOnlyList<ContactlessTap>> TapsAsync(string par, DateOnly day, CancellationToken cancellationToken = default);

    Task<CapRule> RuleAsync(string operatorCode, CancellationToken cancellationToken = default);
}

/// <summary>The card is on the deny list; quotes the PAN.</summary>
public sealed class CardDeniedException(string pan) : Exception($"Card {pan} is on the deny list");

/// <summary>The authorisation for a day's fares failed; quotes the operator and the day.</summary>
public sealed class FareAuthorisationFailedException(string operatorCode, DateOnly day) : Exception($"Authorisation for {operatorCode} fares on {day:yyyy-MM-dd} failed");
