namespace PrivacyHoldout122.Healthcare;

/// <summary>The portal team's helpers for tagging verification spans, so every endpoint tags them the same way.</summary>
public static class IdvTelemetryExtensions
{
    public static Activity? TagApplicant(this Activity? activity, string applicantId) => activity?.SetTag("idv.applicant", applicantId);

    public static Activity? TagCheck(this Activity? activity, Check check) => activity?.SetTag("idv.check", check.Id).SetTag("idv.check.status", check.Status.ToString());

    public static string Describe(this OnboardingCase onboarding) => $"{onboarding.Channel} case {onboarding.CaseId} for {onboarding.Email}";
}

/// <summary>Re-sends the verification invite to patients who did not finish it within a week.</summary>
public sealed class VerificationReminderJob(IOnboardingStore store, IVeriDocClient veriDoc, Pseudonymizer pseudonymizer, ActivitySource source, ILogger<VerificationReminderJob> logger)
{
    private OnboardingCase? _current;

    public async Task RemindAsync(IReadOnlyList<Guid> staleCases, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("portal.onboarding.reminders");
        activity?.SetTag("reminders.cases", staleCases.Count); // clean precision-about
        foreach (var caseId in staleCases)
        {
            _current = await store.FindAsync(caseId, cancellationToken);
            if (_current?.ApplicantId is null)
            {
                continue;
            }
            var check = await veriDoc.FindCheckAsync(_current.CheckId ?? string.Empty, cancellationToken);
            activity.TagCheck(check); // clean cross-member
            activity.TagApplicant(_current.ApplicantId); // leak TC1001 cross-member
            logger.LogInformation("Reminding {Case}", _current.Describe()); // leak TC1001 cross-member
            logger.LogInformation("Reminding case {CaseId} opened {OpenedAt} via {Channel}", _current.CaseId, _current.OpenedAt, _current.Channel); // clean cross-member
            Report();
        }
    }

    private void Report() => logger.LogDebug("Current reminder for {Patient}", _current?.PersonRef); // leak TC1001 cross-member
}
