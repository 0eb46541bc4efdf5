namespace PrivacyHoldout183.Healthcare;

/// <summary>The trust's bereavement office: registers deaths on wards, books the family's appointment, issues the MCCD and releases to funeral directors.</summary>
public sealed partial class BereavementOfficeEndpoints(
    ActivitySource source,
    Meter meter,
    ILogger<BereavementOfficeEndpoints> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    IBereavementCaseStore cases,
    BereavementOptions options)
{
    private readonly Counter<long> _admissions = meter.CreateCounter<long>("mortuary.admissions");
    private readonly Counter<long> _certificates = meter.CreateCounter<long>("mortuary.mccd.issued");
    private readonly MortuaryOperationsCounter _operations = meter.CreateMortuaryOperationsCounter();
    private readonly MortuaryOperationDurationHistogram _duration = meter.CreateMortuaryOperationDurationHistogram();
    private string? _lastUnclaimedHospitalNumber;
    private readonly List<string> _awaitingKin = new();

    public void Map(EndpointRoutes routes)
    {
        routes.MapPost("/mortuary/admissions", AdmitAsync);
        routes.MapPost("/mortuary/{hospitalNumber}/mccd", IssueMccd);
        routes.MapPost("/mortuary/releases", Release);
        routes.MapGet("/mortuary/unclaimed", ReportUnclaimed);
    }

    private async Task<ActionResult> AdmitAsync(MortuaryAdmission admission, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartMortuaryOperation(options.Office);
        span.SetMortuaryDeceasedId(pseudonymizer.PseudonymizeMortuaryDeceasedId(admission.HospitalNumber)); // clean precision-pseudonym
        span.SetMortuaryCaseKind("admission"); // clean precision-names
        span.SetMortuaryNote($"Admitted from {admission.Ward}, cause code {admission.CauseCode}"); // clean generated-api
        span.Activity?.SetTag("mortuary.ward", admission.Ward); // clean precision-about
        span.Activity?.SetTag("patient.nhs_number", admission.NhsNumber); // leak TC1001 direct
        span.Activity?.SetTag("deceased.name", admission.DeceasedName); // leak TC1001 direct
        span.Activity?.SetTag("deceased.name_length", admission.DeceasedName.Length); // clean precision-about
        span.Activity?.SetTag("admission.hour", admission.AdmittedAt.Hour); // clean precision-about
        Baggage.SetBaggage("mortuary.hospital_number", admission.HospitalNumber); // leak TC1001 direct
        Baggage.SetBaggage("mortuary.ward", admission.Ward); // clean precision-about
        _admissions.Add(1, new KeyValuePair<string, object?>("ward", admission.Ward)); // clean precision-about
        _admissions.Add(1, new KeyValuePair<string, object?>("nhs_number", admission.NhsNumber)); // leak TC1003 direct
        logger.LogInformation("Admission recorded {@Admission}", admission); // leak TC1001 logging-objects
        logger.LogInformation("Admission from {Ward} with cause {CauseCode}", admission.Ward, admission.CauseCode); // clean precision-about

        var kin = await cases.FindKinAsync(admission.HospitalNumber, cancellationToken);
        if (kin is null)
        {
            _lastUnclaimedHospitalNumber = admission.HospitalNumber;
            _awaitingKin.Add(admission.DeceasedName);
            span.SetMortuaryOutcome("awaiting-kin"); // clean generated-api
            logger.LogWarning("No next of kin yet for ward {Ward}", admission.Ward); // clean precision-about
            return new OkResult(null);
        }

        span.SetMortuaryNote($"Next of kin {kin.FullName} ({kin.Relationship}) to be called"); // leak TC1001 generated-api
        span.Activity?.SetTag("kin.relationship", kin.Relationship); // clean precision-about
        span.Activity?.SetTag("kin.phone", kin.Phone); // leak TC1001 direct
        span.Activity?.SetTag("kin.has_email", !string.IsNullOrEmpty(kin.Email)); // clean precision-about
        span.Activity?.SetTag("kin.email_domain", kin.Email[(kin.Email.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetTag("kin.record_id", pseudonymizer.ComputeMortuaryDeceasedId(kin.KinId)); // clean precision-pseudonym
        LogKinFound(logger, kin.FullName, admission.Ward); // clean logging-objects
        LogKinFoundUnclassified(logger, kin.FullName, admission.Ward); // leak TC1001 logging-objects
        logger.LogInformation("Next of kin {Kin}", kin); // leak TC1001 logging-objects

        _operations.Add(1, options.Office, "admitted"); // clean generated-api
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, options.Office); // clean generated-api
        return new OkResult(null);
    }

    private ActionResult IssueMccd(string hospitalNumber, MccdIssued certificate)
    {
        using var activity = source.StartActivity("mortuary.mccd");
        activity?.SetTag("mccd.certificate_id", certificate.CertificateId); // leak TC1001 direct
        activity?.SetTag("mccd.doctor_gmc", certificate.DoctorGmcNumber); // leak TC1001 direct
        activity?.SetTag("mccd.doctor_gmc_present", certificate.DoctorGmcNumber.Length > 0); // clean precision-about
        _certificates.Add(1, new KeyValuePair<string, object?>("doctor", certificate.DoctorGmcNumber)); // leak TC1003 direct
        _certificates.Add(1, new KeyValuePair<string, object?>("office", options.Office)); // clean precision-about

        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(certificate.NhsNumber)))[..12];
        activity?.SetTag("mccd.patient_ref", digest); // leak TC1002 hashes
        var tray = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(certificate.NhsNumber))[0] % 16;
        activity?.SetTag("mccd.review_tray", tray); // clean hashes
        _certificates.Add(1, new KeyValuePair<string, object?>("tray", tray)); // clean hashes
        activity?.AddEvent(new ActivityEvent("mccd.issued", tags: new ActivityTagsCollection { ["office"] = options.Office })); // clean precision-about
        activity?.AddEvent(new ActivityEvent("mccd.patient", tags: new ActivityTagsCollection { ["hospital_number"] = hospitalNumber })); // leak TC1001 direct
        logger.LogInformation("MCCD {@Certificate} issued", certificate); // leak TC1001 logging-objects
        return new OkResult(certificate.CertificateId);
    }

    private ActionResult Release(ReleaseToFuneralDirector release)
    {
        using var span = source.StartMortuaryOperation(release.Mortuary);
        span.SetMortuaryCaseKind("release"); // clean precision-names
        span.SetMortuaryNote($"Released to {release.FirmName} ({release.FirmId})"); // clean generated-api
        span.Activity?.SetTag("funeral_director.firm_name", release.FirmName); // clean precision-names
        logger.LogInformation("Release {@Release}", release); // clean logging-objects
        return new OkResult(release.ReleaseId);
    }

    private ActionResult ReportUnclaimed()
    {
        using var activity = source.StartActivity("mortuary.unclaimed");
        activity?.SetTag("mortuary.unclaimed_count", _awaitingKin.Count); // clean cross-member
        activity?.SetTag("mortuary.any_unclaimed", _lastUnclaimedHospitalNumber is not null); // clean cross-member
        activity?.SetTag("mortuary.last_unclaimed", _lastUnclaimedHospitalNumber); // leak TC1001 cross-member
        logger.LogWarning("Awaiting next of kin: {Names}", string.Join(", ", _awaitingKin)); // leak TC1001 cross-member
        return new OkResult(_awaitingKin.Count);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Next of kin {KinName} found for ward {Ward}")]
    private static partial void LogKinFound(ILogger logger, [PrivateData] string kinName, string ward);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Next of kin {KinName} found for ward {Ward}")]
    private static partial void LogKinFoundUnclassified(ILogger logger, string kinName, string ward);
}
