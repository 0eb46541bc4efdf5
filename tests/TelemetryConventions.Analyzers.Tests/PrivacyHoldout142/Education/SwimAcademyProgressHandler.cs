namespace PrivacyHoldout142.Education;

/// <summary>A swim teacher's end-of-lesson assessment from the poolside tablet: the badges passed, by child, and who was absent.</summary>
public sealed record LessonAssessment(string LessonId, string TeacherStaffId, IReadOnlyList<(string ChildRef, string BadgeCode)> Passed, IReadOnlyList<string> Absent);

/// <summary>The swim academy's handler for lesson assessments, badge certificates and moves between lessons.</summary>
public sealed class SwimAcademyProgressHandler(
    ISwimSchool school,
    IMemberMessenger messenger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<SwimAcademyProgressHandler> logger)
{
    private readonly Counter<long> _badges = meter.CreateCounter<long>("unisport.swim.badges", "{badge}");
    private string? _lastAbsentChild;

    public async Task HandleAsync(LessonAssessment assessment, CancellationToken cancellationToken)
    {
        var slot = await school.SlotAsync(assessment.LessonId, cancellationToken);
        using var span = source.StartUnisportOperation("main-campus-pool");
        span.SetUnisportStage(slot.Stage).SetUnisportMemberCount(assessment.Passed.Count); // clean generated-api
        Activity.Current?.SetTag("swim.lesson.id", slot.LessonId); // clean precision-names
        Activity.Current?.SetTag("swim.pool", slot.Pool); // clean precision-names
        Activity.Current?.SetTag("swim.teacher", assessment.TeacherStaffId); // leak TC1001 direct
        logger.LogInformation("Lesson slot {Slot}", slot); // clean logging-objects

        foreach (var (childRef, badgeCode) in assessment.Passed)
        {
            var award = new BadgeAward(childRef, badgeCode, slot.Stage, assessment.TeacherStaffId, DateOnly.FromDateTime(DateTime.Today));
            await school.AwardAsync(award, cancellationToken);
            _badges.Add(1, new KeyValuePair<string, object?>("badge", badgeCode), new("stage", slot.Stage)); // clean precision-about
            logger.LogInformation("Awarded {Award}", award); // leak TC1001 logging-objects
            logger.LogInformation("Awarded {BadgeCode} to swimmer {Swimmer}", badgeCode, pseudonymizer.ComputeUnisportSwimmerId(childRef)); // clean precision-pseudonym

            var child = await school.ChildAsync(childRef, cancellationToken);
            if (child is null)
            {
                continue;
            }

            var fields = new Dictionary<string, string> { ["first_name"] = child.FirstName, ["badge"] = badgeCode };
            await messenger.SendAsync("tpl-swim-badge", child.ParentEmail, fields, cancellationToken);
            logger.LogDebug("Certificate fields {Fields}", fields); // leak TC1001 logging-objects
            logger.LogDebug("Certificate with {FieldCount} fields sent to a {Domain} address", fields.Count, child.ParentEmail[(child.ParentEmail.LastIndexOf('@') + 1)..]); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("swim.badge.certificate", tags: new ActivityTagsCollection { ["swim.child.age"] = DateTime.Today.Year - child.DateOfBirth.Year, ["swim.has_medical_note"] = child.MedicalNote is not null })); // clean precision-about
            if (child.MedicalNote is { Length: > 0 } note)
            {
                Activity.Current?.AddEvent(new ActivityEvent("swim.medical.note", tags: new ActivityTagsCollection { ["note"] = note })); // leak TC1001 direct
            }
        }

        foreach (var absent in assessment.Absent)
        {
            _lastAbsentChild = absent;
            var cohort = BitConverter.ToUInt32(MD5.HashData(Encoding.UTF8.GetBytes(absent))) % 10;
            logger.LogInformation("Absent swimmer in cohort {Cohort}", cohort); // leak TC1002 hashes
        }
    }

    public async Task MoveAsync(string fromLessonId, string toLessonId, string childRef, CancellationToken cancellationToken)
    {
        try
        {
            var enrolment = await school.EnrolAsync(toLessonId, childRef, cancellationToken);
            logger.LogInformation("Enrolment {EnrolmentId} on {LessonId} at stage {Stage}", enrolment.EnrolmentId, enrolment.LessonId, enrolment.Stage); // clean precision-names
            logger.LogInformation("Moved {@Enrolment}", enrolment); // leak TC1001 logging-objects
        }
        catch (StageMismatchException ex)
        {
            logger.LogWarning(ex, "Stage {Stage} does not fit {LessonId}", ex.Stage, toLessonId); // clean exceptions
            logger.LogUnisportOperationFailedEvent("main-campus-pool", "stage-mismatch", unisportNote: ex.Message); // clean generated-api
        }
        catch (ChildNotEnrolledException ex)
        {
            logger.LogUnisportOperationFailedEvent("main-campus-pool", "not-enrolled", unisportNote: ex.Message); // leak TC1001 generated-api
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
        }
    }

    public void ReportLastAbsent()
    {
        Activity.Current?.SetTag("swim.last.absent", _lastAbsentChild); // leak TC1001 cross-member
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(_lastAbsentChild ?? string.Empty))[0] % 4;
        Activity.Current?.SetTag("swim.last.absent.shard", shard); // clean hashes
    }
}
