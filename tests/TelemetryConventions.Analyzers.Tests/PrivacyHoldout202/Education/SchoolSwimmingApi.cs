namespace PrivacyHoldout202.Education;

public sealed record SchoolSwimBooking(string SchoolCode, string LessonId, string ChildName, DateOnly DateOfBirth, string ParentEmail, string ParentMobile, string? MedicalNote);

/// <summary>The sports centre's minimal API for primary schools booking pupils into swimming lessons.</summary>
public static class SchoolSwimmingApi
{
    private static readonly ActivitySource Source = new("campusfit.swim");
    private static readonly Counter<long> Enrolments = new Meter("campusfit.swim").CreateCounter<long>("campusfit.enrolments");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/schools/{schoolCode}/swim", BookAsync);
        routes.MapGet("/schools/{schoolCode}/swim/{lessonId}", LessonAsync);
    }

    private static async Task<ActionResult> BookAsync(SchoolSwimBooking booking, ISwimSchool school, Pseudonymizer pseudonymizer, ILogger<SwimBookingLog> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartCampusfitOperation(booking.SchoolCode);
        span.SetCampusfitActivity("swim"); // clean precision-about
        span.SetCampusfitNote($"school {booking.SchoolCode} lesson {booking.LessonId}"); // clean generated-api
        span.SetCampusfitNote($"pupil {booking.ChildName}, medical: {booking.MedicalNote}"); // leak TC1001 generated-api
        var age = DateTime.Today.Year - booking.DateOfBirth.Year;
        Activity.Current?.SetTag("pupil.age", age); // clean precision-about
        Activity.Current?.SetTag("pupil.dob", booking.DateOfBirth.ToString("yyyy-MM-dd")); // leak TC1001 direct
        Activity.Current?.SetTag("parent.mobile", booking.ParentMobile); // leak TC1001 direct
        Activity.Current?.SetTag("parent.mobile_prefix", booking.ParentMobile[..3]); // clean precision-about
        Activity.Current?.SetTag("school.code", booking.SchoolCode); // clean precision-names
        Activity.Current?.SetTag("pupil.has_medical_note", booking.MedicalNote is not null); // clean precision-about
        var swimmerRef = $"{booking.SchoolCode}-{booking.ChildName.Replace(' ', '.')}-{booking.DateOfBirth:yyyyMMdd}";
        Activity.Current?.SetTag("swimmer.ref", swimmerRef); // leak TC1001 strings
        var child = new ChildSwimmer(swimmerRef, booking.ChildName, booking.DateOfBirth, "", booking.ParentEmail, booking.ParentMobile, "stage-1", booking.MedicalNote);
        try
        {
            var enrolment = await school.EnrolAsync(booking.LessonId, child, cancellationToken);
            logger.LogInformation("Enrolled {EnrolmentId} into {LessonId}", enrolment.EnrolmentId, enrolment.LessonId); // clean precision-names
            logger.LogInformation("Enrolled {Enrolment}", enrolment); // leak TC1001 logging-objects
            logger.LogInformation("Child enrolled {@Child}", child with { MedicalNote = null, ParentMobile = "" }); // leak TC1001 logging-objects
            Enrolments.Add(1, new KeyValuePair<string, object?>("school", booking.SchoolCode)); // clean precision-names
            Enrolments.Add(1, new KeyValuePair<string, object?>("parent", booking.ParentEmail)); // leak TC1003 direct
            await school.NotifyParentAsync(booking.ParentEmail, $"{booking.ChildName} is booked", cancellationToken);
            return new OkResult(enrolment.EnrolmentId);
        }
        catch (ChildNotEligibleException ex)
        {
            logger.LogWarning("Not eligible: {Message}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, "not eligible"); // clean exceptions
            logger.LogCampusfitOperationFailedEvent(booking.SchoolCode, "not-eligible", pseudonymizer.PseudonymizeCampusfitMemberId(swimmerRef), "stage too low"); // clean generated-api
            return new BadRequestResult("stage");
        }
        catch (LessonFullException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            return new BadRequestResult(ex.Message);
        }
    }

    private static async Task<ActionResult> LessonAsync(string schoolCode, string lessonId, ISwimSchool school, ILogger<SwimBookingLog> logger, CancellationToken cancellationToken)
    {
        var lesson = await school.LessonAsync(lessonId, cancellationToken);
        logger.LogInformation("Lesson {Lesson}", lesson); // clean logging-objects
        logger.LogInformation("Lesson {LessonId} on {Day} at {StartsAt} in {Pool}, stage {Stage}", lesson.LessonId, lesson.Day, lesson.StartsAt, lesson.Pool, lesson.Stage); // clean precision-names
        return new OkResult(lesson);
    }
}

/// <summary>Category type for the swim booking logger.</summary>
public sealed class SwimBookingLog;
