namespace PrivacyHoldout100.Education;

/// <summary>
/// The live classroom: students and the teacher join the lesson's group, chat, raise hands and show who is
/// typing. The user id provider maps a connection to the student number or the teacher's staff id.
/// </summary>
public sealed class ClassroomHub(ILogger<ClassroomHub> logger, Pseudonymizer pseudonymizer, PresenceTracker presence, MessageRateLimiter limiter) : Hub
{
    private static readonly ActivitySource Source = new("School.Classroom");
    private static readonly Meter Meter = new("School.Classroom");
    private static readonly ClassliveMessagesCounter Messages = Meter.CreateClassliveMessagesCounter();
    private static readonly Counter<long> Hands = Meter.CreateCounter<long>("classroom.hands.raised");

    public async Task JoinLesson(string lessonId)
    {
        var studentNumber = Context.UserIdentifier!;
        await Groups.AddToGroupAsync(Context.ConnectionId, $"lesson-{lessonId}");
        var first = presence.UserConnected(studentNumber, Context.ConnectionId);
        using var span = Source.StartClassliveHubInvoke("/hubs/classroom", nameof(JoinLesson))
            .SetClassliveLesson(lessonId) // clean generated-api
            .SetClassliveGroup($"lesson-{lessonId}") // clean generated-api
            .SetClassliveStudentId(pseudonymizer.PseudonymizeClassliveStudentId(studentNumber)); // clean precision-pseudonym
        logger.LogInformation("Student {Student} joined lesson {Lesson} (first device: {First})", studentNumber, lessonId, first); // leak TC1001 direct
        await Clients.OthersInGroup($"lesson-{lessonId}").SendAsync("studentJoined", studentNumber);
    }

    public async Task SendChat(string lessonId, string body)
    {
        var studentNumber = Context.UserIdentifier!;
        try
        {
            limiter.Acquire($"student:{studentNumber}");
        }
        catch (RateLimitExceededException ex)
        {
            logger.LogWarning("Chat throttled: {Reason}", ex.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("classroom.throttled.limit", ex.PermitLimit); // clean exceptions
            throw new HubException("You are sending messages too quickly."); // clean exceptions
        }
        var message = new ChatMessage(lessonId, studentNumber, body, DateTimeOffset.UtcNow);
        await Clients.Group($"lesson-{lessonId}").SendAsync("chat", message);
        Messages.Add(1, "/hubs/classroom", nameof(SendChat), "sent"); // clean generated-api
        Activity.Current?.SetTag("classroom.chat.length", body.Length); // clean precision-about
        Activity.Current?.SetTag("classroom.chat.message_id", message.MessageId); // clean precision-names
        logger.LogDebug("Chat relayed: {@Message}", message); // leak TC1001 logging-objects
        logger.LogTrace("Chat in {Lesson}: {Body}", lessonId, body); // leak TC1001 strings
    }

    public async Task Typing(TypingIndicator indicator)
    {
        await Clients.OthersInGroup($"lesson-{indicator.ConversationId}").SendAsync("typing", indicator);
        Activity.Current?.SetTag("classroom.typing", indicator.IsTyping); // clean precision-about
        Activity.Current?.SetTag("classroom.typing.who", indicator.DisplayName); // leak TC1001 direct
        Activity.Current?.AddEvent(new ActivityEvent("typing", tags: new ActivityTagsCollection { ["student"] = indicator.UserId })); // leak TC1001 direct
    }

    public async Task RaiseHand(string lessonId)
    {
        var studentNumber = Context.UserIdentifier!;
        await Clients.Group($"teacher-{lessonId}").SendAsync("handRaised", studentNumber);
        Hands.Add(1, new KeyValuePair<string, object?>("lesson", lessonId)); // clean precision-about
        Hands.Add(1, new KeyValuePair<string, object?>("student", studentNumber)); // leak TC1003 direct
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Lesson"] = lessonId, ["Student"] = studentNumber }); // leak TC1001 logging-objects
        logger.LogInformation("Hand raised in {Lesson}", lessonId); // clean precision-about
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        var studentNumber = Context.UserIdentifier ?? string.Empty;
        var offline = presence.UserDisconnected(studentNumber, Context.ConnectionId);
        using var span = Source.StartClassliveConnection("/hubs/classroom")
            .SetClassliveConnectionId(Context.ConnectionId) // clean generated-api
            .SetClassliveOutcome(offline ? "offline" : "still-connected"); // clean generated-api
        span.SetClassliveNote($"left: {studentNumber}"); // leak TC1001 generated-api
        if (exception is not null)
        {
            span.RecordException(exception, includeMessage: true); // clean exceptions
        }
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>A hub filter the school adds to every hub: times each invocation and logs what it was handed.</summary>
public sealed class ClassroomAuditFilter(ILogger<ClassroomAuditFilter> logger) : IHubFilter
{
    private static readonly Meter Meter = new("School.HubFilter");
    private static readonly ClassliveInvokeDurationHistogram Duration = Meter.CreateClassliveInvokeDurationHistogram();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var started = Stopwatch.GetTimestamp();
        logger.LogDebug("Invoking {Method} with {ArgumentCount} arguments", invocationContext.HubMethodName, invocationContext.HubMethodArguments.Count); // clean precision-about
        logger.LogTrace("Arguments of {Method}: {Arguments}", invocationContext.HubMethodName, string.Join(", ", invocationContext.HubMethodArguments)); // leak TC1001 strings
        try
        {
            return await next(invocationContext);
        }
        catch (HubException ex)
        {
            logger.LogWarning("{Method} refused for {User}: {Reason}", invocationContext.HubMethodName, invocationContext.Context.UserIdentifier, ex.Message); // leak TC1001 cross-member
            throw;
        }
        finally
        {
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, invocationContext.Hub.GetType().Name, invocationContext.HubMethodName); // clean generated-api
        }
    }
}
