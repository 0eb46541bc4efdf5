using System;
using System.Threading;

namespace PrivacyHoldout27.Transport;

/// <summary>
/// The operator (tenant: the fare platform serves several bus and tram operators) and the rider of
/// the current tap or account call, set by the validator gateway and by the account API.
/// </summary>
public sealed class RiderContext
{
    private static readonly AsyncLocal<RiderContext?> Slot = new();

    public static RiderContext? Current
    {
        get => Slot.Value;
        set => Slot.Value = value;
    }

    public required string OperatorId { get; init; }

    public required Guid RiderId { get; init; }

    public string? Email { get; init; }

    /// <summary>Concession type: adult, child, student, senior, disabled.</summary>
    public required string Concession { get; init; }

    /// <summary>The rider's pseudonym, computed with the generated helper.</summary>
    public required string RiderRef { get; init; }
}

public sealed record Tap(string ValidatorId, string StopId, string CardNumber, DateTimeOffset At, string TraceId, string SpanId, long Sequence);

public sealed class FareDisputeException(string cardNumber, string reason)
    : Exception($"Fare for card {cardNumber} disputed: {reason}");

public sealed class TariffTableException(string stopId)
    : Exception($"No tariff zone is defined for stop {stopId}");
