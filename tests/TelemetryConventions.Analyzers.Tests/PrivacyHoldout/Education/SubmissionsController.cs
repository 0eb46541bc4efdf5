using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Support;
using PrivacyHoldout.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout.Education;

public sealed record AnswerDto(int QuestionNumber, string Text);

public sealed record SubmitExamCommand(string PaperCode, IReadOnlyList<AnswerDto> Answers, DateTimeOffset ClientClosedAt);

public sealed record Candidate(string StudentNumber, string DisplayName, string UniversityEmail, bool ExtraTime);

public interface ICandidateDirectory
{
    Task<Candidate?> FindAsync(string studentNumber, CancellationToken cancellationToken);
}

public interface IExamWindows
{
    bool IsOpen(string paperCode, DateTimeOffset at, bool extraTime);
}

[ApiController]
[Route("api/exams")]
public sealed class SubmissionsController(
    ICandidateDirectory candidates,
    IExamWindows windows,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<SubmissionsController> logger) : ClaimsControllerBase
{
    [HttpPost("{paperCode}/submissions")]
    public async Task<ActionResult> Submit([FromBody] SubmitExamCommand command, CancellationToken cancellationToken)
    {
        var studentNumber = User.FindFirstValue("student_number") ?? User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (studentNumber is null)
        {
            return BadRequest("no student number claim");
        }

        var candidate = await candidates.FindAsync(studentNumber, cancellationToken);
        if (candidate is null)
        {
            logger.LogWarning("Submission for {PaperCode} from unknown student {StudentNumber}", command.PaperCode, studentNumber); // leak TC1001 direct
            return NotFound();
        }

        var candidateId = pseudonymizer.PseudonymizeExamCandidateId(candidate.StudentNumber);
        var span = Activity.Current.EnrichExamSubmission(candidateId) // clean generated-api
            .SetExamPaperCode(command.PaperCode) // clean generated-api
            .SetExamAnswerCount(command.Answers.Count); // clean precision-about

        var emailDomain = candidate.UniversityEmail[(candidate.UniversityEmail.IndexOf('@') + 1)..];
        Activity.Current?.SetTag("exam.candidate.email_domain", emailDomain); // clean precision-about
        Activity.Current?.SetTag("exam.candidate.extra_time", candidate.ExtraTime); // clean precision-about
        Activity.Current?.SetTag("exam.candidate.display_name_length", candidate.DisplayName.Length); // clean precision-about

        var late = !windows.IsOpen(command.PaperCode, command.ClientClosedAt, candidate.ExtraTime);
        if (late)
        {
            logger.LogExamSubmissionLateEvent(candidateId, examPaperCode: command.PaperCode, examSubmissionNote: $"closed at {command.ClientClosedAt:O}"); // clean generated-api
            span.SetExamSubmissionNote($"late submission by {candidate.DisplayName}"); // leak TC1001 generated-api
        }

        meter.CreateExamSubmissionsCounter().Add(1, examPaperCode: command.PaperCode); // clean generated-api
        using (logger.BeginScope(new Dictionary<string, object> { ["PaperCode"] = command.PaperCode, ["Candidate"] = candidate.UniversityEmail })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Stored {AnswerCount} answers", command.Answers.Count);
        }

        logger.LogInformation("Submission received {@Candidate}", candidate); // leak TC1001 logging-objects
        logger.LogInformation("Submission received {@Submission}", new { command.PaperCode, Answers = command.Answers.Count, Late = late }); // clean logging-objects
        return Ok(new { received = true });
    }

    [HttpGet("{paperCode}/roster")]
    public async Task<ActionResult> Roster(string paperCode, [FromBody] string[] studentNumbers, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope("Roster for {PaperCode}", paperCode); // clean precision-names
        var found = new List<Candidate>();
        foreach (var number in studentNumbers)
        {
            if (await candidates.FindAsync(number, cancellationToken) is { } candidate)
            {
                found.Add(candidate);
            }
        }
        var missing = studentNumbers.Except(found.Select(c => c.StudentNumber)).ToList();
        Activity.Current?.SetTag("exam.roster.missing", string.Join(";", missing)); // leak TC1001 strings
        Activity.Current?.SetTag("exam.roster.missing_count", missing.Count); // clean precision-about
        logger.LogInformation("Roster has {Found} of {Requested} candidates", found.Count, studentNumbers.Length); // clean precision-about
        return Ok(found.Select(c => c.DisplayName));
    }
}
