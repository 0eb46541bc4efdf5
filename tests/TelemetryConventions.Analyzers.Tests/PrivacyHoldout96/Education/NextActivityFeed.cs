namespace PrivacyHoldout96.Education;

/// <summary>A student as the VLE knows them.</summary>
public sealed record Student(string StudentNumber, string PreferredName, string Email, int YearGroup, string TutorGroup);

/// <summary>The VLE dashboard's "next up" feed: activities ranked for a student under the diversity experiment.</summary>
public sealed class NextActivityFeed(
    IExperimentClient experiments,
    IExposureSink exposures,
    IFeatureStore features,
    IRanker ranker,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<NextActivityFeed> logger)
{
    private static readonly ActivitySource Source = new("Vle.NextActivity");
    private readonly CoursefindFeedDurationHistogram _duration = meter.CreateCoursefindFeedDurationHistogram();
    private readonly Counter<long> _exposures = meter.CreateCounter<long>("vle.feed.exposures");
    private Student? _lastColdStart;
    private int _coldStarts;

    public async Task<IReadOnlyList<RankedItem>> BuildAsync(Student student, string slot, IReadOnlyList<Candidate> activities, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartCoursefindFeed(slot);
        var pseudonym = pseudonymizer.PseudonymizeCoursefindStudentId(student.StudentNumber);
        span.SetCoursefindStudentId(pseudonym); // clean precision-pseudonym

        var user = new ExperimentUser(student.StudentNumber);
        user.Attributes["year_group"] = student.YearGroup;
        var variation = experiments.Decide("next-activity-diversity", user);
        exposures.Record(new ExposureRecord(variation.ExperimentKey, variation.VariationKey, student.StudentNumber, "student", DateTimeOffset.UtcNow));
        logger.LogCoursefindExposureEvent(variation.ExperimentKey, variation.VariationKey, pseudonym, slot); // clean generated-api
        logger.LogCoursefindExposureEvent(variation.ExperimentKey, variation.VariationKey, coursefindNote: $"unit {student.StudentNumber} in {student.TutorGroup}"); // leak TC1001 generated-api
        logger.LogDebug("Decision reasons {Reasons}", experiments.Reasons("next-activity-diversity", user)); // leak TC1001 logging-objects
        _exposures.Add(1, new KeyValuePair<string, object?>("experiment", variation.ExperimentKey), new KeyValuePair<string, object?>("variant", variation.VariationKey)); // clean precision-names
        span.SetCoursefindExperiment(variation.ExperimentKey); // clean precision-names
        span.SetCoursefindVariant(variation.VariationKey);
        Activity.Current?.SetBaggage("exp.next-activity-diversity", variation.VariationKey); // clean precision-names

        var row = await features.GetAsync("student_progress_v3", student.StudentNumber, cancellationToken);
        span.Activity?.SetTag("vle.feed.features", row.Values.Count); // clean precision-about
        span.Activity?.SetTag("vle.feed.entity", row.EntityKey); // leak TC1001 cross-member
        logger.LogDebug("Progress features {Values}", row.Values); // clean logging-objects

        var context = new Dictionary<string, string>
        {
            ["year_group"] = student.YearGroup.ToString(CultureInfo.InvariantCulture),
            ["tutor_group"] = student.TutorGroup,
            ["variant"] = variation.VariationKey,
        };
        logger.LogDebug("Ranking context {Context}", context); // clean logging-objects
        var ranked = await ranker.RerankAsync(new RerankRequest(ranker.ModelName, context, activities), cancellationToken);
        span.SetCoursefindResultCount(ranked.Count);
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, slot, variation.VariationKey); // clean generated-api

        if (ranked.Count == 0)
        {
            span.SetCoursefindNote($"nothing to suggest for {student.PreferredName}"); // leak TC1001 generated-api
            span.Activity?.SetTag(CoursefindAttributes.StudentContact, student.Email); // leak TC1001 generated-api
            _lastColdStart = student;
            _coldStarts++;
        }
        logger.LogInformation("Feed for {Name} (year {Year}): {Activities}", student.PreferredName, student.YearGroup, string.Join(",", ranked.Select(r => r.ItemId))); // leak TC1001 direct
        logger.LogInformation("Feed for year {Year}, tutor group {TutorGroup}: {Count} activities", student.YearGroup, student.TutorGroup, ranked.Count); // clean precision-about
        return ranked;
    }

    public void ReportColdStarts()
    {
        logger.LogInformation("{ColdStarts} cold starts since the last report", _coldStarts); // clean cross-member
        if (_lastColdStart is { } last)
        {
            logger.LogInformation("Latest cold start {StudentNumber} in {TutorGroup}", last.StudentNumber, last.TutorGroup); // leak TC1001 cross-member
        }
        _coldStarts = 0;
    }
}
