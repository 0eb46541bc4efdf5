namespace Medikit.Dispensing;

// Pharmacy dispensing: bag labels, collections, collection lockers and the controlled drugs register.

/// <summary>A collection at the counter. Prints the prescription, the collector's name and relationship, whether ID was checked and when.</summary>
public sealed record CollectionEvent(string PrescriptionId, string CollectorName, string Relationship, bool IdChecked, DateTimeOffset CollectedAt);

/// <summary>An entry in a controlled drugs register. Prints every member: the drug, schedule, quantities, the patient, the prescriber and the collector.</summary>
public sealed record ControlledDrugEntry(
    string EntryId,
    string RegisterId,
    string DrugName,
    string Schedule,
    decimal Quantity,
    decimal RunningBalance,
    string PatientName,
    string PatientAddress,
    string PrescriberName,
    string? CollectorName,
    string? WitnessStaffId);

/// <summary>A stock check of one register. Prints the register, the drug, the expected and counted balances.</summary>
public sealed record BalanceCheck(string RegisterId, string DrugName, decimal Expected, decimal Counted)
{
    public decimal Difference => Counted - Expected;
}

/// <summary>A locker reservation. Prints the locker bank, the door, the bag, the PIN sent to the patient and the mobile it went to.</summary>
public sealed record LockerReservation(string BankId, int Door, string BagLabel, string CollectionPin, string Mobile, DateTimeOffset ExpiresAt);

public interface ICdRegister
{
    Task<ControlledDrugEntry> RecordSupplyAsync(ControlledDrugEntry entry, CancellationToken cancellationToken = default);

    Task<BalanceCheck> CheckBalanceAsync(string registerId, decimal counted, CancellationToken cancellationToken = default);
}

public interface ILockerBank
{
    Task<LockerReservation> ReserveAsync(string bankId, string bagLabel, string mobile, CancellationToken cancellationToken = default);

    Task<bool> ReleaseAsync(string bankId, int door, CancellationToken cancellationToken = default);
}

/// <summary>The running balance does not match the count; quotes the register, the drug and both balances.</summary>
public sealed class CdBalanceDiscrepancyException(string registerId, string drugName, decimal expected, decimal counted)
    : Exception($"Register {registerId} ({drugName}): expected {expected}, counted {counted}")
{
    public string RegisterId { get; } = registerId;
}

/// <summary>The collector's ID was refused; quotes the collector's name and the reason.</summary>
public sealed class CollectorIdRejectedException(string collectorName, string reason)
    : Exception($"ID for {collectorName} rejected: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>No free door in the bank; quotes the bank and its size.</summary>
public sealed class LockerBankFullException(string bankId, int doors)
    : Exception($"Locker bank {bankId} full ({doors} doors)");
