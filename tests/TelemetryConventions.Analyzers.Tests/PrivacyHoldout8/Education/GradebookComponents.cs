using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout8.Support;
using TelemetryConventions;

namespace PrivacyHoldout8.Education;

public sealed record LearnerSummary(string StudentNumber, string DisplayName, string CourseId, int MissingAssignments)
{
    // The summary is logged in several places; it prints only what support staff may see.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("CourseId = ").Append(CourseId).Append(", MissingAssignments = ").Append(MissingAssignments);
        return true;
    }
}

public sealed record LearnerDigest(string StudentNumber, string CourseId, int MissingAssignments);

public sealed class GuardianContact
{
    [JsonIgnore]
    public string Phone { get; init; } = string.Empty;

    [JsonIgnore]
    public string Email { get; init; } = string.Empty;

    public string Relationship { get; init; } = string.Empty;

    public bool PrefersSms { get; init; }
}

public sealed class EnrolmentBadge
{
    public string CourseId { get; init; } = string.Empty;

    public string StudentNumber { get; init; } = string.Empty;

    public string Term { get; init; } = string.Empty;
}

/// <summary>The gradebook page of the teacher portal.</summary>
public sealed class GradebookPage(ILogger<GradebookPage> logger) : ComponentBase
{
    private static readonly ActivitySource Source = new("PrivacyHoldout8.Education");

    [Parameter]
    public string StudentNumber { get; set; } = string.Empty;

    [Parameter]
    public string CourseId { get; set; } = string.Empty;

    [Parameter]
    public GuardianContact Guardian { get; set; } = new();

    [Inject]
    public Pseudonymizer Pseudonymizer { get; set; } = default!;

    private LearnerSummary? _summary;

    protected override async Task OnInitializedAsync()
    {
        using var activity = Source.StartActivity("gradebook.render");
        activity?.SetTag("course.id", CourseId); // clean precision-names
        activity?.SetTag("gradebook.student", StudentNumber); // leak TC1001 cross-member

        _summary = await LoadAsync();
        logger.LogInformation("Rendered gradebook {Summary}", _summary); // clean logging-objects
        logger.LogInformation("Rendered gradebook for {Learner}", new LearnerDigest(StudentNumber, CourseId, _summary.MissingAssignments)); // leak TC1001 logging-objects
        activity?.SetTag("gradebook.guardian", JsonSerializer.Serialize(Guardian)); // clean logging-objects
    }

    protected override Task OnParametersSetAsync()
    {
        var learner = Pseudonymizer.Pseudonymize("education.student", StudentNumber);
        Baggage.SetBaggage("learner", learner.Value); // clean precision-pseudonym
        Activity.Current?.AddEvent(new ActivityEvent("gradebook.parameters", tags: new ActivityTagsCollection { ["student.number.present"] = StudentNumber.Length > 0 })); // clean precision-about
        return Task.CompletedTask;
    }

    private Task<LearnerSummary> LoadAsync() =>
        Task.FromResult(new LearnerSummary(StudentNumber, "learner", CourseId, 0));
}

/// <summary>Listens to the classroom hub for live submission events.</summary>
public sealed class ClassroomHubClient(HubConnection connection, ILogger<ClassroomHubClient> logger, Pseudonymizer pseudonymizer)
{
    private static readonly Meter Meter = new("PrivacyHoldout8.Education");
    private static readonly Counter<long> Submissions = Meter.CreateCounter<long>("classroom.submissions");

    public void Register()
    {
        connection.On<string, string>("SubmissionReceived", (studentNumber, assignmentId) =>
        {
            Activity.Current?.SetTag("assignment.id", assignmentId); // clean direct
            logger.LogInformation("Submission from {Student} for {Assignment}", studentNumber, assignmentId); // leak TC1001 direct
            Submissions.Add(1, new KeyValuePair<string, object?>("assignment.id", assignmentId)); // clean precision-names
        });

        connection.On<string, string>("GuardianNotified", (guardianPhone, channel) =>
        {
            Submissions.Add(1, new KeyValuePair<string, object?>("guardian.phone", guardianPhone)); // leak TC1003 direct
            logger.LogDebug("Guardian notified over {Channel}", channel); // clean direct
        });

        connection.On<EnrolmentBadge>("BadgeAwarded", badge =>
        {
            logger.LogInformation("Badge awarded {@Badge}", badge); // leak TC1001 logging-objects
            logger.LogInformation("Badge awarded in {Course} for {Term}", badge.CourseId, badge.Term); // clean logging-objects
            Activity.Current?.SetTag("badge.learner", pseudonymizer.Pseudonymize("education.student", badge.StudentNumber).Value); // clean precision-pseudonym
        });
    }
}

public static class AttendanceReport
{
    public static void Publish(ILogger logger, IReadOnlyList<string> absentStudentNumbers, string classCode)
    {
        logger.LogInformation("Absent in {Class}: {Count}", classCode, absentStudentNumbers.Count); // clean precision-about
        logger.LogInformation("Absent in {Class}: {Students}", classCode, string.Join(",", absentStudentNumbers)); // leak TC1001 strings
        logger.LogInformation(@"Attendance closed for {Class}; first absent learner {First}", classCode, absentStudentNumbers.FirstOrDefault()); // leak TC1001 strings
    }
}
