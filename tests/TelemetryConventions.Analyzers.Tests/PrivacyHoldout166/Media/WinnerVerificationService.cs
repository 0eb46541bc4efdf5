namespace PrivacyHoldout166.Media;

public sealed record WinnerCheck(string EntryId, string CallerNumber, string EntrantName, DateOnly DateOfBirth, string Email, string ProducerStaffId);

/// <summary>Before a prize is announced, the producer checks the winner's age and identity and that they are not staff.</summary>
public sealed class WinnerVerificationService(
    IIdentityVerifier verifier,
    IExclusionRegister exclusions,
    Pseudonymizer pseudonymizer,
    ILogger<WinnerVerificationService> logger)
{
    private static readonly ActivitySource Source = new("QuizLine.Winners");

    public async Task<bool> VerifyAsync(WinnerCheck check, string showId, CancellationToken cancellationToken)
    {
        using var span = Source.StartQuizlineOperation(showId);
        span.SetQuizlineProducerId(pseudonymizer.PseudonymizeQuizlineProducerId(check.ProducerStaffId)); // clean generated-api
        span.SetQuizlineEntrantId(pseudonymizer.PseudonymizeQuizlineEntrantId(check.CallerNumber)); // clean generated-api
        span.SetQuizlineNote("winner check"); // clean generated-api

        var age = await verifier.AgeAsync(check.EntrantName, check.DateOfBirth, "", cancellationToken);
        logger.LogInformation("Winner {EntryId} age band {Band}", check.EntryId, age.AgeBand); // clean precision-about
        if (!age.Over18)
        {
            span.SetQuizlineOutcome("under-age"); // clean generated-api
            span.SetQuizlineNote($"winner {check.EntrantName} is under 18"); // leak TC1001 generated-api
            return false;
        }

        try
        {
            var status = await exclusions.CheckAsync(check.Email, check.DateOfBirth, "", cancellationToken);
            logger.LogInformation("Winner exclusion status {Status}", status); // clean logging-objects
            if (status.Code == "Y")
            {
                var ex = new SelfExcludedException(check.Email);
                span.RecordException(ex, "winner is self-excluded"); // clean exceptions
                return false;
            }
        }
        catch (ExclusionSchemeUnavailableException ex)
        {
            logger.LogWarning(ex, "Scheme unavailable, checking by hand"); // clean exceptions
            logger.LogWarning("Check winner {Email} by hand", check.Email); // leak TC1001 direct
        }

        logger.LogInformation("Winner verified by producer {Producer}", check.ProducerStaffId); // leak TC1001 direct
        logger.LogInformation("Winner {Check} verified", check); // leak TC1001 logging-objects
        logger.LogInformation("Winner entry {EntryId} verified on {Show}", check.EntryId, showId); // clean precision-names
        return true;
    }
}
