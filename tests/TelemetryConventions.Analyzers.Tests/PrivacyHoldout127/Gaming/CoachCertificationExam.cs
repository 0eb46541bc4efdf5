namespace PrivacyHoldout127.Gaming;

public sealed record ExamSubmission(Guid PlayerId, string Gamertag, string ExamId, string Title, IReadOnlyDictionary<string, string> Answers, IReadOnlyList<ProctoringFlag> Flags);

/// <summary>The esports coach certification: a proctored online exam; a pass puts the coach's gamertag on the public directory.</summary>
public sealed class CoachCertificationExam(IAssessmentEngine engine, ICertificateIssuer issuer, Pseudonymizer pseudonymizer, ILogger<CoachCertificationExam> logger)
{
    private static readonly ActivitySource Source = new("Studio.Academy.Coaching");

    public async Task SubmitAsync(ExamSubmission submission, CancellationToken ct)
    {
        using var span = Source.StartAcademyRecord(submission.ExamId, spanName: "academy.coach.exam")
            .SetAcademyTitle(submission.Title) // clean precision-names
            .SetAcademyPlayerId(pseudonymizer.PseudonymizeAcademyPlayerId(submission.PlayerId.ToString()));
        span.Activity?.SetTag("academy.exam.answers", submission.Answers.Count); // clean precision-about
        span.Activity?.SetTag("academy.exam.flags", string.Join(",", submission.Flags.Select(f => f.Kind))); // clean precision-names
        logger.LogInformation("Proctoring flags {Flags}", submission.Flags); // clean logging-objects
        logger.LogWarning("Flagged attempt by {Gamertag}: {Flags}", submission.Gamertag, submission.Flags.Count); // leak TC1001 direct
        span.Activity?.SetTag("academy.player", submission.PlayerId); // leak TC1001 direct

        try
        {
            var attempt = await engine.SubmitAsync(submission.ExamId, submission.PlayerId.ToString(), submission.Answers, ct);
            span.SetAcademyAttempt(attempt.AttemptNumber).SetAcademyScore(attempt.ScaledScore); // clean precision-about
            if (attempt.Passed)
            {
                var certificate = await issuer.IssueAsync(submission.ExamId, submission.Gamertag, string.Empty, new CertificateTemplate("tpl-coach", "Certified Coach", "en", 1), ct);
                span.SetAcademyCertificateRef($"coach:{certificate.CertificateNumber}"); // leak TC1001 generated-api
                span.SetAcademyNote($"directory listing for {submission.Gamertag}"); // leak TC1001 generated-api
            }
            logger.LogInformation("Exam {ExamId} attempt {AttemptId} passed={Passed}", attempt.AssessmentId, attempt.AttemptId, attempt.Passed); // clean precision-names
        }
        catch (CandidateNotEligibleException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Reason); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
        }
    }
}
