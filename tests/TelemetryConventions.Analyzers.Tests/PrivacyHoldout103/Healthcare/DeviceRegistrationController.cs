namespace PrivacyHoldout103.Healthcare;

/// <summary>A registration the app posts with its Play Integrity token or App Attest key.</summary>
public sealed record RegisterRequest(DeviceRegistration Device, string? IntegrityToken, string? AttestKeyId, string? AttestationBase64, string? ChallengeBase64);

/// <summary>A trust-owned ward handheld, enrolled by the device management team.</summary>
public sealed record WardHandheld(string AssetTag, string Ward, string Model, string OsVersion);

public sealed class AttestationRejectedException(string installationId, string verdict)
    : Exception($"Installation {installationId} failed attestation: {verdict}");

/// <summary>Registers patient app installations and ward handhelds, checking Play Integrity or App Attest first.</summary>
[ApiController]
[Route("api/devices")]
public sealed class DeviceRegistrationController(
    IPlayIntegrityClient integrity,
    IAppAttestVerifier appAttest,
    IInstallationStore installations,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<DeviceRegistrationController> logger,
    MobileOptions options) : ControllerBase
{
    [HttpPost("patients")]
    public async Task<ActionResult> RegisterPatientDevice([FromBody] RegisterRequest request, CancellationToken cancellationToken)
    {
        var device = request.Device;
        var accountId = HttpContext.User.SubjectId!;
        Activity.Current.EnrichCareappAppIngest("registration")
            .SetCareappPlatform(device.Platform) // clean direct
            .SetCareappAppVersion(device.AppVersion) // clean precision-names
            .SetCareappDeviceModel(device.Model) // clean precision-names
            .SetCareappInstallationId(pseudonymizer.PseudonymizeCareappInstallationId(device.InstallationId)); // clean precision-pseudonym
        logger.LogInformation("Registering {Platform} {OsVersion} device named {DeviceName}", device.Platform, device.OsVersion, device.DeviceName); // leak TC1001 direct
        logger.LogDebug("Registration payload {Registration}", device); // leak TC1001 logging-objects

        try
        {
            if (request.IntegrityToken is { } token)
            {
                var verdict = await integrity.DecodeIntegrityTokenAsync(options.AndroidPackage, token, cancellationToken);
                var deviceVerdicts = string.Join(",", verdict.DeviceIntegrity.DeviceRecognitionVerdict);
                Activity.Current?.SetTag("integrity.device", deviceVerdicts); // clean precision-about
                Activity.Current?.SetTag("integrity.app", verdict.AppIntegrity.AppRecognitionVerdict); // clean precision-names
                logger.LogInformation("Integrity nonce {Nonce} for package {Package}", verdict.RequestDetails.Nonce, verdict.RequestDetails.RequestPackageName); // clean precision-names
                if (!verdict.DeviceIntegrity.DeviceRecognitionVerdict.Contains("MEETS_DEVICE_INTEGRITY"))
                {
                    throw new AttestationRejectedException(device.InstallationId, deviceVerdicts);
                }
            }
            else if (request.AttestKeyId is { } keyId)
            {
                var result = await appAttest.VerifyAttestationAsync(keyId, Convert.FromBase64String(request.AttestationBase64!), Convert.FromBase64String(request.ChallengeBase64!), cancellationToken);
                Activity.Current?.SetTag("appattest.key_id", result.KeyId); // leak TC1001 direct
                Activity.Current?.SetTag("appattest.environment", result.Environment); // clean precision-about
                if (!result.Valid)
                {
                    throw new AttestationRejectedException(device.InstallationId, result.FailureReason ?? "invalid");
                }
            }
        }
        catch (AttestationRejectedException ex)
        {
            logger.LogCareappAppRejectedEvent("registration", "attestation-failed", careappInstallationId: pseudonymizer.PseudonymizeCareappInstallationId(device.InstallationId), careappNote: ex.Message); // leak TC1001 generated-api
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return BadRequest("attestation");
        }
        catch (IntegrityApiException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            return BadRequest("integrity-unavailable");
        }

        await installations.SaveAsync(new InstallationRecord { InstallationId = device.InstallationId, AccountId = accountId, Platform = device.Platform, PushToken = device.PushToken, RegisteredAt = DateTimeOffset.UtcNow, Attested = true }, cancellationToken);
        Activity.Current?.SetTag("mycare.account_id", accountId); // leak TC1001 direct
        logger.LogInformation("Installation registered with push token of {TokenLength} characters", device.PushToken?.Length ?? 0); // clean precision-about
        return Ok();
    }

    [HttpPost("handhelds")]
    public ActionResult EnrolHandheld([FromBody] WardHandheld handheld)
    {
        using var span = source.StartCareappAppIngest("registration");
        span.SetCareappDeviceModel(handheld.Model).SetCareappOsVersion(handheld.OsVersion); // clean precision-names
        logger.LogInformation("Ward handheld {Handheld} enrolled", handheld); // clean logging-objects
        Activity.Current?.SetTag("handheld.asset_tag", handheld.AssetTag); // clean precision-names
        return Ok();
    }
}
