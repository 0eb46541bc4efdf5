namespace AbuseKit.Risk;

// A fraud and risk scoring API in the shape of Sift's and Castle's: the service sends an event with the
// user, their email, IP address and device token, and gets back a score, an action and the signals that
// made it. Only the shapes matter.

public enum RiskAction
{
    Allow,
    Challenge,
    Review,
    Deny,
}

public sealed record RiskEvent(string Type, string UserId, string? Email, string? IpAddress, string? DeviceToken)
{
    public Dictionary<string, string> Properties { get; init; } = new();
}

/// <summary>One signal behind a score: its name from the vendor's catalogue, its weight and a detail text.</summary>
public sealed record RiskSignal(string Name, double Weight, string Detail);

public sealed record RiskAssessment(string RequestId, double Score, RiskAction Action, IReadOnlyList<RiskSignal> Signals)
{
    public string ModelVersion { get; init; } = "2024-11";
}

public interface IRiskClient
{
    Task<RiskAssessment> ScoreAsync(RiskEvent riskEvent, CancellationToken cancellationToken = default);
}

/// <summary>The vendor's API error: a status and its own message about the request.</summary>
public sealed class RiskApiException(int status, string errorCode, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string ErrorCode { get; } = errorCode;
}
