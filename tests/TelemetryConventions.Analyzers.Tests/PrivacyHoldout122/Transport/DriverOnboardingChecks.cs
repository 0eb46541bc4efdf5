namespace PrivacyHoldout122.Transport;

public sealed record DriverCandidate(string StaffNumber, string FullName, string Email, string Mobile, string LicenceNumber, string RightToWorkShareCode, string Depot);

/// <summary>
/// Bus driver onboarding: the driving licence (categories and endorsements from the licence service), a
/// right to work check from the candidate's share code, and an identity check at the vendor, each
/// recorded before the candidate is rostered for training.
/// </summary>
public sealed class DriverOnboardingChecks(
    IVeriDocClient veriDoc,
    IReviewQueue queue,
    Pseudonymizer pseudonymizer,
    VerificationOptions options,
    ActivitySource source,
    Meter meter,
    ILogger<DriverOnboardingChecks> logger)
{
    private readonly Counter<long> _onboarded = meter.CreateCounter<long>("drivers.onboarding.checks");

    public async Task<bool> CheckAsync(DriverCandidate candidate, IReadOnlyList<string> licenceCategories, int penaltyPoints, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("driver.onboarding");
        activity?.SetTag("driver.depot", candidate.Depot); // clean precision-names
        activity?.SetTag("driver.staff_number", candidate.StaffNumber); // leak TC1001 direct
        activity?.SetTag("driver.licence_number", candidate.LicenceNumber); // leak TC1001 direct
        activity?.SetTag("driver.licence_categories", string.Join(",", licenceCategories)); // clean strings
        activity?.SetTag("driver.penalty_points", penaltyPoints); // clean precision-about
        activity?.SetTag("driver.share_code", candidate.RightToWorkShareCode); // leak TC1001 direct
        activity?.SetTag("driver.share_code_present", !string.IsNullOrWhiteSpace(candidate.RightToWorkShareCode)); // clean precision-about
        _onboarded.Add(1, new KeyValuePair<string, object?>("depot", candidate.Depot), new KeyValuePair<string, object?>("has_d_category", licenceCategories.Contains("D"))); // clean precision-names
        _onboarded.Add(1, new KeyValuePair<string, object?>("driver", pseudonymizer.ComputeRideridvRiderId(candidate.StaffNumber))); // leak TC1003 precision-pseudonym

        var applicant = await veriDoc.CreateApplicantAsync(new ApplicantRequest(candidate.FullName, string.Empty, candidate.Email, null, candidate.StaffNumber), cancellationToken);
        var check = await veriDoc.CreateCheckAsync(new CheckRequest(applicant.Id, new[] { "document", "facial_similarity_photo", "right_to_work" }), cancellationToken);
        using var span = source.StartRideridvVerify(check.Id, options.Vendor).SetRideridvScheme("driver-onboarding"); // clean generated-api
        span.SetRideridvRiderId(pseudonymizer.PseudonymizeRideridvRiderId(candidate.StaffNumber)); // clean generated-api
        span.SetRideridvNote($"categories {string.Join("/", licenceCategories)}, {penaltyPoints} points"); // clean generated-api
        logger.LogInformation("Driver candidate {Candidate} sent to vendor as {ApplicantId}", candidate.FullName, applicant.Id); // leak TC1001 direct

        if (penaltyPoints >= 6)
        {
            var task = await queue.EnqueueAsync(new ReviewTask(Guid.NewGuid().ToString("N"), "licensing", check.Id, applicant.Id, $"Driver {candidate.StaffNumber}: {penaltyPoints} points", DateTimeOffset.UtcNow.AddDays(3)), cancellationToken);
            logger.LogInformation("Licence review task {TaskId} in {Queue}", task.Id, task.Queue); // clean precision-names
            span.SetRideridvReviewQueue(task.Queue).SetRideridvNote(task.Subject); // leak TC1001 generated-api
            return false;
        }

        logger.LogInformation("Candidate contact for training invite: {Mobile}", candidate.Mobile); // leak TC1001 direct
        span.SetRideridvOutcome("submitted"); // clean generated-api
        return true;
    }
}
