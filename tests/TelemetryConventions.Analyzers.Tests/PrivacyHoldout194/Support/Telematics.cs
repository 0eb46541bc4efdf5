namespace PrivacyHoldout194.Support;

/// <summary>The person a black-box policy covers.</summary>
public sealed record Policyholder(
    string PolicyholderId,
    string PolicyNumber,
    string FullName,
    string Email,
    string MobileNumber,
    DateOnly DateOfBirth,
    string LicenceNumber,
    string Postcode,
    string Tier);

/// <summary>A driver named on a policy (a parent, a partner, a young driver).</summary>
public sealed record NamedDriver(string DriverId, string FullName, string LicenceNumber, DateOnly DateOfBirth, string Relationship, int Age);

/// <summary>The policyholder's own car and the black box fitted to it.</summary>
public sealed record InsuredVehicle(string Registration, string Vin, string BoxImei, string Make, string Model, int Year);

/// <summary>A journey as the black box reports it, with its start and end positions.</summary>
public sealed record Journey(
    string JourneyId,
    string PolicyNumber,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    double StartLatitude,
    double StartLongitude,
    double EndLatitude,
    double EndLongitude,
    double Miles,
    int HarshBrakes,
    int NightMinutes,
    int Score);

/// <summary>What the scoring engine keeps of a journey: no person, no place.</summary>
public sealed record JourneySummary(string JourneyId, double Miles, int HarshBrakes, int NightMinutes, int Score);

/// <summary>A harsh braking or cornering event with where it happened.</summary>
public sealed record HarshEvent(string JourneyId, string Kind, double PeakG, double SpeedMph, double Latitude, double Longitude, DateTimeOffset At);

/// <summary>The weekly score of one policy.</summary>
public sealed record WeeklyScore(string PolicyNumber, int Week, int Score, int NightMinutes, int HarshBrakes);

/// <summary>A score band and the discount it earns.</summary>
public sealed record ScoreBand(string Band, int MinimumScore, decimal DiscountPercent);

/// <summary>A crash the black box detected.</summary>
public sealed record CrashAlert(
    string AlertId,
    string BoxImei,
    string PolicyNumber,
    double Latitude,
    double Longitude,
    double PeakG,
    double SpeedMph,
    string Severity,
    DateTimeOffset At);

/// <summary>A first notice of loss, as the driver or the call handler gives it.</summary>
public sealed record FirstNoticeOfLoss(
    string ClaimId,
    string PolicyNumber,
    string DriverName,
    string Description,
    string ThirdPartyRegistration,
    DateTimeOffset LossAt,
    bool Injuries);

/// <summary>What the claims platform answers to a first notice.</summary>
public sealed record ClaimAcknowledgement(string ClaimId, string Status, string HandlerTeam, int SlaHours);

/// <summary>A sign-in to the driving app.</summary>
public sealed record AppSignIn(string Username, string DeviceId, string IpAddress, string AppVersion, string Platform, bool Biometric);

/// <summary>The outcome of a sign-in, without the person.</summary>
public sealed record SignInResult(bool Succeeded, string Method, string AppVersion, int Attempts);

/// <summary>A curfew rule on a young driver's policy.</summary>
public sealed record CurfewRule(string RuleId, int FromHour, int ToHour, decimal PenaltyPercent);

/// <summary>A driver's profile as the app shows it; no ToString of its own.</summary>
public sealed class DriverProfile
{
    public required string DisplayName { get; init; }

    public required string PolicyNumber { get; init; }

    public int Score { get; init; }
}

public interface IPolicyStore
{
    Task<Policyholder?> FindByPolicyNumberAsync(string policyNumber, CancellationToken cancellationToken);

    Task<InsuredVehicle> GetVehicleAsync(string policyNumber, CancellationToken cancellationToken);

    Task<IReadOnlyList<NamedDriver>> GetNamedDriversAsync(string policyNumber, CancellationToken cancellationToken);
}

public interface IJourneyStore
{
    Task<IReadOnlyList<Journey>> GetJourneysAsync(string policyNumber, DateOnly week, CancellationToken cancellationToken);

    Task SaveAsync(Journey journey, CancellationToken cancellationToken);
}

public interface IScoringEngine
{
    Task<WeeklyScore> ScoreAsync(string policyNumber, IReadOnlyList<Journey> journeys, CancellationToken cancellationToken);

    ScoreBand BandFor(int score);
}

public interface IClaimsGateway
{
    Task<ClaimAcknowledgement> SubmitAsync(FirstNoticeOfLoss notice, CancellationToken cancellationToken);
}

public interface IEmergencyDispatch
{
    Task<string> RaiseAsync(CrashAlert alert, string callbackNumber, CancellationToken cancellationToken);
}

public interface ISmsSender
{
    Task SendAsync(string mobileNumber, string text, CancellationToken cancellationToken);
}

public interface IAppIdentity
{
    Task<SignInResult> SignInAsync(AppSignIn signIn, CancellationToken cancellationToken);
}

public sealed class PolicyNotFoundException(string policyNumber)
    : Exception($"No black-box policy {policyNumber}")
{
    public string PolicyNumber { get; } = policyNumber;
}

public sealed class DriverNotCoveredException(string driverName, string policyNumber)
    : Exception($"{driverName} is not a named driver on {policyNumber}");

public sealed class BoxNotPairedException(string boxImei)
    : Exception($"Black box {boxImei} is not paired with any policy");

public sealed class ScoringUnavailableException(string engine, int statusCode)
    : Exception($"Scoring engine {engine} answered {statusCode}");

public sealed class JourneyRejectedException(string journeyId, string reason)
    : Exception($"Journey {journeyId} rejected: {reason}");

public sealed class ClaimsGatewayTimeoutException(string gateway, TimeSpan waited)
    : Exception($"Claims gateway {gateway} did not answer within {waited.TotalSeconds:F0}s");
