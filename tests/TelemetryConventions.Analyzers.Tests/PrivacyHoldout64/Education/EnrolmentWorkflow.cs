namespace PrivacyHoldout64.Education;

public sealed record Learner(
    string StudentNumber,
    string PreferredName,
    string FamilyName,
    DateOnly DateOfBirth,
    string? GuardianEmail,
    IReadOnlyList<string> Qualifications);

public sealed record EnrolmentRequest(Learner Learner, string CourseCode, string Term);

public sealed record Enrolment(string EnrolmentId, string StudentNumber, string CourseCode, string Term, bool Waitlisted);

/// <summary>Why an enrolment was refused; the code is the stable part, the case records print their members.</summary>
public abstract record EnrolmentRefusal(string Code)
{
    public sealed record MissingPrerequisite(string StudentNumber, string Prerequisite) : EnrolmentRefusal("prerequisite");

    public sealed record Underage(int Age) : EnrolmentRefusal("underage");

    public sealed record CourseFull(string CourseCode, int Capacity) : EnrolmentRefusal("full");

    public sealed record AlreadyEnrolled(Enrolment Existing) : EnrolmentRefusal("duplicate");
}

public interface ICourseCatalogue
{
    Option<string> Prerequisite(string courseCode);
}

public interface IEnrolmentStore
{
    Task<Result<Enrolment, EnrolmentRefusal>> EnrolAsync(string studentNumber, string courseCode, string term, CancellationToken cancellationToken);
}

public sealed class EnrolmentWorkflow(
    ICourseCatalogue catalogue,
    IEnrolmentStore store,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TimeProvider clock,
    ILogger<EnrolmentWorkflow> logger)
{
    public async Task<Result<Enrolment, EnrolmentRefusal>> EnrolAsync(EnrolmentRequest request, CancellationToken cancellationToken)
    {
        var (learner, course, term) = request;
        using var span = source.StartEnrolmentDecide(course); // clean generated-api
        span.SetEnrolmentStudentId(pseudonymizer.PseudonymizeEnrolmentStudentId(learner.StudentNumber)).SetEnrolmentTerm(term); // clean precision-pseudonym

        var campus = learner.StudentNumber switch
        {
            [var first, var second, ..] when char.IsLetter(first) => $"{first}{second}",
            _ => "main",
        };
        span.SetEnrolmentNote($"campus {campus}"); // clean precision-about

        var learnerRef = Option.Some(learner.StudentNumber).Map(pseudonymizer.ComputeEnrolmentStudentId);
        logger.LogInformation("Deciding enrolment of {LearnerRef} on {Course}", learnerRef, course); // clean precision-pseudonym

        var guardianDomain = learner.GuardianEmail.ToOption().Map(email => email[(email.IndexOf('@') + 1)..]);
        logger.LogDebug("Guardian contact domain {Domain}", guardianDomain); // clean precision-about
        learner.GuardianEmail.ToOption()
            .Tap(email => Activity.Current?.SetTag(EnrolmentAttributes.GuardianContact, pseudonymizer.Pseudonymize("guardian", email))); // leak TC1001 precision-pseudonym

        var result = await Result<Learner, EnrolmentRefusal>.Ok(learner)
            .Ensure(l => AgeOn(l.DateOfBirth) >= 16, l => new EnrolmentRefusal.Underage(AgeOn(l.DateOfBirth)))
            .Bind(l => catalogue.Prerequisite(course).Match<Result<Learner, EnrolmentRefusal>>(
                prerequisite => l.Qualifications.Contains(prerequisite) ? l : new EnrolmentRefusal.MissingPrerequisite(l.StudentNumber, prerequisite),
                () => l))
            .BindAsync(l => store.EnrolAsync(l.StudentNumber, course, term, cancellationToken));

        result.Switch(
            enrolment => logger.LogInformation("Enrolment {EnrolmentId} on {Course}, waitlisted: {Waitlisted}", enrolment.EnrolmentId, enrolment.CourseCode, enrolment.Waitlisted), // clean direct
            refusal => logger.LogEnrolmentRefusedEvent(course, $"refused:{refusal.Code}", pseudonymizer.PseudonymizeEnrolmentStudentId(learner.StudentNumber), NoteFor(refusal))); // leak TC1001 generated-api

        span.SetEnrolmentOutcome(result.Match(e => e.Waitlisted ? "waitlisted" : "enrolled", r => $"refused:{r.Code}")); // clean generated-api
        span.SetEnrolmentStage(result.Match(_ => EnrolmentStage.Confirmation, r => r is EnrolmentRefusal.CourseFull ? EnrolmentStage.Capacity : EnrolmentStage.Eligibility)); // clean generated-api
        meter.CreateEnrolmentDecisionsCounter().Add(1, course, result.ToString()); // leak TC1003 logging-objects
        return result;
    }

    private int AgeOn(DateOnly dateOfBirth)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var age = today.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > today ? age - 1 : age;
    }

    private static string NoteFor(EnrolmentRefusal refusal) => refusal switch
    {
        EnrolmentRefusal.MissingPrerequisite(var studentNumber, var prerequisite) => $"{studentNumber} lacks {prerequisite}",
        EnrolmentRefusal.Underage(var age) => $"applicant is {age}",
        EnrolmentRefusal.CourseFull(var code, var capacity) => $"{code} full at {capacity}",
        EnrolmentRefusal.AlreadyEnrolled { Existing.EnrolmentId: var existing } => $"already enrolled as {existing}",
        _ => refusal.Code,
    };
}

/// <summary>Re-runs refused enrolments once a term's capacity changes.</summary>
public sealed class WaitlistSweep(IEnrolmentStore store, ILogger<WaitlistSweep> logger)
{
    public async Task SweepAsync(IReadOnlyList<EnrolmentRequest> waiting, string term, CancellationToken cancellationToken)
    {
        var outcomes = new List<(EnrolmentRequest Request, Result<Enrolment, EnrolmentRefusal> Result)>();
        foreach (var request in waiting)
        {
            outcomes.Add((request, await store.EnrolAsync(request.Learner.StudentNumber, request.CourseCode, term, cancellationToken)));
        }

        var byCourse = outcomes.GroupBy(o => o.Request.CourseCode).ToDictionary(g => g.Key, g => g.Count(o => o.Result.IsSuccess));
        logger.LogInformation("Waitlist sweep for {Term}: places by course {Places}", term, byCourse); // clean precision-about

        var stillRefused = outcomes.Where(o => o.Result.IsFailure).Select(o => (o.Request.Learner.StudentNumber, o.Result.Error.Code)).ToList();
        logger.LogInformation("Still refused: {Refused}", stillRefused); // leak TC1001 logging-objects
        logger.LogInformation("Still refused by reason: {Reasons}", stillRefused.CountBy(r => r.Code)); // clean precision-about

        foreach (var (request, result) in outcomes)
        {
            if (result is { IsFailure: true, Error: EnrolmentRefusal.AlreadyEnrolled { Existing: var existing } })
            {
                logger.LogDebug("Duplicate waitlist entry {Existing}", existing); // leak TC1001 logging-objects
                logger.LogDebug("Duplicate waitlist entry for enrolment {EnrolmentId}", existing.EnrolmentId); // clean direct
            }
        }
    }
}
