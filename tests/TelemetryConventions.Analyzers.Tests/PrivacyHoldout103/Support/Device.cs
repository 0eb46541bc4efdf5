namespace DeviceKit;

// Device registration and attestation stand-ins: the registration the app posts at first run, Google
// Play Integrity's decoded verdict and Apple App Attest's verification result.

/// <summary>What the app posts when it registers an installation (a record: it prints its members).</summary>
public sealed record DeviceRegistration(
    string InstallationId,
    string Platform,
    string AppVersion,
    string OsVersion,
    string Model,
    string? DeviceName,
    string? PushToken,
    string Locale);

public sealed class RequestDetails
{
    public required string RequestPackageName { get; init; }

    /// <summary>The nonce the server issued for this request.</summary>
    public required string Nonce { get; init; }

    public long TimestampMillis { get; init; }
}

public sealed class AppIntegrity
{
    /// <summary><c>PLAY_RECOGNIZED</c>, <c>UNRECOGNIZED_VERSION</c> or <c>UNEVALUATED</c>.</summary>
    public required string AppRecognitionVerdict { get; init; }

    public string? PackageName { get; init; }

    public long? VersionCode { get; init; }

    public IReadOnlyList<string> CertificateSha256Digest { get; init; } = [];
}

public sealed class DeviceIntegrity
{
    /// <summary><c>MEETS_DEVICE_INTEGRITY</c>, <c>MEETS_BASIC_INTEGRITY</c>, <c>MEETS_STRONG_INTEGRITY</c>.</summary>
    public IReadOnlyList<string> DeviceRecognitionVerdict { get; init; } = [];
}

public sealed class AccountDetails
{
    /// <summary><c>LICENSED</c>, <c>UNLICENSED</c> or <c>UNEVALUATED</c>.</summary>
    public required string AppLicensingVerdict { get; init; }
}

/// <summary>Play Integrity's decoded token payload. A class without <c>ToString</c>.</summary>
public sealed class IntegrityTokenPayload
{
    public required RequestDetails RequestDetails { get; init; }

    public required AppIntegrity AppIntegrity { get; init; }

    public required DeviceIntegrity DeviceIntegrity { get; init; }

    public required AccountDetails AccountDetails { get; init; }
}

public interface IPlayIntegrityClient
{
    Task<IntegrityTokenPayload> DecodeIntegrityTokenAsync(string packageName, string integrityToken, CancellationToken cancellationToken = default);
}

/// <summary>App Attest's answer. The key id is made in the phone's Secure Enclave for one installation.</summary>
public sealed record AppAttestResult(bool Valid, string KeyId, uint Counter, string Environment, string? FailureReason);

public interface IAppAttestVerifier
{
    Task<AppAttestResult> VerifyAttestationAsync(string keyId, byte[] attestationObject, byte[] challenge, CancellationToken cancellationToken = default);

    Task<AppAttestResult> VerifyAssertionAsync(string keyId, byte[] assertion, byte[] clientData, uint lastCounter, CancellationToken cancellationToken = default);
}

/// <summary>Play Integrity's API error: the message describes the request's failure.</summary>
public sealed class IntegrityApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
