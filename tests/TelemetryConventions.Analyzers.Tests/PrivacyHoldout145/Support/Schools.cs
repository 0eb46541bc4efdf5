namespace Telco.Schools;

// A multi-academy trust's tablets with data SIMs on the trust's business account.

/// <summary>A tablet the trust owns. Prints asset tag, the data SIM's ICCID and MSISDN, model and school.</summary>
public sealed record SchoolTablet(string AssetTag, string Iccid, string DataMsisdn, string Model, string School);

/// <summary>A tablet lent to a pupil for home use. Prints asset tag, student number, pupil's name, guardian's email and the due date.</summary>
public sealed record TabletLoan(string AssetTag, string StudentNumber, string PupilName, string GuardianEmail, DateOnly DueBack);

/// <summary>A data SIM's usage this month. Prints asset tag, MB used, the cap and the day of the month.</summary>
public sealed record SimUsage(string AssetTag, long UsedMb, long CapMb, int DayOfMonth);

public interface ITabletRegister
{
    Task<SchoolTablet?> FindAsync(string assetTag, CancellationToken cancellationToken = default);

    Task<TabletLoan?> LoanAsync(string assetTag, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TabletLoan>> OverdueAsync(string school, CancellationToken cancellationToken = default);
}

/// <summary>The trust's account at the network and the school's messaging to parents; not telemetry.</summary>
public interface ISchoolNetworkAccount
{
    Task SuspendSimAsync(string iccid, CancellationToken cancellationToken = default);

    Task RaiseCapAsync(string iccid, long capMb, CancellationToken cancellationToken = default);

    Task EmailGuardianAsync(string email, string templateId, CancellationToken cancellationToken = default);
}

/// <summary>No tablet is on loan to the pupil; quotes the student number.</summary>
public sealed class LoanNotFoundException(string studentNumber) : Exception($"No tablet on loan to {studentNumber}");

/// <summary>A tablet's SIM passed its cap; quotes the asset tag and the MB used.</summary>
public sealed class DataCapExceededException(string assetTag, long usedMb) : Exception($"Tablet {assetTag} used {usedMb} MB")
{
    public string AssetTag { get; } = assetTag;
}
