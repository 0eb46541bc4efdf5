namespace PrivacyHoldout150.Healthcare;

/// <summary>
/// Matches older patients discharged home alone with a befriending volunteer from their area, who phones weekly.
/// Referrals arrive from the wards on a queue.
/// </summary>
public sealed class BefriendingMatchWorker(
    IQueueReceiver<BefriendingReferral> referrals,
    IVolunteerRegister register,
    IMemberMessenger texts,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<BefriendingMatchWorker> logger) : BackgroundService
{
    private readonly Counter<long> _referralsByWard = meter.CreateCounter<long>("befriending.referrals");
    private readonly Dictionary<string, string> _unmatchedByHospitalNumber = new();

    public Befriender? LastAssigned { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var referral = await referrals.ReceiveAsync(stoppingToken);
            if (referral is not null)
            {
                await MatchAsync(referral, stoppingToken);
            }
        }
    }

    private async Task MatchAsync(BefriendingReferral referral, CancellationToken cancellationToken)
    {
        using var span = source.StartSexhealthOperation("hospital-kings");
        span.SetSexhealthPlatform("befriending"); // clean generated-api
        span.SetSexhealthPatientId(pseudonymizer.PseudonymizeSexhealthPatientId(referral.HospitalNumber)); // clean precision-pseudonym
        var daysSinceDischarge = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - referral.DischargedOn.DayNumber;
        Activity.Current?.SetTag("befriending.ward", referral.Ward); // clean precision-about
        Activity.Current?.SetTag("befriending.days_since_discharge", daysSinceDischarge); // clean precision-about
        _referralsByWard.Add(1, new KeyValuePair<string, object?>("befriending.ward", referral.Ward)); // clean precision-about
        var area = referral.Ward.Split('-')[0];

        var nearby = await register.NearAsync(area, cancellationToken);
        if (nearby.Count == 0)
        {
            _unmatchedByHospitalNumber[referral.HospitalNumber] = referral.PatientName;
            logger.LogInformation("No befriender near {Area} for referral {ReferralId}", area, referral.ReferralId); // clean precision-names
            logger.LogSexhealthOperationFailedEvent("hospital-kings", "no_volunteer", sexhealthNote: $"{referral.PatientName} on {referral.Ward}"); // leak TC1001 generated-api
            span.SetSexhealthOutcome("waiting"); // clean generated-api
            return;
        }

        LastAssigned = nearby[0];
        await texts.TextAsync(LastAssigned.Phone, $"New befriending match from {referral.Ward}", cancellationToken);
        logger.LogInformation("Befriending match {@Referral}", referral); // leak TC1001 logging-objects
        logger.LogInformation("Befriender {@Befriender} assigned", LastAssigned); // leak TC1001 logging-objects
        span.SetSexhealthVolunteerId(pseudonymizer.PseudonymizeSexhealthVolunteerId(LastAssigned.VolunteerId)); // clean precision-pseudonym
        Activity.Current?.SetTag(SexhealthAttributes.Contact, LastAssigned.Phone); // leak TC1001 generated-api
        Activity.Current?.SetTag("befriending.volunteer.area", LastAssigned.Area); // clean precision-about
        meter.CreateSexhealthWaitDurationHistogram().Record(daysSinceDischarge * 86400.0, "hospital-kings"); // clean generated-api
    }

    /// <summary>Called by the weekly volunteer coordinator's review.</summary>
    public void ReviewWaiting()
    {
        using var activity = source.StartActivity("befriending.review");
        activity?.SetTag("befriending.waiting.count", _unmatchedByHospitalNumber.Count); // clean cross-member
        activity?.SetTag("befriending.waiting.names", string.Join(", ", _unmatchedByHospitalNumber.Values)); // leak TC1001 cross-member
        activity?.SetTag("befriending.waiting.numbers", _unmatchedByHospitalNumber.Keys.ToArray()); // leak TC1001 cross-member
        activity?.SetTag("befriending.last_volunteer_area", LastAssigned?.Area); // clean cross-member
        activity?.SetTag("befriending.last_volunteer", LastAssigned?.Name); // leak TC1001 cross-member
    }
}
