namespace PrivacyHoldout176.Education;

/// <summary>Moves learners from a course's waitlist into freed seats.</summary>
public sealed class CourseWaitlistHandler(ILearnerStore store, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<CourseWaitlistHandler> logger)
{
    private static readonly ActivitySource Source = new("LanguageSchool.Waitlist");
    private static readonly Meter Meter = new("LanguageSchool.Waitlist");
    private readonly LangschoolOperationsCounter _operations = Meter.CreateLangschoolOperationsCounter();

    public async Task PromoteAsync(string courseCode, IReadOnlyList<string> waitlistedLearnerIds, int seats, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("Waitlist.Promote");
        activity?.SetTag("course.code", courseCode); // clean precision-names
        activity?.SetTag("waitlist.length", waitlistedLearnerIds.Count); // clean precision-about
        activity?.SetTag("waitlist.learners", string.Join(",", waitlistedLearnerIds)); // leak TC1001 strings

        foreach (var learnerId in waitlistedLearnerIds.Take(seats))
        {
            var learner = await store.FindAsync(learnerId, cancellationToken);
            if (learner is null)
            {
                continue;
            }

            var sb = new StringBuilder("Promoted ").Append(learner.FullName).Append(" to ").Append(courseCode);
            logger.LogInformation(sb.ToString()); // leak TC1001 strings
            logger.LogInformation("Promoted a learner at level {Level} to {Course}", learner.Level, courseCode); // clean precision-about
            activity?.AddEvent(new ActivityEvent("waitlist.promoted", tags: new ActivityTagsCollection { ["learner.ref"] = pseudonymizer.Compute("learner", learnerId) })); // clean precision-pseudonym
            activity?.SetTag("learner.bucket", KeyedBucket(learnerId)); // clean hashes
            activity?.SetTag("learner.hash", learnerId.GetHashCode()); // leak TC1002 hashes
            activity?.SetTag("learner.md5", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(learner.Email)))); // leak TC1002 hashes
            _operations.Add(1, "waitlist", "promoted"); // clean generated-api
        }

        if (waitlistedLearnerIds.Count > seats)
        {
            var ex = new CourseFullException(courseCode, seats);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Course full"); // clean exceptions
            var last = waitlistedLearnerIds[^1];
            logger.LogInformation("Still waiting: {Last}", last); // leak TC1001 direct
        }
    }

    public void Enrol(Learner learner, string courseCode, bool alreadyPlaced)
    {
        using var activity = Source.StartActivity("Waitlist.Enrol");
        try
        {
            if (alreadyPlaced)
            {
                throw new AlreadyPlacedException(learner.Email);
            }
        }
        catch (AlreadyPlacedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
            logger.LogWarning("Enrolment refused: {Message}", ex.Message); // leak TC1001 exceptions
        }

        var profile = new LearnerProfile { LearnerId = learner.LearnerId, DisplayName = learner.FullName, Email = learner.Email, Level = learner.Level };
        logger.LogInformation("Enrolling {Profile} on {Course}", profile, courseCode); // clean logging-objects
        logger.LogInformation("Enrolling a learner from {Domain}", profile.EmailDomain); // clean precision-about
        logger.LogInformation("Enrolling {Name}", profile.DisplayName); // leak TC1001 direct
        activity?.SetTag("learner.label", LabelFor(learner)); // leak TC1001 cross-member
        activity?.SetTag("learner.level", learner.Level); // clean precision-about
    }

    private static string LabelFor(Learner learner) => $"{learner.FullName} <{learner.Email}>";

    private string KeyedBucket(string learnerId)
    {
        using var hmac = new HMACSHA256(secrets.ShardKey);
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(learnerId)))[..4];
    }
}
