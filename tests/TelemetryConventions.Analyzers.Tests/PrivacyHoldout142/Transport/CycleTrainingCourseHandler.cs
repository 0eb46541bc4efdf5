namespace PrivacyHoldout142.Transport;

/// <summary>A child's place on a cycle training course. Prints name, date of birth, school, the parent's mobile, level, whether they bring their own bike and its frame number.</summary>
public sealed record TrainingPlace(string ChildName, DateOnly DateOfBirth, string School, string ParentMobile, string Level, bool OwnBike, string? BikeFrameNumber);

/// <summary>A course day's result. Prints course, level, passed and failed counts.</summary>
public sealed record CourseDayResult(string CourseId, string Level, int Passed, int Failed);

/// <summary>The cycle training register kept with the council; not telemetry.</summary>
public interface ICourseRegister
{
    Task<IReadOnlyList<TrainingPlace>> PlacesAsync(string courseId, CancellationToken cancellationToken = default);

    Task RecordBadgeAsync(string courseId, string childName, string level, CancellationToken cancellationToken = default);
}

/// <summary>Records the badges of the children's cycle training courses the hubs run for schools.</summary>
public sealed class CycleTrainingCourseHandler(
    ICourseRegister register,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<CycleTrainingCourseHandler> logger)
{
    private readonly Counter<long> _badges = meter.CreateCounter<long>("cyclehub.training.badges", "{badge}");
    private readonly List<TrainingPlace> _needLoanBike = [];

    public async Task CompleteDayAsync(string courseId, string instructorStaffId, IReadOnlyDictionary<string, bool> passedByChild, CancellationToken cancellationToken)
    {
        using var span = source.StartCyclehubOperation("schools-training");
        span.SetCyclehubInstructorId(pseudonymizer.PseudonymizeCyclehubInstructorId(instructorStaffId)).SetCyclehubCourse(courseId); // clean generated-api
        Activity.Current?.SetTag("cyclehub.instructor", instructorStaffId); // leak TC1001 direct
        var places = await register.PlacesAsync(courseId, cancellationToken);
        foreach (var place in places)
        {
            if (passedByChild.TryGetValue(place.ChildName, out var passed) && passed)
            {
                await register.RecordBadgeAsync(courseId, place.ChildName, place.Level, cancellationToken);
                _badges.Add(1, new KeyValuePair<string, object?>("level", place.Level), new("school", place.School)); // clean precision-about
                logger.LogInformation("Badge {Level} for {Child}", place.Level, place.ChildName); // leak TC1001 direct
            }

            if (!place.OwnBike)
            {
                _needLoanBike.Add(place);
            }
            else if (place.BikeFrameNumber is { } frame)
            {
                Activity.Current?.AddEvent(new ActivityEvent("cyclehub.bike.checked", tags: new ActivityTagsCollection { ["frame"] = frame })); // leak TC1001 direct
            }
        }

        var result = new CourseDayResult(courseId, places.FirstOrDefault()?.Level ?? "n/a", passedByChild.Count(p => p.Value), passedByChild.Count(p => !p.Value));
        logger.LogInformation("Course day {Result}", result); // clean logging-objects
        logger.LogInformation("Course day passes {Passes}", passedByChild); // leak TC1001 logging-objects
        logger.LogInformation("Ages on course {Ages}", places.Select(p => DateTime.Today.Year - p.DateOfBirth.Year).ToArray()); // clean precision-about
        Activity.Current?.SetTag("cyclehub.course.summary", $"{courseId}: {result.Passed} passed at {string.Join("/", places.Select(p => p.School).Distinct())}"); // clean strings
    }

    public void ReportLoanBikes()
    {
        logger.LogInformation("Loan bikes needed: {Count}", _needLoanBike.Count); // clean precision-about
        logger.LogInformation("Loan bikes needed for {Children}", string.Join(", ", _needLoanBike.Select(p => p.ChildName))); // leak TC1001 cross-member
    }
}
