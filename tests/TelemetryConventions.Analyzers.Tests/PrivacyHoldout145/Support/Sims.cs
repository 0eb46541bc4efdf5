namespace Telco.Sims;

// SIM provisioning: activation, swaps and suspensions against the HLR/HSS.

/// <summary>A SIM card. Prints ICCID, IMSI, MSISDN, SIM type and the batch it came in.</summary>
public sealed record SimCard(string Iccid, string Imsi, string Msisdn, string SimType, string BatchId);

/// <summary>An activation asked for. Prints ICCID, MSISDN, account number, tariff and channel.</summary>
public sealed record SimActivationRequest(string Iccid, string Msisdn, string AccountNumber, string TariffCode, string Channel);

/// <summary>The provisioning result. Prints activation id, HLR node, state and the time taken.</summary>
public sealed record ActivationResult(string ActivationId, string HlrNode, string State, TimeSpan Took);

/// <summary>A SIM swap asked for. Prints MSISDN, the new ICCID, channel and the colleague's staff id.</summary>
public sealed record SimSwapRequest(string Msisdn, string NewIccid, string Channel, string? AgentStaffId);

/// <summary>The fraud engine's decision on a swap. Prints swap id, whether approved, risk score, the rule that fired and the hold in hours.</summary>
public sealed record SimSwapDecision(string SwapId, bool Approved, int RiskScore, string RuleId, int HoldHours);

public interface ISimProvisioning
{
    Task<ActivationResult> ActivateAsync(SimActivationRequest request, CancellationToken cancellationToken = default);

    Task<SimSwapDecision> SwapAsync(SimSwapRequest request, CancellationToken cancellationToken = default);

    Task<SimCard?> FindAsync(string iccid, CancellationToken cancellationToken = default);

    Task SuspendAsync(string msisdn, string reasonCode, CancellationToken cancellationToken = default);
}

/// <summary>No SIM with that ICCID; quotes the ICCID.</summary>
public sealed class SimNotFoundException(string iccid) : Exception($"No SIM with ICCID {iccid}");

/// <summary>The number is already on an active SIM; quotes the MSISDN.</summary>
public sealed class MsisdnInUseException(string msisdn) : Exception($"MSISDN {msisdn} is already on an active SIM");

/// <summary>The fraud rules hold the swap; quotes the hours.</summary>
public sealed class SwapHoldException(int holdHours, string ruleId) : Exception($"SIM swap held for {holdHours} hours by rule {ruleId}")
{
    public int HoldHours { get; } = holdHours;

    public string RuleId { get; } = ruleId;
}

/// <summary>The HLR node did not answer; quotes the node and the wait.</summary>
public sealed class HlrTimeoutException(string hlrNode, TimeSpan waited) : Exception($"HLR {hlrNode} did not answer within {waited.TotalSeconds:0}s")
{
    public string HlrNode { get; } = hlrNode;
}
