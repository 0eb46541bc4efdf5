namespace PrivacyHoldout178.Education;

/// <summary>Files safeguarding referrals from a school trust's staff with the local authority's front door.</summary>
public sealed class SafeguardingReferralHandler(Pseudonymizer pseudonymizer, ILogger<SafeguardingReferralHandler> logger, EmergencyOptions options)
{
    private static readonly ActivitySource Source = new("SchoolTrust.Safeguarding");
    private static readonly Meter Meter = new("SchoolTrust.Safeguarding");
    private static readonly Counter<long> Referrals = Meter.CreateCounter<long>("safeguarding.referrals");

    private string? _currentReferrer;

    public void Handle(SafeguardingReferral referral, PupilWelfareConcern concern)
    {
        using var span = Source.StartCampussafeOperation("front-door");
        _currentReferrer = referral.ReferrerEmail;
        span.SetCampussafePriority(referral.Category); // clean precision-about
        span.Activity?.SetTag("referral.id", referral.ReferralId); // clean precision-names
        span.Activity?.SetTag("referral.template", options.ReferralTemplateId); // clean precision-names
        span.Activity?.SetTag("referral.subject", referral.SubjectName); // leak TC1001 direct
        span.Activity?.SetTag("referral.subject.dob", referral.DateOfBirth.ToString("O", CultureInfo.InvariantCulture)); // leak TC1001 direct
        span.Activity?.SetTag("referral.subject.age", DateTime.Today.Year - referral.DateOfBirth.Year); // clean precision-about
        span.Activity?.SetTag("referral.referrer.domain", referral.ReferrerEmail.Split('@')[1]); // clean precision-about
        Trace("referrer", _currentReferrer); // leak TC1001 cross-member
        Trace("category", referral.Category); // clean cross-member
        logger.LogInformation("Referral {Referral}", referral); // leak TC1001 logging-objects
        logger.LogInformation("Referral {ReferralId} in category {Category}", referral.ReferralId, referral.Category); // clean precision-names
        Referrals.Add(1, new KeyValuePair<string, object?>("category", referral.Category)); // clean precision-about
        Referrals.Add(1, new KeyValuePair<string, object?>("pupil", pseudonymizer.PseudonymizeCampussafeCallerId(concern.Upn))); // leak TC1003 precision-pseudonym

        span.Activity?.SetTag("pupil.upn", concern.Upn); // leak TC1001 direct
        span.Activity?.SetTag("pupil.year_group", concern.YearGroup); // clean precision-about
        span.Activity?.SetTag("pupil.guardian.phone.present", !string.IsNullOrEmpty(concern.GuardianPhone)); // clean precision-about
        logger.LogWarning("Guardian {Phone} to be called for {ConcernId}", concern.GuardianPhone, concern.ConcernId); // leak TC1001 direct
        var summary = new StringBuilder().Append("Concern about ").Append(concern.PupilName).Append(" (year ").Append(concern.YearGroup).Append(')').ToString();
        span.Activity?.AddEvent(new ActivityEvent(summary)); // leak TC1001 strings
        span.Activity?.AddEvent(new ActivityEvent($"concern.year{concern.YearGroup}")); // clean strings
        logger.LogCampussafeOperationFailedEvent("front-door", "held", campussafeCallerId: pseudonymizer.PseudonymizeCampussafeCallerId(concern.Upn)); // clean precision-pseudonym
        logger.LogCampussafeOperationFailedEvent("front-door", "held", campussafeNote: concern.Concern); // leak TC1001 generated-api
        using (logger.BeginScope(new Dictionary<string, object> { ["ConcernId"] = concern.ConcernId, ["YearGroup"] = concern.YearGroup })) // clean precision-names
        {
            logger.LogInformation("Concern filed"); // clean precision-names
        }

        using (logger.BeginScope(new Dictionary<string, object> { ["Pupil"] = concern.PupilName })) // leak TC1001 direct
        {
            logger.LogInformation("Concern escalated");
        }

        Baggage.SetBaggage("pupil.pseudonym", pseudonymizer.PseudonymizeCampussafeCallerId(concern.Upn).Value); // clean precision-pseudonym
    }

    private void Trace(string field, string value)
    {
        Activity.Current?.SetTag("referral." + field, value); // leak TC1001 direct
    }
}
