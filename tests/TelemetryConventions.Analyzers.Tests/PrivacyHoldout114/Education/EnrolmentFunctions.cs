using System.Net;

namespace PrivacyHoldout114.Education;

/// <summary>An enrolment in the registry container; its <c>id</c> is <c>{StudentNumber}-{CourseCode}</c>.</summary>
public sealed record EnrolmentDocument(string id, string StudentNumber, string CourseCode, string Status, string GuardianEmail, string PreferredName, int YearGroup);

public sealed record GuardianNotice(string GuardianEmail, string StudentNumber, string CourseCode);

/// <summary>Enrolments: a Cosmos DB change feed, an HTTP lookup for the portal and a nightly timer.</summary>
public sealed class EnrolmentFunctions(ILogger<EnrolmentFunctions> logger, Pseudonymizer pseudonymizer, IEnrolmentRoster roster)
{
    private static readonly ActivitySource Source = new("University.Enrolment.Functions");
    private static readonly Meter Meter = new("University.Enrolment.Functions");
    private static readonly CoursefnDurationHistogram Duration = Meter.CreateCoursefnDurationHistogram();
    private static readonly Counter<long> Changes = Meter.CreateCounter<long>("coursefn.enrolment.changes");

    [Function("EnrolmentChanged")]
    [QueueOutput("guardian-notices")]
    public IEnumerable<GuardianNotice> EnrolmentChanged(
        [CosmosDBTrigger("registry", "enrolments", LeaseContainerName = "leases")] IReadOnlyList<EnrolmentDocument> changes,
        FunctionContext context)
    {
        using var span = Source.StartCoursefnInvoke("EnrolmentChanged", "cosmosdb");
        span.SetCoursefnBatchSize(changes.Count); // clean generated-api
        foreach (var change in changes)
        {
            Changes.Add(1, new KeyValuePair<string, object?>("status", change.Status), new KeyValuePair<string, object?>("course", change.CourseCode)); // clean precision-about
            logger.LogInformation("Enrolment {DocumentId} is now {Status}", change.id, change.Status); // leak TC1001 cross-member
            if (change.YearGroup < 13)
            {
                logger.LogInformation("Notifying guardian {GuardianEmail} of {CourseCode}", change.GuardianEmail, change.CourseCode); // leak TC1001 direct
                logger.LogInformation("Notifying guardian at {GuardianDomain}", change.GuardianEmail.Split('@')[1]); // clean precision-about
                span.Activity?.SetTag(CoursefnAttributes.StudentContact, change.GuardianEmail); // leak TC1001 generated-api
                yield return new GuardianNotice(change.GuardianEmail, change.StudentNumber, change.CourseCode);
            }
        }
        logger.LogInformation("Processed changes for {Names}", string.Join(", ", changes.Select(c => c.PreferredName))); // leak TC1001 strings
        logger.LogInformation("Processed changes in {Courses}", string.Join(", ", changes.Select(c => c.CourseCode).Distinct())); // clean strings
    }

    [Function("GetEnrolment")]
    public async Task<HttpResponseData> GetEnrolment(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "students/{studentNumber}/enrolments")] HttpRequestData request,
        string studentNumber,
        FunctionContext context)
    {
        var started = Stopwatch.GetTimestamp();
        Activity.Current?.SetTag("url.full", request.Url.ToString()); // leak TC1001 strings
        Activity.Current?.SetTag("http.route", "students/{studentNumber}/enrolments"); // clean precision-names
        Activity.Current?.SetTag("coursefn.student.id", pseudonymizer.ComputeCoursefnStudentId(studentNumber)); // clean precision-pseudonym
        var enrolments = await roster.ForStudentAsync(studentNumber);
        logger.LogInformation("Returned {Count} enrolments, invocation {InvocationId}", enrolments.Count, context.InvocationId); // clean precision-about
        logger.LogDebug("Route values {@RouteValues}", context.BindingContext.BindingData); // leak TC1001 logging-objects
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "GetEnrolment", "http"); // clean generated-api
        var response = request.CreateResponse(HttpStatusCode.OK);
        await response.WriteAsJsonAsync(enrolments);
        return response;
    }

    [Function("NightlyRosterSync")]
    public async Task NightlyRosterSync([TimerTrigger("0 30 2 * * *")] TimerInfo timer, FunctionContext context)
    {
        var log = context.GetLogger("NightlyRosterSync");
        try
        {
            var synced = await roster.SyncAsync(context.CancellationToken);
            log.LogInformation("Roster sync moved {Count} enrolments; next run {Next}", synced, timer.ScheduleStatus?.Next); // clean precision-about
        }
        catch (RosterConflictException ex)
        {
            log.LogError(ex, "Roster sync conflict"); // leak TC1001 exceptions
            log.LogError("Roster sync conflict on course {CourseCode}", ex.CourseCode); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
        }
    }
}

public sealed class RosterConflictException(string studentNumber, string courseCode)
    : Exception($"Student {studentNumber} is enrolled twice on {courseCode}")
{
    public string CourseCode { get; } = courseCode;
}

public interface IEnrolmentRoster
{
    Task<IReadOnlyList<EnrolmentDocument>> ForStudentAsync(string studentNumber);

    Task<int> SyncAsync(CancellationToken cancellationToken);
}
