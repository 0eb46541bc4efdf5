namespace UtilityKit.Switching;

/// <summary>A change of supplier request sent to the central switching service.</summary>
public sealed record SwitchRequest(string Mpan, string AccountNumber, string GainingSupplierId, DateOnly SwitchDate, string Channel);

/// <summary>The switching service's answer: a registration id and a status.</summary>
public sealed record SwitchAcknowledgement(string RegistrationId, string Status, DateOnly EffectiveFrom);

/// <summary>A home move: who leaves, who arrives, the property's meter point and the closing read.</summary>
public sealed record HomeMove(string OutgoingAccountNumber, string? IncomingAccountNumber, string Mpan, string NewPostcode, DateOnly MoveDate, decimal ClosingRead);

/// <summary>An objection the losing supplier raises (debt, contract): codes only.</summary>
public sealed record SwitchObjection(string RegistrationId, string ObjectionCode, DateOnly RaisedOn);

/// <summary>Thrown when the switching service rejects the meter point; quotes the MPAN.</summary>
public sealed class SwitchRejectedException(string mpan, string reasonCode)
    : Exception($"Switch rejected for MPAN {mpan}: {reasonCode}")
{
    public string Mpan { get; } = mpan;

    public string ReasonCode { get; } = reasonCode;
}

/// <summary>Thrown when the requested date falls outside the switching window; quotes dates only.</summary>
public sealed class SwitchWindowException(DateOnly requested, DateOnly earliest)
    : Exception($"Switch date {requested:yyyy-MM-dd} is before the earliest date {earliest:yyyy-MM-dd}");

/// <summary>The central switching service client: not telemetry.</summary>
public interface ISwitchingServiceClient
{
    Task<SwitchAcknowledgement> RegisterAsync(SwitchRequest request, CancellationToken cancellationToken);

    Task<IReadOnlyList<SwitchObjection>> ObjectionsAsync(string registrationId, CancellationToken cancellationToken);
}

/// <summary>The accounts system: opening and closing accounts. Not telemetry.</summary>
public interface IAccountStore
{
    Task<string> OpenAsync(string fullName, string email, string postcode, string mpan, CancellationToken cancellationToken);

    Task CloseAsync(string accountNumber, decimal closingRead, CancellationToken cancellationToken);
}
