namespace AccessKit.Priority;

/// <summary>A Priority Services Register registration. Prints its members: account number, MPAN, the needs codes as their list's type name, the nominee's name and phone, and the doorstep password.</summary>
public sealed record PsrRegistration(string AccountNumber, string Mpan, IReadOnlyList<int> NeedCodes, string? NomineeName, string? NomineePhone, string? DoorstepPassword, DateOnly? TemporaryUntil);

/// <summary>The needs codes shared across the industry (for example 14 for medical equipment, 24 for BSL users). Prints its members.</summary>
public sealed record PsrNeed(int Code, string Description, bool Temporary);

/// <summary>A data flow sent to the distribution network operator: flow id, DNO and the number of records. Prints its members.</summary>
public sealed record PsrDataFlow(string FlowId, string DnoCode, int Records, DateTimeOffset SentAt);

/// <summary>The industry data hub; not telemetry.</summary>
public interface IPsrDataHub
{
    Task<PsrDataFlow> ShareAsync(IReadOnlyList<PsrRegistration> registrations, string dnoCode, CancellationToken cancellationToken = default);
}

/// <summary>The hub refused a record; quotes the MPAN.</summary>
public sealed class PsrRecordRejectedException(string mpan, string rejectionCode)
    : Exception($"PSR record for MPAN {mpan} rejected ({rejectionCode})")
{
    public string RejectionCode { get; } = rejectionCode;
}

/// <summary>The hub refused a whole flow; quotes the flow id and the code.</summary>
public sealed class DataFlowRejectedException(string flowId, string code)
    : Exception($"Flow {flowId} rejected with {code}")
{
    public string Code { get; } = code;
}
