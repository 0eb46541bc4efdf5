namespace PrivacyHoldout117.Healthcare;

/// <summary>A provisioning request from the monitoring app's first start on a patient's own phone: the registration id is <c>rpmapp-{hospitalNumber}</c>.</summary>
public sealed record AppRegistration(string RegistrationId, string HospitalNumber, string EndorsementKeyThumbprint, string AssignedHub);

/// <summary>The provisioning service refused a registration: its message quotes the registration id.</summary>
public sealed class ProvisioningRefusedException(string registrationId, int status)
    : Exception($"Registration '{registrationId}' refused with status {status}.")
{
    public int Status { get; } = status;
}

/// <summary>
/// Provisions the monitoring app on patients' own phones as IoT devices: registration ids are built
/// from the hospital number so that the EPR can find a patient's phone. The IoT hub it lands on is the trust's.
/// </summary>
public sealed class PatientAppProvisioning(
    ILogger<PatientAppProvisioning> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    KeyedShards shards,
    TelemetrySecrets secrets)
{
    private readonly Counter<long> _provisioned = meter.CreateCounter<long>("rpm.phones.provisioned");

    public void OnRegistered(AppRegistration registration)
    {
        using var span = source.StartRpmfleetIngest($"$dps/registrations/{registration.RegistrationId}"); // leak TC1001 strings
        span.SetRpmfleetPatientId(pseudonymizer.PseudonymizeRpmfleetPatientId(registration.HospitalNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("dps.registration_id", registration.RegistrationId); // leak TC1001 direct
        span.Activity?.SetTag("dps.assigned_hub", registration.AssignedHub); // clean precision-names
        span.Activity?.SetTag("dps.shard", shards.ShardOf(registration.HospitalNumber, 16)); // clean hashes
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        span.Activity?.SetTag("dps.patient.key", Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(registration.HospitalNumber)))[..16]); // clean hashes
        logger.LogInformation("Phone registered {@Registration}", registration); // leak TC1001 logging-objects
        logger.LogInformation("Phone of patient {Mrn} registered on {Hub}", registration.HospitalNumber, registration.AssignedHub); // leak TC1001 direct
        _provisioned.Add(1, new KeyValuePair<string, object?>("hub", registration.AssignedHub)); // clean precision-names
        _provisioned.Add(1, new KeyValuePair<string, object?>("registration", registration.RegistrationId)); // leak TC1003 direct
    }

    public void OnRefused(ProvisioningRefusedException ex, string hospitalNumber)
    {
        logger.LogError(ex, "Provisioning refused"); // leak TC1001 exceptions
        Activity.Current?.AddException(ex); // leak TC1001 exceptions
        Activity.Current?.SetTag("dps.status", ex.Status); // clean exceptions
        Activity.Current?.SetTag("dps.patient.md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(hospitalNumber)))); // leak TC1002 hashes
        Baggage.SetBaggage("rpm.patient", hospitalNumber); // leak TC1001 direct
    }
}
