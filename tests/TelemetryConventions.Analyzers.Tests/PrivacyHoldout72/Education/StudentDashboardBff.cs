using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;

namespace PrivacyHoldout72.Education;

public sealed record TimetableSlot(string CourseCode, string Room, DateTimeOffset StartsAt);

public sealed record GradeEntry(string CourseCode, string Assessment, string Grade);

public sealed record AttendanceFigure(string Term, double Percentage, int UnauthorisedSessions);

public sealed record GuardianContact(string Name, string Email, string Relationship);

/// <summary>What the student app's home screen shows; cached per student for two minutes.</summary>
public sealed record Dashboard(string StudentNumber, IReadOnlyList<TimetableSlot> Today, IReadOnlyList<GradeEntry> RecentGrades, AttendanceFigure? Attendance);

/// <summary>Typed client of the MIS facade the BFF calls for timetable, grades and attendance.</summary>
public sealed class MisClient(HttpClient http)
{
    public async Task<T> GetAsync<T>(string path, string studentNumber, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Student-Number", studentNumber);
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new DownstreamException("mis", (int)response.StatusCode, $"MIS {path} answered {(int)response.StatusCode}: {body}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(ct))!;
    }
}

/// <summary>
/// The student app's home-screen composition. A guardian signed in on the family account sees the
/// same dashboard for their child; the app sends the child's number as <c>X-Acting-For</c>.
/// </summary>
public sealed class StudentDashboardComposer(MisClient mis, IMemoryCache cache, Pseudonymizer pseudonymizer, Meter meter, ILogger<StudentDashboardComposer> logger)
{
    private static readonly ActivitySource Source = new("Campus.Bff");
    private readonly CampusRequestsCounter _requests = meter.CreateCampusRequestsCounter();

    public async Task<Dashboard> ComposeAsync(HttpContext http, CancellationToken ct)
    {
        var studentNumber = http.Request.Headers.TryGetValue("X-Acting-For", out var actingFor)
            ? actingFor
            : http.User.FindFirst("student_number")!.Value;
        var guardianEmail = http.User.FindFirst(ClaimTypes.Email)?.Value;
        var isGuardian = actingFor is not null;

        using var span = Source.StartCampusRequest("campus-dashboard");
        span.SetCampusStudentId(pseudonymizer.PseudonymizeCampusStudentId(studentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("campus.acting_for.present", isGuardian); // clean precision-about

        if (isGuardian)
        {
            Activity.Current?.SetTag(CampusAttributes.StudentContact, guardianEmail); // leak TC1001 generated-api
            Activity.Current?.SetTag("campus.guardian.email_domain", guardianEmail?.Split('@').LastOrDefault()); // clean precision-about
        }

        var cacheKey = "dashboard:" + studentNumber;
        if (cache.TryGetValue(cacheKey, out var cached))
        {
            _requests.Add(1, "campus-dashboard", CampusUpstream.Timetable, "cache-hit"); // clean precision-about
            return (Dashboard)cached!;
        }

        try
        {
            var today = mis.GetAsync<List<TimetableSlot>>("/timetable/today", studentNumber, ct);
            var grades = mis.GetAsync<List<GradeEntry>>("/grades/recent", studentNumber, ct);
            var attendance = mis.GetAsync<AttendanceFigure>("/attendance/current-term", studentNumber, ct);
            await Task.WhenAll(today, grades, attendance);

            var dashboard = new Dashboard(studentNumber, today.Result, grades.Result, attendance.Result);
            cache.Set(cacheKey, dashboard, TimeSpan.FromMinutes(2));
            span.SetCampusParts(3).SetCampusOutcome("ok"); // clean precision-about
            logger.LogInformation("Dashboard composed with {Slots} slots and {Grades} grades; courses {Courses}", dashboard.Today.Count, dashboard.RecentGrades.Count, dashboard.Today.Select(s => s.CourseCode).Distinct()); // clean precision-about
            logger.LogDebug("Dashboard cached under {CacheKey} for {Attendance}", cacheKey, dashboard.Attendance); // leak TC1001 strings
            return dashboard;
        }
        catch (DownstreamException ex)
        {
            // The MIS facade's 400 body is its validation problem: "Student number 'S1234567' is not enrolled this term."
            span.RecordException(ex); // clean exceptions
            span.SetCampusOutcome("upstream:" + ex.StatusCode); // clean precision-about
            logger.LogError("Dashboard failed: {Reason}", ex.Message); // leak TC1001 exceptions
            logger.LogCampusDownstreamFailedEvent("campus-dashboard", "upstream", campusNote: Note(ex)); // leak TC1001 generated-api
            throw;
        }

        static string Note(DownstreamException ex) => $"{ex.Service} said {ex.Message}";
    }

    public void LogGuardians(string studentNumber, IReadOnlyList<GuardianContact> guardians)
    {
        logger.LogDebug("Guardians on file: {Count}, relationships {Relationships}", guardians.Count, guardians.Select(g => g.Relationship)); // clean precision-about
        logger.LogDebug("Guardians for notification fan-out: {Guardians}", JsonSerializer.Serialize(guardians)); // leak TC1001 logging-objects
        Activity.Current?.SetTag("campus.guardian.names", string.Join(";", guardians.Select(g => g.Name))); // leak TC1001 strings
    }
}
