using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout48.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout48.Education;

public sealed record RegisterDeviceRequest(string InstallationId, string Platform, string OsVersion, string DeviceModel, string? PushToken, string GuardianEmail);

public sealed record DeviceRegistration(string RegistrationId, string StudentNumber, string InstallationId, DateTimeOffset RegisteredAt);

public interface IDeviceRegistry
{
    Task<DeviceRegistration?> FindByInstallationAsync(string installationId, CancellationToken cancellationToken);

    Task<DeviceRegistration> AddAsync(string studentNumber, RegisterDeviceRequest request, CancellationToken cancellationToken);

    Task<int> CountForStudentAsync(string studentNumber, CancellationToken cancellationToken);
}

public sealed class DeviceLimitExceededException(string studentNumber, int limit)
    : Exception($"Student {studentNumber} already has {limit} devices registered for offline sync.");

/// <summary>Registers a learner's phone or tablet for offline homework sync.</summary>
public sealed class LearnerDeviceRegistration(
    IDeviceRegistry registry,
    ActivitySource source,
    ILogger<LearnerDeviceRegistration> logger,
    Meter meter,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer)
{
    private const int DeviceLimit = 3;
    private readonly Counter<long> _registrations = meter.CreateCounter<long>("lms.sync.devices.registered");
    private readonly UpDownCounter<long> _activeDevices = meter.CreateUpDownCounter<long>("lms.sync.devices.active");

    public async Task<DeviceRegistration?> RegisterAsync(string studentNumber, RegisterDeviceRequest request, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("sync.device.register");
        activity?.SetTag("device.platform", request.Platform); // clean precision-names
        activity?.SetTag("device.model", request.DeviceModel); // clean precision-names
        activity?.SetTag("device.push_token.present", request.PushToken is not null); // clean precision-about
        activity?.SetTag("device.push_token", request.PushToken); // leak TC1001 direct
        activity?.SetTag(SyncAttributes.DeviceContact, request.GuardianEmail); // leak TC1001 generated-api
        activity?.SetTag("guardian.email.domain", request.GuardianEmail.Split('@')[^1]); // clean precision-about

        var existing = await registry.FindByInstallationAsync(request.InstallationId, cancellationToken);
        if (existing is not null)
        {
            logger.LogInformation("Device already registered as {RegistrationId}", existing.RegistrationId); // clean precision-names
            return existing;
        }

        try
        {
            if (await registry.CountForStudentAsync(studentNumber, cancellationToken) >= DeviceLimit)
            {
                throw new DeviceLimitExceededException(studentNumber, DeviceLimit);
            }
        }
        catch (DeviceLimitExceededException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            return null;
        }

        var registration = await registry.AddAsync(studentNumber, request, cancellationToken);
        var installHash = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(request.InstallationId)));
        activity?.SetTag("device.install.hash", installHash); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.InstallationId))[0] % 16;
        activity?.SetTag("device.install.shard", shard); // clean hashes
        _registrations.Add(1, new("platform", request.Platform), new("os.version", request.OsVersion)); // clean precision-names
        _activeDevices.Add(1, new KeyValuePair<string, object?>("installation", request.InstallationId)); // leak TC1003 direct
        logger.LogInformation("Registered installation {Installation} for student {StudentRef}", request.InstallationId, pseudonymizer.ComputeSyncAccountId(studentNumber)); // leak TC1001 direct
        return registration;
    }
}
