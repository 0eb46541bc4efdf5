namespace VeriDoc.Biometrics;

// Selfies, liveness and face matching, and age estimation from a face.

/// <summary>A selfie or a short video for liveness. <c>Id</c> is the capture's id.</summary>
public sealed record SelfieCapture(string Id, string ApplicantId, string Kind, byte[] Image, string DeviceModel, string SdkVersion);

public sealed class LivenessResult
{
    public string CaptureId { get; init; } = string.Empty;

    public double Score { get; init; }

    public bool IsLive { get; init; }

    /// <summary>Signals of spoofing the model saw: screen_replay, printed_photo, mask, deepfake.</summary>
    public IReadOnlyList<string> SpoofSignals { get; init; } = Array.Empty<string>();

    public string ModelVersion { get; init; } = "lv-4.2";
}

public sealed class FaceMatchResult
{
    public double Similarity { get; init; }

    public bool IsMatch { get; init; }

    /// <summary>The face template the vendor computed: a biometric vector of the person's face.</summary>
    public float[] Embedding { get; init; } = Array.Empty<float>();

    public string? MatchedApplicantId { get; init; }
}

public sealed class AgeEstimate
{
    public double EstimatedAge { get; init; }

    public double Lower { get; init; }

    public double Upper { get; init; }

    public bool OverThreshold { get; init; }

    public int Threshold { get; init; }
}

/// <summary>The capture could not be judged. Its message names the reason (no face, several faces, too dark).</summary>
public sealed class CaptureRejectedException(string reason) : Exception($"Capture rejected: {reason}")
{
    public string Reason { get; } = reason;
}

/// <summary>The face is already enrolled under another applicant. Its message names both applicants.</summary>
public sealed class DuplicateFaceException(string applicantId, string existingApplicantId)
    : Exception($"Face of applicant {applicantId} matches enrolled applicant {existingApplicantId}")
{
    public string ApplicantId { get; } = applicantId;

    public string ExistingApplicantId { get; } = existingApplicantId;
}

public interface IBiometricsClient
{
    Task<LivenessResult> CheckLivenessAsync(SelfieCapture capture, CancellationToken cancellationToken = default);

    Task<FaceMatchResult> MatchAsync(SelfieCapture capture, string documentImageId, CancellationToken cancellationToken = default);

    Task<AgeEstimate> EstimateAgeAsync(SelfieCapture capture, int threshold, CancellationToken cancellationToken = default);
}
