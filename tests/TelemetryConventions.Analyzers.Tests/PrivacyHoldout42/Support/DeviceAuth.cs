using System;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout42.Support.DeviceAuth;

// Stand-ins for the OAuth 2.0 device authorization grant (RFC 8628) as the sign-in service of a
// console, a headset or a television runs it, and for BLE peripherals seen by companion apps.

public sealed class DeviceAuthorizationResponse
{
    /// <summary>The device's secret for polling the token endpoint; once the person approves, it yields their tokens.</summary>
    public required string DeviceCode { get; init; }

    /// <summary>The short code the device shows and the person types at the verification page.</summary>
    public required string UserCode { get; init; }

    public required string VerificationUri { get; init; }

    /// <summary>The verification page with the user code in its query, for a QR code.</summary>
    public required string VerificationUriComplete { get; init; }

    public int ExpiresIn { get; init; } = 900;

    public int Interval { get; init; } = 5;
}

public sealed class TokenResponse
{
    public required string AccessToken { get; init; }

    public required string RefreshToken { get; init; }

    public int ExpiresIn { get; init; }

    public required string Subject { get; init; }

    public string Scope { get; init; } = string.Empty;
}

/// <summary>An error of the token endpoint: the message is the RFC's error code and its fixed description.</summary>
public sealed class DeviceFlowException(string error, string description) : Exception($"{error}: {description}")
{
    public string Error { get; } = error;
}

public interface IDeviceAuthorizationClient
{
    Task<DeviceAuthorizationResponse> StartAsync(string clientId, string scope, CancellationToken cancellationToken = default);

    Task<TokenResponse> PollAsync(string clientId, string deviceCode, CancellationToken cancellationToken = default);
}

/// <summary>A Bluetooth LE peripheral as the companion app reports it.</summary>
public sealed record BlePeripheral(string Address, string? LocalName, int Rssi, string ServiceUuid);
