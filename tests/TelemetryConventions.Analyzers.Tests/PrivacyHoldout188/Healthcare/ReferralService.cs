namespace PrivacyHoldout188.Healthcare;

/// <summary>Managers' referrals of trust staff to occupational health, and the outcome reports.</summary>
public sealed class ReferralService(IOccHealthProvider provider, Pseudonymizer pseudonymizer, ILogger<ReferralService> logger)
{
    private static readonly ActivitySource Source = new("Trust.OccHealth.Referrals");

    public async Task<string> ReferAsync(ManagementReferral referral, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("referral.submit");
        activity?.SetTag("referral.reason_code", referral.ReasonCode); // clean precision-names
        activity?.SetTag("referral.manager", referral.ManagerEmail); // leak TC1001 direct
        activity?.SetTag("referral.question", referral.Question); // leak TC1001 direct
        activity?.SetTag("referral.question_words", referral.Question.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ReferralSite"] = referral.SiteCode, ["ReferralReason"] = referral.ReasonCode }); // clean logging-objects
        using var staffScope = logger.BeginScope(new Dictionary<string, object> { ["Staff"] = referral.EmployeeNumber }); // leak TC1001 logging-objects
        try
        {
            var referralId = await provider.SubmitReferralAsync(referral, cancellationToken);
            activity?.SetTag("referral.id", referralId); // clean precision-names
            logger.LogInformation("Referral {Referral} submitted", referral); // leak TC1001 logging-objects
            logger.LogInformation("Referral {ReferralId} submitted for {Staff}", referralId, pseudonymizer.ComputeMedfitClientId(referral.EmployeeNumber)); // clean precision-pseudonym
            return referralId;
        }
        catch (ProviderUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogError(ex, "Provider down for referral from {ManagerEmailDomain}", referral.ManagerEmail[(referral.ManagerEmail.IndexOf('@') + 1)..]); // clean exceptions
            throw;
        }
    }

    public async Task ReportOutcomeAsync(string referralId, CancellationToken cancellationToken)
    {
        var outcome = await provider.OutcomeAsync(referralId, cancellationToken) ?? throw new ReferralNotFoundException(referralId);
        var clinician = await provider.ClinicianAsync(outcome.ClinicianId, cancellationToken);
        Activity.Current?.SetTag("referral.outcome", outcome.OutcomeCode); // clean precision-names
        Activity.Current?.SetTag("referral.fit_for_work", outcome.FitForWork); // clean precision-about
        Activity.Current?.SetTag("referral.clinician", clinician.Name); // leak TC1001 direct
        Activity.Current?.SetTag("referral.clinician_caseload", clinician.CaseLoad); // clean precision-about
        logger.LogInformation("Outcome {@Outcome}", outcome); // leak TC1001 logging-objects
        logger.LogInformation("Clinician {Clinician} reported", clinician); // clean logging-objects
        logger.LogInformation("Clinician {@Clinician} reported", clinician); // leak TC1001 logging-objects
        logger.LogInformation("Outcome for referral {ReferralId}: {OutcomeCode}, {Hours} hours", referralId, outcome.OutcomeCode, outcome.RecommendedHours); // clean precision-names
    }
}
