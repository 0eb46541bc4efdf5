namespace PrivacyHoldout122.Support;

/// <summary>The onboarding settings every service binds from configuration.</summary>
public sealed class VerificationOptions
{
    public string Vendor { get; init; } = "veridoc";

    public double LivenessThreshold { get; init; } = 0.85;

    public double FaceMatchThreshold { get; init; } = 0.80;

    public double OcrConfidenceFloor { get; init; } = 0.90;

    public int MinimumAge { get; init; } = 18;

    public TimeSpan ProofOfAddressMaxAge { get; init; } = TimeSpan.FromDays(90);

    public TimeSpan ReviewSla { get; init; } = TimeSpan.FromHours(24);

    public string WebhookSecret { get; init; } = "whsec_configured_elsewhere";
}

/// <summary>The onboarding application's own record of a person being verified, as each service stores it.</summary>
public sealed record OnboardingCase(Guid CaseId, string PersonRef, string Email, string Channel, DateTimeOffset OpenedAt)
{
    public string? ApplicantId { get; init; }

    public string? CheckId { get; init; }

    public string Status { get; init; } = "open";
}

/// <summary>The services' store of onboarding cases; not telemetry.</summary>
public interface IOnboardingStore
{
    Task<OnboardingCase?> FindByApplicantAsync(string applicantId, CancellationToken cancellationToken);

    Task<OnboardingCase?> FindAsync(Guid caseId, CancellationToken cancellationToken);

    Task SaveAsync(OnboardingCase onboardingCase, CancellationToken cancellationToken);
}
