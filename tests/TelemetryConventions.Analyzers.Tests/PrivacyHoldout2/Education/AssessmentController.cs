using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Claims;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout.Support;
using PrivacyHoldout2.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout2.Education;

public sealed record SubmitAssessmentRequest(Guid AssessmentId, string StudentNumber, IReadOnlyList<string> Answers, string? GuardianPhone);

public sealed record Learner(string StudentNumber, string DisplayName, string Email, string? GuardianPhone, int YearGroup);

public interface ILearnerDirectory
{
    Task<Learner?> FindAsync(string studentNumber, CancellationToken cancellationToken);
}

[ApiController]
[Route("api/assessments")]
public sealed class AssessmentController(ILogger<AssessmentController> logger, ILearnerDirectory directory, Pseudonymizer pseudonymizer) : ClaimsControllerBase
{
    private static readonly ActivitySource Source = new("Lms.Assessments");

    [HttpPost("submit")]
    public async Task<ActionResult> Submit([FromBody] SubmitAssessmentRequest request, CancellationToken cancellationToken)
    {
        var studentNumber = User.FindFirstValue("student_number") ?? request.StudentNumber;
        var learnerPseudonym = pseudonymizer.PseudonymizeLmsLearnerId(studentNumber);

        using var span = Source.StartLmsAssessment(learnerPseudonym); // clean precision-pseudonym
        span.SetLmsQuestionCount(request.Answers.Count); // clean precision-about
        span.SetLmsAssessmentId(request.AssessmentId.ToString()); // clean precision-names
        Activity.Current?.SetTag(LmsAttributes.GuardianPhone, request.GuardianPhone); // leak TC1001 generated-api

        var learner = await directory.FindAsync(studentNumber, cancellationToken);
        if (learner is null)
        {
            logger.LogWarning("No learner record for {StudentNumber}", studentNumber); // leak TC1001 direct
            return NotFound();
        }

        var (number, name, _, _, yearGroup) = learner;
        Activity.Current?.SetTag("lms.learner.year_group", yearGroup); // clean precision-about
        Activity.Current?.SetTag("lms.learner.name", name); // leak TC1001 cross-member

        var answered = request.Answers.Count(a => !string.IsNullOrWhiteSpace(a));
        logger.LogInformation("Assessment {AssessmentId} submitted: {Answered}/{Total} answered, learner {Learner}", request.AssessmentId, answered, request.Answers.Count, learnerPseudonym); // clean precision-pseudonym
        logger.LogInformation("Assessment {AssessmentId} submitted by " + number, request.AssessmentId); // leak TC1001 strings

        var builder = new StringBuilder();
        builder.Append("submitted:").Append(request.AssessmentId).Append(':').Append(learner.Email);
        span.AddLmsAssessmentFlaggedEvent(builder.ToString()); // leak TC1001 strings

        return Ok(new { answered });
    }

    [HttpPost("{assessmentId}/late")]
    public ActionResult Late(Guid assessmentId, [FromBody] IReadOnlyList<Learner> learners)
    {
        var lateNames = learners.Where(l => l.YearGroup > 9).Select(l => l.DisplayName).Aggregate(string.Empty, (all, next) => all + ";" + next);
        Activity.Current?.AddEvent(new ActivityEvent("lms.late", tags: new ActivityTagsCollection { ["assessment.id"] = assessmentId, ["learners"] = lateNames })); // leak TC1001 strings
        Activity.Current?.AddEvent(new ActivityEvent("lms.late.count", tags: new ActivityTagsCollection { ["assessment.id"] = assessmentId, ["learner.count"] = learners.Count })); // clean precision-about
        return Ok();
    }
}
