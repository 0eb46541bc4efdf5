namespace PrivacyHoldout176.Education;

/// <summary>The language school's placement test: learners submit a written answer, the engine scores it and places them.</summary>
public static class PlacementTestEndpoints
{
    private static readonly ActivitySource Source = new("LanguageSchool.Placement");
    private static readonly Meter Meter = new("LanguageSchool.Placement");
    private static readonly Histogram<int> Scores = Meter.CreateHistogram<int>("placement.score");
    private static readonly Counter<long> Placed = Meter.CreateCounter<long>("placement.placed");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/placement/{testId}", SubmitAsync);
        routes.MapGet("/placement/{testId}/learners/{learnerId}", ResultAsync);
    }

    private static async Task<ActionResult> SubmitAsync(string testId, PlacementSubmission submission, ILearnerStore store, Pseudonymizer pseudonymizer, ILogger<PlacementSubmission> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("Placement.Submit");
        activity?.SetTag("placement.test_id", testId); // clean precision-names
        activity?.SetTag("placement.learner_id", submission.LearnerId); // leak TC1001 direct
        activity?.SetTag("placement.answer_length", submission.WrittenAnswer.Length); // clean precision-about
        logger.LogDebug("Answer received: {Answer}", submission.WrittenAnswer); // leak TC1001 direct
        logger.LogInformation("Submission {@Submission}", submission); // leak TC1001 logging-objects

        var learner = await store.FindAsync(submission.LearnerId, cancellationToken);
        if (learner is null)
        {
            var notFound = new LearnerNotFoundException(submission.LearnerId);
            activity?.AddException(notFound); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "learner not enrolled"); // clean exceptions
            return NotFoundResultFor(testId);
        }

        var level = submission.RawScore switch { >= 80 => "C1", >= 60 => "B2", >= 40 => "B1", >= 20 => "A2", _ => "A1" };
        var result = new PlacementResult(testId, submission.Language, submission.RawScore, level);
        await store.SaveAsync(result, submission.LearnerId, cancellationToken);

        logger.LogInformation("Placed {Result}", result); // clean logging-objects
        logger.LogInformation("Placed " + learner.FullName + " at " + level); // leak TC1001 strings
        logger.LogInformation(string.Format(CultureInfo.InvariantCulture, "Placed {0} at {1}", learner.Email, level)); // leak TC1001 strings
        logger.LogInformation($"Placed a {learner.FirstLanguage} speaker at {level} in {submission.Language}"); // clean strings
        Scores.Record(submission.RawScore, new KeyValuePair<string, object?>("language", submission.Language), new KeyValuePair<string, object?>("level", level)); // clean precision-about
        Placed.Add(1, new KeyValuePair<string, object?>("learner", pseudonymizer.Compute("learner", submission.LearnerId))); // leak TC1003 precision-pseudonym
        Placed.Add(1, new KeyValuePair<string, object?>("learner.email", learner.Email)); // leak TC1003 direct
        activity?.SetTag("learner.ref", pseudonymizer.PseudonymizeLangschoolLearnerId(submission.LearnerId).Value); // clean precision-pseudonym
        return new OkResult(result);
    }

    private static async Task<ActionResult> ResultAsync(string testId, string learnerId, ILearnerStore store, ILogger<PlacementSubmission> logger, CancellationToken cancellationToken)
    {
        var learner = await store.FindAsync(learnerId, cancellationToken);
        logger.LogInformation("Result for {LearnerId} on {TestId} looked up", learnerId, testId); // leak TC1001 direct
        logger.LogInformation("Result lookup on {TestId}: found={Found}", testId, learner is not null); // clean precision-about
        return learner is null ? new NotFoundResult(null) : new OkResult(learner.Level);
    }

    private static ActionResult NotFoundResultFor(string testId) => new NotFoundResult($"No learner for test {testId}");
}
