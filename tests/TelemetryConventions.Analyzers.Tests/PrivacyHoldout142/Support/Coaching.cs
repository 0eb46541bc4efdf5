namespace ClubHub.Coaching;

// Personal trainers, their sessions and body composition scans. Records print their members.

/// <summary>A personal trainer. Prints staff id, display name, email and specialisms (as their array's type name).</summary>
public sealed record Trainer(string StaffId, string DisplayName, string Email, string[] Specialisms);

/// <summary>A personal training session. Prints session id, trainer's staff id, client's membership number, start and minutes.</summary>
public sealed record PtSession(string SessionId, string TrainerStaffId, string MembershipNumber, DateTimeOffset StartsAt, int Minutes);

/// <summary>A package of sessions. Prints package id, sessions and price.</summary>
public sealed record PtPackage(string PackageId, int Sessions, decimal Price);

/// <summary>A body composition scan. Prints scan id, membership number, weight, body fat, muscle, visceral fat level, time and the scanner's serial.</summary>
public sealed record BodyScan(
    string ScanId,
    string MembershipNumber,
    double WeightKg,
    double BodyFatPercent,
    double SkeletalMuscleKg,
    int VisceralFatLevel,
    DateTimeOffset ScannedAt,
    string DeviceSerial);

/// <summary>A scan's figures without the member. Prints scan id, weight and body fat.</summary>
public sealed record ScanSummary(string ScanId, double WeightKg, double BodyFatPercent);

/// <summary>A batch of scans exported by a scanner. A class without ToString: it prints its type's name.</summary>
public sealed class ScanExport
{
    public string DeviceSerial { get; init; } = string.Empty;

    public IReadOnlyList<BodyScan> Scans { get; init; } = [];
}

public interface ICoachingStore
{
    Task<Trainer> TrainerAsync(string staffId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> ClientsOfAsync(string staffId, CancellationToken cancellationToken = default);

    Task<PtSession> BookSessionAsync(string staffId, string membershipNumber, DateTimeOffset startsAt, CancellationToken cancellationToken = default);

    Task SaveScanAsync(BodyScan scan, CancellationToken cancellationToken = default);
}

/// <summary>The trainer cannot take the session; quotes the trainer's name and the time.</summary>
public sealed class TrainerUnavailableException(string trainerName, DateTimeOffset at) : Exception($"{trainerName} is not available at {at:yyyy-MM-dd HH:mm}")
{
    public DateTimeOffset At { get; } = at;
}

/// <summary>The scanner failed; quotes the club's device serial and its error code.</summary>
public sealed class ScanDeviceException(string deviceSerial, string errorCode) : Exception($"Scanner {deviceSerial} failed with {errorCode}")
{
    public string ErrorCode { get; } = errorCode;
}

/// <summary>The member has not consented to scans being stored; quotes the membership number.</summary>
public sealed class ScanConsentMissingException(string membershipNumber) : Exception($"Member {membershipNumber} has not consented to scan storage");
