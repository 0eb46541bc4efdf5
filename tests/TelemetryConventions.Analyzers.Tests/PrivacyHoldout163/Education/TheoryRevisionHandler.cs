namespace PrivacyHoldout163.Education;

/// <summary>A college's theory test revision app: mock tests, progress cards and students' provisional licences.</summary>
public sealed class TheoryRevisionHandler(
    ILessonDiary diary,
    Pseudonymizer pseudonymizer,
    ILogger<TheoryRevisionHandler> logger)
{
    private static readonly ActivitySource Source = new("Driving.Schools.Theory");
    private static readonly Histogram<int> MockScores = new Meter("Driving.Schools.Theory").CreateHistogram<int>("lessons.mock.score");

    public string? StudentEmail { get; private set; }

    public async Task<int> MarkMockAsync(ClaimsUser user, Guid learnerId, int[] answers, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("theory.mock");
        StudentEmail = user.Email;
        activity?.SetTag("enduser.id", user.SubjectId); // leak TC1001 direct
        activity?.SetTag("enduser.authenticated", user.IsAuthenticated); // clean precision-about
        var score = answers.Count(a => a == 1);
        MockScores.Record(score, new KeyValuePair<string, object?>("pass", score >= 43)); // clean precision-about
        MockScores.Record(score, new KeyValuePair<string, object?>("learner", pseudonymizer.ComputeLessonsLearnerId(learnerId.ToString()))); // leak TC1003 precision-pseudonym
        logger.LogInformation("Mock marked: {Score}/50", score); // clean precision-about
        var learner = await diary.LearnerAsync(learnerId, cancellationToken);
        if (learner?.LicenceNumber is null)
        {
            var ex = new ProvisionalMissingException(user.Email ?? "unknown");
            logger.LogWarning(ex, "Provisional missing"); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return score;
        }

        activity?.SetTag("lessons.learner.licence", learner.LicenceNumber); // leak TC1001 direct
        activity?.SetTag("lessons.learner.home", learner.HomeAddress); // leak TC1001 direct
        logger.LogInformation("Mock for {Learner}", pseudonymizer.ComputeLessonsLearnerId(learnerId.ToString())); // clean precision-pseudonym
        return score;
    }

    public void RecordProgress(ProgressCard card)
    {
        Activity.Current?.SetTag("lessons.progress.skills", card.SkillsSignedOff); // clean precision-about
        Activity.Current?.SetTag("lessons.progress.comments", card.InstructorComments); // leak TC1001 direct
        Activity.Current?.SetTag("lessons.progress.comments.length", card.InstructorComments.Length); // clean precision-about
        logger.LogInformation("Progress card {@Card}", card); // leak TC1001 logging-objects
        logger.LogInformation("Progress for the signed-in student {Student}", StudentEmail); // leak TC1001 cross-member
        logger.LogInformation("Signed-in student on file: {HasEmail}", StudentEmail is not null); // clean cross-member
    }
}
