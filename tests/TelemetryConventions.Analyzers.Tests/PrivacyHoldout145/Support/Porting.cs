namespace Telco.Porting;

// Number porting through the industry's porting hub.

/// <summary>A port-in asked for. Prints MSISDN, PAC, donor network, account number and port date.</summary>
public sealed record PortInRequest(string Msisdn, string Pac, string DonorNetwork, string AccountNumber, DateOnly PortDate);

/// <summary>A port's outcome. Prints port id, state, donor network, port date and the reason code.</summary>
public sealed record PortOutcome(string PortId, string State, string DonorNetwork, DateOnly PortDate, string? ReasonCode);

/// <summary>A port-out code issued to a subscriber. Prints the PAC, the MSISDN and the expiry.</summary>
public sealed record PacIssue(string Pac, string Msisdn, DateTimeOffset ExpiresAt);

public interface IPortingHub
{
    Task<PortOutcome> SubmitAsync(PortInRequest request, CancellationToken cancellationToken = default);

    Task<PacIssue> IssuePacAsync(string msisdn, CancellationToken cancellationToken = default);
}

/// <summary>The PAC does not belong to the number; quotes both.</summary>
public sealed class PacMismatchException(string pac, string msisdn) : Exception($"PAC {pac} does not match {msisdn}");

/// <summary>No porting slot that day; quotes the date.</summary>
public sealed class PortWindowClosedException(DateOnly date) : Exception($"No port slot on {date:yyyy-MM-dd}");

/// <summary>The donor network refused; quotes the network and its reason code.</summary>
public sealed class DonorRejectedException(string donorNetwork, string reasonCode) : Exception($"Donor {donorNetwork} rejected the port: {reasonCode}")
{
    public string ReasonCode { get; } = reasonCode;
}
