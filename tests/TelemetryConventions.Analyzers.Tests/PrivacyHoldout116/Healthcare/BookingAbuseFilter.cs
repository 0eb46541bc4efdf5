namespace PrivacyHoldout116.Healthcare;

public sealed record BookingForm(string NhsNumber, string DateOfBirth, string Email, string PracticeCode, string SlotId, string CaptchaToken);

public sealed record RepeatPrescriptionRequest(string NhsNumber, string PracticeCode, IReadOnlyList<string> MedicationIds, string? DeviceToken);

/// <summary>
/// Guards the anonymous appointment booking form and the repeat prescription request: a CAPTCHA (the
/// page passes the practice code to the widget as its customer data), a daily quota of prescription
/// requests per patient and a risk score from the fraud vendor.
/// </summary>
public sealed class BookingAbuseFilter(
    ILogger<BookingAbuseFilter> logger,
    ICaptchaVerifier captcha,
    ICounterStore counters,
    IRiskClient risk,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AbuseOptions options)
{
    private static readonly ActivitySource Source = new("Portal.Abuse");

    public async Task<bool> AllowBookingAsync(BookingForm form, EdgeRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartPortalguardCheck("captcha");
        span.SetPortalguardPractice(form.PracticeCode); // clean precision-names
        var verdict = await captcha.VerifyAsync(new SiteVerifyRequest(options.CaptchaSecret, form.CaptchaToken, request.RemoteIpAddress?.ToString()), cancellationToken);
        span.SetPortalguardRiskScore(verdict.Score ?? 0); // clean precision-about
        logger.LogDebug("siteverify answered {@Verdict}", verdict); // clean logging-objects

        if (!verdict.Success || verdict.Score < options.CaptchaMinimumScore)
        {
            span.SetPortalguardOutcome("challenged");
            logger.LogInformation("CAPTCHA for {Action} on {Hostname} failed: {Errors}", verdict.Action, verdict.Hostname, string.Join(",", verdict.ErrorCodes)); // clean precision-names
            logger.LogWarning("Booking blocked by CAPTCHA: {Form}", form); // leak TC1001 logging-objects
            var domain = form.Email[(form.Email.IndexOf('@') + 1)..];
            span.Activity?.SetTag("booking.email_domain", domain); // clean precision-about
            logger.LogWarning("Booking challenge failed for {Email} at {Practice}", form.Email, form.PracticeCode); // leak TC1001 direct
            return false;
        }

        span.SetPortalguardOutcome("allowed");
        return true;
    }

    public async Task<bool> AllowRepeatPrescriptionAsync(RepeatPrescriptionRequest prescription, EdgeRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartPortalguardCheck("risk");
        var key = $"rx:{prescription.NhsNumber}:24h";
        var used = await counters.IncrementAsync(key, TimeSpan.FromDays(1));
        span.SetPortalguardAttempts(used); // clean precision-about

        try
        {
            if (used > 3)
            {
                throw new QuotaExceededException(key, used, 3);
            }
        }
        catch (QuotaExceededException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning(ex, "Repeat prescription quota {Policy} exceeded at {Practice}", "repeat-rx-daily", prescription.PracticeCode); // leak TC1001 exceptions
            logger.LogInformation("Quota exceeded: {Used} of {Limit}", ex.Used, ex.Limit); // clean exceptions
            return false;
        }

        var riskEvent = new RiskEvent("repeat_prescription", prescription.NhsNumber, null, request.RemoteIpAddress?.ToString(), prescription.DeviceToken);
        logger.LogDebug("Scoring {Event}", riskEvent); // leak TC1001 logging-objects
        var assessment = await risk.ScoreAsync(riskEvent, cancellationToken);
        logger.LogInformation("Risk {RequestId} scored {Score} with action {Action}", assessment.RequestId, assessment.Score, assessment.Action); // clean precision-names
        meter.CreatePortalguardCheckScoreHistogram().Record(assessment.Score, "risk", assessment.Action.ToString()); // clean generated-api
        foreach (var signal in assessment.Signals)
        {
            span.Activity?.AddEvent(new ActivityEvent("risk.signal", tags: new ActivityTagsCollection { ["signal.name"] = signal.Name, ["signal.weight"] = signal.Weight })); // clean precision-names
        }

        if (assessment.Action is RiskAction.Deny or RiskAction.Review)
        {
            span.SetPortalguardSubjectId(pseudonymizer.PseudonymizePortalguardSubjectId(prescription.NhsNumber)); // clean precision-pseudonym
            span.SetPortalguardNote($"held for review: {prescription.MedicationIds.Count} items for {prescription.NhsNumber}"); // leak TC1001 generated-api
            logger.LogWarning("Prescription request for medication {Medications} held", string.Join(",", prescription.MedicationIds)); // clean precision-names
            return false;
        }
        return true;
    }
}
