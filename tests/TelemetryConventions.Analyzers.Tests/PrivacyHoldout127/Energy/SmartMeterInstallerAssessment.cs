namespace PrivacyHoldout127.Energy;

public sealed record InstallObservation(string InstallerNumber, string AssessorNumber, string MeterSerial, string JobId, string CourseCode, double Score, IReadOnlyList<string> FailedCriteria);

/// <summary>Observed installs of smart meter installers in training: an assessor scores an install at a customer's home against the code of practice.</summary>
public sealed class SmartMeterInstallerAssessment(IAssessmentEngine engine, Pseudonymizer pseudonymizer, ILogger<SmartMeterInstallerAssessment> logger)
{
    private static readonly ActivitySource Source = new("Grid.FieldCertification.Observed");

    public async Task RecordAsync(InstallObservation observation, CancellationToken ct)
    {
        using var span = Source.StartFieldcertRecord(observation.CourseCode, spanName: "fieldcert.observed_install")
            .SetFieldcertEngineerId(pseudonymizer.PseudonymizeFieldcertEngineerId(observation.InstallerNumber))
            .SetFieldcertAssessorId(pseudonymizer.PseudonymizeFieldcertAssessorId(observation.AssessorNumber)) // clean precision-pseudonym
            .SetFieldcertScore(observation.Score); // clean precision-about
        span.Activity?.SetTag("fieldcert.job.id", observation.JobId); // clean precision-names
        span.Activity?.SetTag("fieldcert.meter.model", observation.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag("fieldcert.meter.serial", observation.MeterSerial); // leak TC1001 direct
        span.Activity?.SetTag("fieldcert.failed_criteria", string.Join(",", observation.FailedCriteria)); // clean precision-names
        span.SetFieldcertNote($"observed at meter {observation.MeterSerial}"); // leak TC1001 generated-api

        var policy = await engine.GetPolicyAsync(observation.CourseCode, ct);
        logger.LogInformation("Policy {@Policy}", policy); // clean logging-objects
        try
        {
            var attempt = await engine.SubmitAsync(observation.CourseCode, observation.InstallerNumber, observation.FailedCriteria.ToDictionary(c => c, _ => "fail"), ct);
            span.SetFieldcertAttempt(attempt.AttemptNumber).SetFieldcertOutcome(attempt.Passed ? "passed" : "failed"); // clean precision-about
            logger.LogInformation("Attempt {AttemptId} scored {Score} (pass mark {PassMark})", attempt.AttemptId, attempt.ScaledScore, policy.PassMark); // clean precision-about
            logger.LogInformation("Installer {Installer} attempt {Attempt}", attempt.CandidateId, attempt.AttemptNumber); // leak TC1001 cross-member
        }
        catch (AttemptsExhaustedException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogFieldcertRecordFailedEvent(observation.CourseCode, "exhausted", fieldcertNote: ex.Message); // clean generated-api
        }
    }
}
