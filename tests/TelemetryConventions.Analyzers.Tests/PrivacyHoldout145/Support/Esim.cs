namespace Telco.Esim;

// eSIM profiles from the SM-DP+.

/// <summary>A reserved eSIM profile. Prints ICCID, the phone's EID, the matching id (the activation code's secret), the SM-DP+ address and state.</summary>
public sealed record EsimProfile(string Iccid, string Eid, string MatchingId, string SmdpAddress, string State);

/// <summary>A download's result. Prints the order id, state, the SM-DP+ reason code and attempts.</summary>
public sealed record EsimDownloadResult(string OrderId, string State, string ReasonCode, int Attempts);

public interface IEsimGateway
{
    Task<EsimProfile> ReserveAsync(string eid, string tariffCode, CancellationToken cancellationToken = default);

    Task<EsimDownloadResult> ConfirmAsync(string matchingId, CancellationToken cancellationToken = default);
}

/// <summary>The phone cannot take a profile; quotes the EID.</summary>
public sealed class EidNotEligibleException(string eid) : Exception($"Device {eid} cannot take an eSIM profile");

/// <summary>The SM-DP+ failed; quotes its address and the HTTP status.</summary>
public sealed class SmdpUnavailableException(string smdpAddress, int status) : Exception($"SM-DP+ {smdpAddress} answered {status}")
{
    public int Status { get; } = status;
}
