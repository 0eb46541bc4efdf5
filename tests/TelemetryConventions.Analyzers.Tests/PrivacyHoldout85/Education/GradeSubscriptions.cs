namespace PrivacyHoldout85.Education;

public sealed record GradePosted(Guid GradeId, string StudentNumber, string CourseCode, decimal Mark);

public sealed record TimetableChanged(string TutorGroup, string Period, string Room);

[SubscriptionType]
public sealed class GradeSubscriptions(ILogger<GradeSubscriptions> logger)
{
    public static string GradeTopic(string studentNumber) => $"GradePosted_{studentNumber}";

    public static string TimetableTopic(string tutorGroup) => $"Timetable_{tutorGroup}";

    [Subscribe(With = nameof(SubscribeToGradesAsync))]
    public GradePosted OnGradePosted([EventMessage] GradePosted message)
    {
        logger.LogDebug("Pushing grade {GradeId} for {Course}", message.GradeId, message.CourseCode); // clean precision-about
        return message;
    }

    public async ValueTask<ISourceStream<GradePosted>> SubscribeToGradesAsync(string studentNumber, ITopicEventReceiver receiver, IResolverContext context)
    {
        var topic = GradeTopic(studentNumber);
        Activity.Current?.SetTag("graphql.subscription.topic", topic); // leak TC1001 strings
        return await receiver.SubscribeAsync<GradePosted>(topic, context.RequestAborted);
    }

    public async ValueTask<ISourceStream<TimetableChanged>> SubscribeToTimetableAsync(string tutorGroup, ITopicEventReceiver receiver, IResolverContext context)
    {
        var topic = TimetableTopic(tutorGroup);
        Activity.Current.EnrichLearngqlOperation(context.Operation.Name).SetLearngqlTopic(topic); // clean precision-about
        return await receiver.SubscribeAsync<TimetableChanged>(topic, context.RequestAborted);
    }
}

public sealed class GradePublisher(ITopicEventSender sender, ILogger<GradePublisher> logger, Meter meter)
{
    private readonly Histogram<double> _fanout = meter.CreateHistogram<double>("learn.subscription.publish_ms");

    public async Task PublishAsync(Grade grade, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var message = new GradePosted(grade.GradeId, grade.StudentNumber, grade.CourseCode, grade.Mark);
        await sender.SendAsync(GradeSubscriptions.GradeTopic(grade.StudentNumber), message, cancellationToken);
        _fanout.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("topic.kind", "GradePosted"), new KeyValuePair<string, object?>("course", grade.CourseCode)); // clean precision-about
        logger.LogInformation("Published {Message}", message); // leak TC1001 logging-objects
    }
}

/// <summary>The parent app's WebSocket connections: the connection_init payload carries the app's token and the guardian's email.</summary>
public sealed class GuardianSocketInterceptor(ILogger<GuardianSocketInterceptor> logger) : DefaultSocketSessionInterceptor
{
    public override ValueTask<ConnectionStatus> OnConnectAsync(ISocketSession session, CancellationToken cancellationToken)
    {
        logger.LogDebug("connection_init on {ConnectionId} with keys {Keys}", session.ConnectionId, string.Join(",", session.ConnectionInitPayload.Keys)); // clean precision-names
        if (!session.ConnectionInitPayload.TryGetValue("authToken", out var token) || token is null)
        {
            logger.LogWarning("Rejected socket {ConnectionId}: payload {Payload}", session.ConnectionId, session.ConnectionInitPayload); // leak TC1001 logging-objects
            return ValueTask.FromResult(ConnectionStatus.Reject("Missing authToken"));
        }

        var guardianEmail = session.ConnectionInitPayload.TryGetValue("guardianEmail", out var e) ? e as string : null;
        Activity.Current?.AddEvent(new ActivityEvent("learn.socket.accepted", tags: new ActivityTagsCollection { ["connection"] = session.ConnectionId, ["guardian"] = guardianEmail })); // leak TC1001 direct
        return ValueTask.FromResult(ConnectionStatus.Accept());
    }
}
