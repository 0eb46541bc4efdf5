using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Education;

public interface IClassroomClient
{
    Task HandRaised(string displayName, int position);

    Task Typing(string displayName);

    Task Chat(string displayName, string body);
}

/// <summary>The live lesson: students join a lesson group, raise hands, chat and show typing.</summary>
[Authorize]
public sealed class ClassroomHub(LessonPresence presence, IEnrolments enrolments, ChatModeration moderation, ILogger<ClassroomHub> logger, Pseudonymizer pseudonymizer) : Hub<IClassroomClient>
{
    private string StudentNumber => Context.UserIdentifier ?? throw new HubException("Sign in again.");

    private string DisplayName => Context.User?.FindFirst("name")?.Value ?? "Student";

    public async Task JoinLesson(string lessonId)
    {
        if (!await enrolments.IsEnrolledAsync(StudentNumber, lessonId, Context.ConnectionAborted))
        {
            throw new HubException("You are not enrolled in this lesson.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, $"lesson-{lessonId}");
        var present = presence.Enter(lessonId, Context.ConnectionId, StudentNumber);
        logger.LogInformation("Student {StudentNumber} joined lesson {LessonId}", StudentNumber, lessonId); // leak TC1001 direct
        Activity.Current.EnrichRealtimeInvocation("classroom").SetRealtimeChannel($"lesson-{lessonId}").SetRealtimeParticipantId(pseudonymizer.PseudonymizeRealtimeParticipantId(StudentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("classroom.lesson.present", present); // clean precision-about
    }

    public async Task RaiseHand(string lessonId, int queuePosition)
    {
        await Clients.Group($"lesson-{lessonId}").HandRaised(DisplayName, queuePosition);
        logger.LogInformation("Hand raised in {LessonId}, {Position} in the queue", lessonId, queuePosition); // clean precision-about
        Activity.Current?.AddEvent(new ActivityEvent("hand.raised", tags: new ActivityTagsCollection { ["lesson"] = lessonId, ["by"] = DisplayName })); // leak TC1001 cross-member
    }

    public async Task StartTyping(string lessonId)
    {
        await Clients.OthersInGroup($"lesson-{lessonId}").Typing(DisplayName);
        logger.LogTrace("{Student} is typing in {LessonId}", Context.UserIdentifier, lessonId); // leak TC1001 direct
    }

    public async Task SendChat(string lessonId, string body)
    {
        var verdict = moderation.Review(lessonId, StudentNumber, body);
        if (verdict.Allowed)
        {
            await Clients.Group($"lesson-{lessonId}").Chat(DisplayName, verdict.Text);
        }

        ClassroomTelemetry.Meter.CreateRealtimeMessagesCounter().Add(1, "classroom", $"lesson-{lessonId}"); // clean generated-api
    }

    [Authorize(Roles = "teacher")]
    public async Task SendFeedback(string studentNumber, string text)
    {
        await Clients.User(studentNumber).Chat("Teacher", text);
        Activity.Current?.SetTag("feedback.length", text.Length); // clean precision-about
        logger.LogInformation("Private feedback sent to {StudentNumber}", studentNumber); // leak TC1001 direct
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Leave(Context.ConnectionId);
        logger.LogInformation("Connection {ConnectionId} closed ({Reason})", Context.ConnectionId, exception?.GetType().Name ?? "normal"); // clean exceptions
        return Task.CompletedTask;
    }
}
