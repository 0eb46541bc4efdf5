namespace PrivacyHoldout163.Healthcare;

/// <summary>An optician's number-plate and acuity checks for drivers, with notices to the agency when the standard is not met.</summary>
public sealed class EyesightCheckService(
    ILicenceRegistry registry,
    Pseudonymizer pseudonymizer,
    ILogger<EyesightCheckService> logger)
{
    private static readonly ActivitySource Source = new("Driving.Medical.Eyesight");
    private static readonly Meter EyeMeter = new("Driving.Medical.Eyesight");
    private static readonly Counter<long> Checks = EyeMeter.CreateCounter<long>("medfit.eyesight.checks");
    private static readonly Histogram<double> Acuity = EyeMeter.CreateHistogram<double>("medfit.eyesight.acuity");

    public async Task RecordAsync(EyesightCheck check, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("eyesight.check");
        activity?.SetTag("medfit.check.id", check.CheckId); // clean precision-names
        activity?.SetTag("medfit.check.meets_standard", check.MeetsStandard); // clean precision-about
        activity?.SetTag("medfit.patient.name", check.PatientName); // leak TC1001 direct
        Acuity.Record(check.Acuity, new KeyValuePair<string, object?>("meets", check.MeetsStandard)); // clean precision-about
        Checks.Add(1, new KeyValuePair<string, object?>("licence", check.LicenceNumber)); // leak TC1003 direct
        Checks.Add(1, new KeyValuePair<string, object?>("branch", "optician-17")); // clean precision-about
        logger.LogInformation("Eyesight check {@Check}", check); // leak TC1001 logging-objects
        logger.LogInformation("Eyesight check {CheckId}: {Acuity}", check.CheckId, check.Acuity); // clean precision-about

        if (!check.MeetsStandard)
        {
            var summary = await registry.SummaryAsync(check.LicenceNumber, cancellationToken);
            logger.LogWarning("Below standard; licence category {Category}, provisional {Provisional}", summary.Category, summary.Provisional); // clean precision-about
            logger.LogWarning("Below standard: {Who}", Who(check)); // leak TC1001 strings
            activity?.AddEvent(new ActivityEvent("eyesight.notice", tags: new ActivityTagsCollection { ["licence.hash"] = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(check.LicenceNumber)))[..12] })); // leak TC1002 hashes
            activity?.AddEvent(new ActivityEvent("eyesight.notice.patient", tags: new ActivityTagsCollection { ["patient"] = pseudonymizer.ComputeMedfitPatientId(check.LicenceNumber) })); // clean precision-pseudonym
        }
    }

    private static string Who(EyesightCheck check) => $"{check.PatientName} / {check.LicenceNumber}";
}
