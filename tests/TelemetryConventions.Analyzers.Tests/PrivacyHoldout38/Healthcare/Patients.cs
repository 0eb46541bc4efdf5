namespace PrivacyHoldout38.Healthcare;

/// <summary>A patient as the patient index returns one.</summary>
public sealed record Patient
{
    public required string HospitalNumber { get; init => field = value.Trim().ToUpperInvariant(); }

    public required string NhsNumber { get; init => field = value.Replace(" ", "", StringComparison.Ordinal); }

    public required string FamilyName { get; init; }

    public required string GivenName { get; init; }

    public DateOnly DateOfBirth { get; init; }

    public string? MobilePhone { get; init; }
}

public abstract record AdtEvent(string Ward, DateTimeOffset OccurredAt);

public sealed record PatientAdmitted(string HospitalNumber, string Ward, int Acuity, DateTimeOffset OccurredAt) : AdtEvent(Ward, OccurredAt);

public sealed record PatientTransferred(string HospitalNumber, string Ward, string ToWard, DateTimeOffset OccurredAt) : AdtEvent(Ward, OccurredAt);

/// <summary>Destination is a code from the discharge form's list (home, care-home, hospice, transfer).</summary>
public sealed record PatientDischarged(string HospitalNumber, string Ward, string Destination, DateTimeOffset OccurredAt) : AdtEvent(Ward, OccurredAt);

public sealed record RecordsMerged(string SurvivingNumber, string RetiredNumber, string Ward, DateTimeOffset OccurredAt) : AdtEvent(Ward, OccurredAt);

public interface IPatientIndex
{
    ValueTask<Patient?> FindAsync(string hospitalNumber, CancellationToken cancellationToken);
}

public interface IBedBoard
{
    ValueTask<int> FreeBedsAsync(string ward, CancellationToken cancellationToken);
}

public sealed class WristbandMismatchException(string scanned, string expected)
    : Exception($"Wristband {scanned} does not match the chart's {expected}")
{
    public string Scanned { get; } = scanned;
}

public sealed class BedUnavailableException(string ward) : Exception($"No bed free on {ward}")
{
    public string Ward { get; } = ward;
}
