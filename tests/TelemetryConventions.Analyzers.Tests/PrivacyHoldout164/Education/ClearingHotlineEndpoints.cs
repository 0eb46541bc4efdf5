namespace PrivacyHoldout164.Education;

/// <summary>The clearing hotline's minimal API: call handlers look up vacancies and log calls on results day.</summary>
public static class ClearingHotlineEndpoints
{
    private static readonly ActivitySource Source = new("Campus.Admissions.Clearing");
    private static readonly Meter Meter = new("Campus.Admissions.Clearing");
    private static readonly Counter<long> Calls = Meter.CreateCounter<long>("clearing.calls");
    private static readonly Histogram<double> CallSeconds = Meter.CreateHistogram<double>("clearing.call.duration", "s");

    public static EndpointRoutes MapClearing(this EndpointRoutes routes) =>
        routes
            .MapPost("/clearing/calls", async (ClearingCall call, IAdmissionsStore store, ILoggerFactory loggers, CancellationToken cancellationToken) =>
            {
                var logger = loggers.CreateLogger("Clearing");
                using var activity = Source.StartActivity("clearing.call");
                activity?.SetTag("clearing.call_id", call.CallId); // clean precision-names
                activity?.SetTag("clearing.course", call.CourseCode); // clean direct
                activity?.SetTag("clearing.caller", call.CallerPhone); // leak TC1001 direct
                activity?.SetTag("clearing.caller_suffix", call.CallerPhone[^2..]); // clean precision-about
                activity?.SetTag("clearing.grades", call.Grades); // clean precision-about
                Activity.Current?.SetBaggage("clearing.caller", call.CallerPhone); // leak TC1001 direct

                var vacancies = await store.VacanciesAsync(call.CourseCode, cancellationToken);
                logger.LogInformation("Caller {Phone} asked for {Course}: {Vacancies} places", call.CallerPhone, call.CourseCode, vacancies); // leak TC1001 direct
                logger.LogInformation("Call {CallId} for {Course}: {Vacancies} places", call.CallId, call.CourseCode, vacancies); // clean direct
                Calls.Add(1, new KeyValuePair<string, object?>("course", call.CourseCode), new KeyValuePair<string, object?>("caller", call.CallerPhone)); // leak TC1003 direct
                return vacancies > 0 ? "places" : "full";
            })
            .MapGet("/clearing/applicants/{ucasPersonalId}", async (string ucasPersonalId, IAdmissionsStore store, ILoggerFactory loggers, Pseudonymizer pseudonymizer, CancellationToken cancellationToken) =>
            {
                var logger = loggers.CreateLogger("Clearing");
                var started = Stopwatch.GetTimestamp();
                using var scope = logger.BeginScope("Applicant {UcasPersonalId}", ucasPersonalId); // leak TC1001 direct
                var applicant = await store.ApplicantAsync(ucasPersonalId, cancellationToken);
                var greeting = $"Hello {applicant.FullName.Split(' ')[0]}, we have your application";
                Activity.Current?.AddEvent(new ActivityEvent("clearing.greeted", tags: new ActivityTagsCollection { ["script"] = greeting })); // leak TC1001 strings
                var age = DateTime.UtcNow.Year - applicant.DateOfBirth.Year;
                Activity.Current?.SetTag("clearing.mature", age >= 21); // clean precision-about
                Activity.Current?.SetTag("clearing.postcode_district", applicant.Postcode.Split(' ')[0]); // clean precision-about
                Activity.Current?.SetTag("clearing.postcode", applicant.Postcode); // leak TC1001 direct
                Activity.Current?.SetTag("clearing.applicant", pseudonymizer.ComputeAdmissionsStudentId(ucasPersonalId)); // clean precision-pseudonym
                CallSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("applicant", pseudonymizer.ComputeAdmissionsStudentId(ucasPersonalId))); // leak TC1003 precision-pseudonym
                return applicant.UcasPersonalId;
            });
}
