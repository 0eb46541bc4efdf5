namespace UtilityKit.Care;

/// <summary>A Priority Services Register registration: the account, the needs codes, the nominee and the doorstep password.</summary>
public sealed record PsrRegistration(string AccountNumber, IReadOnlyList<int> NeedsCodes, string? NomineeName, string? NomineePhone, string? DoorstepPassword, DateOnly? ReviewDate);

/// <summary>A medical-dependency flag (needs code 14 and 15: equipment reliant on electricity).</summary>
public sealed record MedicalDependency(string EquipmentKind, bool BatteryBackup, int BackupHours);

/// <summary>Thrown when the industry data flow rejects a PSR record; quotes the MPAN.</summary>
public sealed class PsrFlowRejectedException(string mpan, string flowCode)
    : Exception($"PSR data flow {flowCode} rejected for MPAN {mpan}")
{
    public string Mpan { get; } = mpan;

    public string FlowCode { get; } = flowCode;
}

/// <summary>The register store and the network operators' data flow: not telemetry.</summary>
public interface IPsrRegister
{
    Task<PsrRegistration?> FindAsync(string accountNumber, CancellationToken cancellationToken);

    Task SaveAsync(PsrRegistration registration, CancellationToken cancellationToken);

    Task ShareWithNetworkAsync(string mpan, IReadOnlyList<int> needsCodes, CancellationToken cancellationToken);
}
