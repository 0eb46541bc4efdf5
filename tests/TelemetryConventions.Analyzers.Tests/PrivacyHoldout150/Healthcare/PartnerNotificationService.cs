namespace PrivacyHoldout150.Healthcare;

/// <summary>
/// Sends anonymous partner notices: a patient with a positive result names the dating app handles of recent partners,
/// and the clinic asks each app to tell them to get tested, without naming the patient.
/// </summary>
public sealed class PartnerNotificationService(
    IPartnerNotificationGateway gateway,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PartnerNotificationService> logger)
{
    private readonly Counter<long> _noticesSent = meter.CreateCounter<long>("sexhealth.partner.notices");
    private readonly List<string> _undeliveredHandles = new();
    private string? _lastIndexClinicNumber;

    public async Task NotifyAsync(ClinicPatient patient, IReadOnlyList<string> partnerHandles, string infectionCode, string platform, CancellationToken cancellationToken)
    {
        using var span = source.StartSexhealthOperation("clinic-lewisham");
        span.SetSexhealthPatientId(pseudonymizer.PseudonymizeSexhealthPatientId(patient.ClinicNumber)); // clean precision-pseudonym
        span.SetSexhealthPlatform(platform).SetSexhealthMatchCount(partnerHandles.Count); // clean generated-api
        span.SetSexhealthNote($"index {patient.ClinicNumber}, {partnerHandles.Count} partners"); // leak TC1001 generated-api
        _lastIndexClinicNumber = patient.ClinicNumber;

        Activity.Current?.SetTag("sexhealth.infection", infectionCode); // clean precision-about
        Activity.Current?.SetTag("sexhealth.index.nhs_number", patient.NhsNumber); // leak TC1001 direct
        Activity.Current?.SetTag("sexhealth.index.has_mobile", !string.IsNullOrEmpty(patient.Mobile)); // clean precision-about
        logger.LogInformation("Partner notification for {PatientName} on {Platform}", patient.Name, platform); // leak TC1001 direct

        foreach (var handle in partnerHandles)
        {
            var notice = new PartnerNotice(Guid.NewGuid().ToString("N"), patient.ClinicNumber, handle, infectionCode, platform);
            try
            {
                var receipt = await gateway.SendAsync(notice, cancellationToken);
                logger.LogInformation("Notice delivered {@Receipt}", receipt); // clean logging-objects
                _noticesSent.Add(1, new KeyValuePair<string, object?>("sexhealth.platform", platform), new KeyValuePair<string, object?>("sexhealth.infection", infectionCode)); // clean precision-about
            }
            catch (PlatformRejectedNoticeException ex)
            {
                _undeliveredHandles.Add(handle);
                logger.LogWarning(ex, "Notice {NoticeId} refused", notice.NoticeId); // clean exceptions
                logger.LogWarning("Notice refused for partner {PartnerHandle}", handle); // leak TC1001 direct
                logger.LogDebug("Refused notice {Notice}", notice); // leak TC1001 logging-objects
                _noticesSent.Add(1, new KeyValuePair<string, object?>("sexhealth.partner", handle)); // leak TC1003 direct
            }
        }

        span.SetSexhealthOutcome(_undeliveredHandles.Count == 0 ? "delivered" : "partial"); // clean generated-api
        meter.CreateSexhealthNoticesCounter().Add(partnerHandles.Count, "clinic-lewisham", "sent"); // clean generated-api
        Activity.Current?.SetTag("sexhealth.index.hash", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(patient.ClinicNumber)))[..12]); // leak TC1002 hashes
        Activity.Current?.SetTag("sexhealth.index.bucket", BucketOf(patient.ClinicNumber)); // clean hashes
    }

    /// <summary>The evening report the health adviser reads before calling round.</summary>
    public void ReportUndelivered()
    {
        logger.LogInformation("{Count} partner notices undelivered today", _undeliveredHandles.Count); // clean cross-member
        logger.LogInformation("Undelivered partner handles: {Handles}", _undeliveredHandles); // leak TC1001 cross-member
        Activity.Current?.SetTag("sexhealth.last_index", _lastIndexClinicNumber); // leak TC1001 cross-member
    }

    private string BucketOf(string clinicNumber)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(clinicNumber)))[..2];
    }
}
