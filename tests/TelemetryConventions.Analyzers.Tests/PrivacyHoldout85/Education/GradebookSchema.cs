namespace PrivacyHoldout85.Education;

public sealed record Student(string StudentNumber, string DisplayName, string TutorGroup, int YearGroup, string? GuardianEmail);

public sealed record Grade(Guid GradeId, string StudentNumber, string CourseCode, string AssessmentCode, decimal Mark, string? TeacherComment);

public sealed record SubmitAssignmentInput(string StudentNumber, string AssignmentId, string AnswerText, IReadOnlyList<string> AttachmentNames);

public interface IStudentDirectory
{
    Task<IReadOnlyList<Student>> ByNumbersAsync(IReadOnlyList<string> studentNumbers, CancellationToken cancellationToken);

    Task<IReadOnlyList<Grade>> GradesAsync(string studentNumber, string courseCode, CancellationToken cancellationToken);

    Task SaveSubmissionAsync(SubmitAssignmentInput input, CancellationToken cancellationToken);
}

public sealed class StudentByNumberDataLoader(IStudentDirectory directory, ILogger<StudentByNumberDataLoader> logger, IBatchScheduler scheduler)
    : BatchDataLoader<string, Student>(scheduler, new DataLoaderOptions())
{
    private string[] _lastMissing = [];

    protected override async Task<IReadOnlyDictionary<string, Student>> LoadBatchAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var students = await directory.ByNumbersAsync(keys, cancellationToken);
        var found = students.ToDictionary(s => s.StudentNumber);
        _lastMissing = keys.Where(k => !found.ContainsKey(k)).ToArray();
        logger.LogDebug("{Loader} loaded {Found} of {Requested} students", Name, found.Count, keys.Count); // clean precision-about
        if (_lastMissing.Length > 0)
        {
            ReportMissing();
        }

        return found;
    }

    private void ReportMissing()
    {
        logger.LogWarning("Students not in the MIS: {Missing}", _lastMissing); // leak TC1001 cross-member
        Activity.Current?.SetTag("learn.dataloader.missing", _lastMissing.Length); // clean precision-about
    }
}

[QueryType]
public sealed class GradebookQueries(IStudentDirectory directory, Pseudonymizer pseudonymizer, ILogger<GradebookQueries> logger)
{
    [Authorize(Policy = "TeacherOrGuardianOfStudent")]
    [Cost(5)]
    public async Task<IReadOnlyList<Grade>> GetGradesAsync(string studentNumber, string courseCode, StudentByNumberDataLoader students, IResolverContext context)
    {
        Activity.Current?.SetTag("learn.course.code", courseCode); // clean precision-about
        Activity.Current.EnrichLearngqlOperation(context.Operation.Name).SetLearngqlStudentId(pseudonymizer.PseudonymizeLearngqlStudentId(studentNumber)); // clean precision-pseudonym
        var student = await students.LoadAsync(studentNumber, context.RequestAborted);
        if (student is null)
        {
            throw new GraphQLException(ErrorBuilder.New().SetMessage($"Student {studentNumber} is not on roll.").SetCode(ErrorCodes.NotFound).Build());
        }

        logger.LogDebug("Grades for tutor group {TutorGroup}, year {Year}", student.TutorGroup, student.YearGroup); // clean precision-about
        logger.LogTrace("Student resolved: {Student}", student); // leak TC1001 logging-objects
        Activity.Current?.SetTag("learn.student.has_guardian_email", student.GuardianEmail is not null); // clean precision-about
        Activity.Current?.SetTag(LearngqlAttributes.StudentContact, student.GuardianEmail); // leak TC1001 generated-api
        var grades = await directory.GradesAsync(studentNumber, courseCode, context.RequestAborted);
        Activity.Current?.AddEvent(new ActivityEvent("learn.grades.loaded", tags: new ActivityTagsCollection { ["count"] = grades.Count, ["assessments"] = string.Join(",", grades.Select(g => g.AssessmentCode)) })); // clean precision-about
        foreach (var grade in grades.Where(g => g.TeacherComment is { Length: > 500 }))
        {
            logger.LogInformation("Long teacher comment on {GradeId}: {Comment}", grade.GradeId, grade.TeacherComment); // leak TC1001 direct
        }

        return grades;
    }
}

[MutationType]
public sealed class SubmissionMutations(IStudentDirectory directory, ILogger<SubmissionMutations> logger, Pseudonymizer pseudonymizer)
{
    public async Task<bool> SubmitAssignmentAsync(SubmitAssignmentInput input, IResolverContext context)
    {
        using var scope = logger.BeginScope("Submission {AssignmentId} by {Student}", input.AssignmentId, input.StudentNumber); // leak TC1001 direct
        logger.LogInformation("Submission of {Length} characters with attachments {Attachments}", input.AnswerText.Length, input.AttachmentNames); // clean precision-about
        Activity.Current?.SetTag("learn.submission.answer_preview", input.AnswerText[..Math.Min(80, input.AnswerText.Length)]); // leak TC1001 strings
        logger.LogLearngqlResolverFailedEvent("Mutation.submitAssignment", "LATE", learngqlStudentId: pseudonymizer.PseudonymizeLearngqlStudentId(input.StudentNumber), learngqlNote: $"late by student {input.StudentNumber}"); // leak TC1001 generated-api
        await directory.SaveSubmissionAsync(input, context.RequestAborted);
        return true;
    }
}
